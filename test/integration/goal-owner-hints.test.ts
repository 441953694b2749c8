/** A goal read by id goes straight to the owner's partition when the instance already knows the owner,
 * and still finds the goal after it moved to someone else — also when a move stopped half way. */
import { randomUUID } from "node:crypto";
import type { TableClient } from "@azure/data-tables";
import { beforeAll, describe, expect, inject, test } from "vitest";
import { buildTestGoal } from "../support/test-goals.js";
import type { Goal } from "../../functions/src/domain/types.js";
import { goalRowKey, ownerPartition, toGoalEntity } from "../../functions/src/store/goal-entity.js";
import { createGoalMover } from "../../functions/src/store/goal-move.js";
import { createGoalStore } from "../../functions/src/store/goal-store.js";
import { goalPointerAt } from "../../functions/src/store/goal-pointers.js";
import { createTableFactory, TABLE_NAMES, type TableFactory } from "../../functions/src/store/tables.js";

let factory: TableFactory;
let goalsTable: TableClient;

beforeAll(async () => {
  factory = createTableFactory({ kind: "connectionString", connectionString: inject("azuriteConnectionString") });
  await factory.ensureTables(createGoalStore(factory).tables);
  goalsTable = factory.getClient(TABLE_NAMES.goals);
});

/** A goal store whose pointer reads are counted. */
function createCountingStore() {
  let pointerReads = 0;
  const counting: TableFactory = {
    ensureTables: (tables) => factory.ensureTables(tables),
    getClient(table) {
      const client = factory.getClient(table);
      if (table !== TABLE_NAMES.goalIndex) return client;
      return new Proxy(client, {
        get(target, prop, receiver) {
          if (prop !== "getEntity") return Reflect.get(target, prop, receiver);
          return (...args: Parameters<TableClient["getEntity"]>) => {
            pointerReads++;
            return target.getEntity(...args);
          };
        },
      });
    },
  };
  return { store: createGoalStore(counting), pointerReads: () => pointerReads };
}

async function createGoal(): Promise<Goal> {
  const tenantId = randomUUID();
  const goal = buildTestGoal({ tenantId, id: randomUUID(), ownerId: randomUUID() });
  await createGoalStore(factory).saveGoal({ goal, audit: [] });
  return goal;
}

describe("owner hints", () => {
  test("a second read of the same goal skips the pointer", async () => {
    const goal = await createGoal();
    const reader = createCountingStore();
    expect((await reader.store.getGoal(goal.tenantId, goal.id))?.value.title).toBe(goal.title);
    expect((await reader.store.getGoal(goal.tenantId, goal.id))?.value.title).toBe(goal.title);
    expect(reader.pointerReads()).toBe(1);
  });

  test("after a move by another instance, the read follows the pointer to the new owner", async () => {
    const goal = await createGoal();
    const reader = createCountingStore();
    const before = (await reader.store.getGoal(goal.tenantId, goal.id))!;
    const moved = { ...goal, ownerId: randomUUID() };
    await createGoalMover(factory).moveGoal(before, moved);
    expect((await reader.store.getGoal(goal.tenantId, goal.id))?.value.ownerId).toBe(moved.ownerId);
    expect(reader.pointerReads()).toBe(2);
  });

  test("a move that stopped after the pointer flipped: the marked leftover is not served", async () => {
    const goal = await createGoal();
    const reader = createCountingStore();
    const before = (await reader.store.getGoal(goal.tenantId, goal.id))!;
    const moved = { ...goal, ownerId: randomUUID(), title: "Owned by the new owner" };
    await goalsTable.updateEntity({ ...toGoalEntity(goal), movingTo: moved.ownerId }, "Replace", { etag: before.etag });
    await goalsTable.upsertEntity({ ...toGoalEntity(moved) }, "Replace");
    await factory.getClient(TABLE_NAMES.goalIndex).upsertEntity({ ...goalPointerAt(goal.tenantId, goal.id), ownerId: moved.ownerId }, "Replace");
    expect((await reader.store.getGoal(goal.tenantId, goal.id))?.value.title).toBe("Owned by the new owner");
  });

  test("a move that stopped before the pointer flipped: the goal stays where it was and can be edited", async () => {
    const goal = await createGoal();
    const reader = createCountingStore();
    const before = (await reader.store.getGoal(goal.tenantId, goal.id))!;
    await goalsTable.updateEntity({ ...toGoalEntity(goal), movingTo: randomUUID() }, "Replace", { etag: before.etag });
    const current = (await reader.store.getGoal(goal.tenantId, goal.id))!;
    expect(current.value.ownerId).toBe(goal.ownerId);
    const edited = { ...current.value, description: "Still mine" };
    await reader.store.saveGoal({ goal: edited, etag: current.etag, audit: [], previous: current.value });
    const row = await goalsTable.getEntity<{ movingTo?: string; description: string }>(ownerPartition(goal.tenantId, goal.ownerId), goalRowKey(goal.id));
    expect(row.description).toBe("Still mine");
    expect(row.movingTo).toBeUndefined();
  });

  test("a move fails as stale when the source changed after it was read, and the goal stays put", async () => {
    const goal = await createGoal();
    const store = createGoalStore(factory);
    const before = (await store.getGoal(goal.tenantId, goal.id))!;
    await store.saveGoal({ goal: { ...goal, description: "Changed meanwhile" }, etag: before.etag, audit: [], previous: goal });
    await expect(createGoalMover(factory).moveGoal(before, { ...goal, ownerId: randomUUID() })).rejects.toMatchObject({ code: "precondition_failed" });
    const after = (await createGoalStore(factory).getGoal(goal.tenantId, goal.id))!;
    expect(after.value).toMatchObject({ ownerId: goal.ownerId, description: "Changed meanwhile" });
  });
});
