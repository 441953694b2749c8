/** A goal read by id goes straight to the owner's partition when its id names the owner or the
 * instance already knows it, and still finds the goal after it moved to someone else — also when a
 * move stopped half way or was undone. */
import { randomUUID } from "node:crypto";
import type { TableClient } from "@azure/data-tables";
import { beforeAll, describe, expect, inject, test } from "vitest";
import { buildTestGoal } from "../support/test-goals.js";
import { newGoalId } from "../../functions/src/domain/goal-ids.js";
import type { Goal } from "../../functions/src/domain/types.js";
import { goalRowKey, ownerPartition, toGoalEntity } from "../../functions/src/store/goal-entity.js";
import { createGoalMover } from "../../functions/src/store/goal-move.js";
import { createGoalStore } from "../../functions/src/store/goal-store.js";
import { goalPointerAt } from "../../functions/src/store/goal-pointers.js";
import { countStorageRequests } from "../../functions/src/store/request-count.js";
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

const uuids = { newId: () => randomUUID() };

/** Storage round trips made by `work`, with its result. */
async function counted<T>(work: () => Promise<T>): Promise<{ result: T; requests: number }> {
  let requests = -1;
  const result = await countStorageRequests(work, (n) => (requests = n));
  return { result, requests };
}

/** A goal created the way the product creates it: its id names its owner. */
async function createNamedGoal(): Promise<Goal> {
  const ownerId = randomUUID();
  const goal = buildTestGoal({ tenantId: randomUUID(), id: newGoalId(ownerId, uuids), ownerId });
  await createGoalStore(factory).saveGoal({ goal, audit: [] });
  return goal;
}

/** Hands the goal to another owner the way a reassignment does: the move, then the save of the moved goal. */
async function handOver(goal: Goal, ownerId: string, title = goal.title): Promise<Goal> {
  const store = createGoalStore(factory);
  const source = (await store.getGoal(goal.tenantId, goal.id))!;
  const moved = { ...source.value, ownerId, title };
  const placed = await createGoalMover(factory).moveGoal(source, moved);
  await store.saveGoal({ goal: placed.value, etag: placed.etag, audit: [], previous: source.value });
  return moved;
}

describe("ids that name their owner", () => {
  test("a goal is read by id in one storage request by an instance that has never seen it, without the pointer", async () => {
    const goal = await createNamedGoal();
    const reader = createCountingStore();
    const { result, requests } = await counted(() => reader.store.getGoal(goal.tenantId, goal.id));
    expect(result?.value).toMatchObject({ id: goal.id, ownerId: goal.ownerId, title: goal.title });
    expect(result?.etag).toBeTruthy();
    expect(requests).toBe(1);
    expect(reader.pointerReads()).toBe(0);
  });

  test("the pointer is still written for a named id", async () => {
    const goal = await createNamedGoal();
    const at = goalPointerAt(goal.tenantId, goal.id);
    const pointer = await factory.getClient(TABLE_NAMES.goalIndex).getEntity<{ ownerId: string }>(at.partitionKey, at.rowKey);
    expect(pointer.ownerId).toBe(goal.ownerId);
  });

  test("after the goal is handed to someone else, a read finds the new owner through the pointer, then remembers it", async () => {
    const goal = await createNamedGoal();
    const newOwner = randomUUID();
    await handOver(goal, newOwner, "Now someone else's");
    const reader = createCountingStore();
    const first = await counted(() => reader.store.getGoal(goal.tenantId, goal.id));
    expect(first.result?.value).toMatchObject({ ownerId: newOwner, title: "Now someone else's" });
    expect(first.requests).toBe(3);
    const second = await counted(() => reader.store.getGoal(goal.tenantId, goal.id));
    expect(second.result?.value.ownerId).toBe(newOwner);
    expect(second.requests).toBe(1);
  });

  test("an instance that read the goal before it moved away and back reads it where it is", async () => {
    const goal = await createNamedGoal();
    const reader = createCountingStore();
    await reader.store.getGoal(goal.tenantId, goal.id);
    const away = await handOver(goal, randomUUID(), "Away");
    expect((await reader.store.getGoal(goal.tenantId, goal.id))?.value).toMatchObject({ ownerId: away.ownerId, title: "Away" });
    await handOver(away, goal.ownerId, "Back home");
    expect((await reader.store.getGoal(goal.tenantId, goal.id))?.value).toMatchObject({ ownerId: goal.ownerId, title: "Back home" });
    const fresh = await counted(() => createGoalStore(factory).getGoal(goal.tenantId, goal.id));
    expect(fresh.result?.value.title).toBe("Back home");
    expect(fresh.requests).toBe(1);
  });

  test("while a goal moves back to the owner its id names, the copy there is not served until the move is saved", async () => {
    const goal = await createNamedGoal();
    const away = await handOver(goal, randomUUID(), "Away");
    const store = createGoalStore(factory);
    const source = (await store.getGoal(goal.tenantId, goal.id))!;
    await goalsTable.updateEntity({ ...toGoalEntity(away), movingTo: goal.ownerId }, "Replace", { etag: source.etag });
    await goalsTable.upsertEntity({ ...toGoalEntity({ ...away, ownerId: goal.ownerId, title: "Not moved yet" }), movingFrom: away.ownerId }, "Replace");
    expect((await createGoalStore(factory).getGoal(goal.tenantId, goal.id))?.value).toMatchObject({ ownerId: away.ownerId, title: "Away" });
  });

  test("a move back that fails because the goal changed since it was read leaves the goal where it is, also for a read by its id", async () => {
    const goal = await createNamedGoal();
    const away = await handOver(goal, randomUUID(), "Away");
    const store = createGoalStore(factory);
    const before = (await store.getGoal(goal.tenantId, goal.id))!;
    await store.saveGoal({ goal: { ...away, description: "Changed meanwhile" }, etag: before.etag, audit: [], previous: away });
    await expect(createGoalMover(factory).moveGoal(before, { ...away, ownerId: goal.ownerId })).rejects.toMatchObject({ code: "precondition_failed" });
    const after = await counted(() => createGoalStore(factory).getGoal(goal.tenantId, goal.id));
    expect(after.result?.value).toMatchObject({ ownerId: away.ownerId, description: "Changed meanwhile" });
  });

  test("a deleted goal is gone for a read by its id", async () => {
    const goal = await createNamedGoal();
    const store = createGoalStore(factory);
    const stored = (await store.getGoal(goal.tenantId, goal.id))!;
    await store.deleteGoal(goal.tenantId, goal, stored.etag, { id: randomUUID(), goalId: goal.id, at: goal.updatedAt, actorId: goal.ownerId, action: "deleted", comment: null, changes: {} });
    expect(await createGoalStore(factory).getGoal(goal.tenantId, goal.id)).toBeNull();
    expect(await store.getGoal(goal.tenantId, goal.id)).toBeNull();
  });

  test("a tombstone left by a delete that stopped half way is not served", async () => {
    const goal = await createNamedGoal();
    const stored = (await createGoalStore(factory).getGoal(goal.tenantId, goal.id))!;
    await goalsTable.updateEntity({ ...toGoalEntity(goal), status: "deleted" }, "Replace", { etag: stored.etag });
    await factory.getClient(TABLE_NAMES.goalIndex).deleteEntity(goalPointerAt(goal.tenantId, goal.id).partitionKey, goal.id);
    expect(await createGoalStore(factory).getGoal(goal.tenantId, goal.id)).toBeNull();
  });

  test("ids made before name no owner and are still found through the pointer", async () => {
    const goal = await createGoal();
    const { result, requests } = await counted(() => createGoalStore(factory).getGoal(goal.tenantId, goal.id));
    expect(result?.value.id).toBe(goal.id);
    expect(requests).toBe(2);
  });

  test("ids naming an owner without that goal, or another tenant, find nothing", async () => {
    const goal = await createNamedGoal();
    const store = createGoalStore(factory);
    expect(await store.getGoal(goal.tenantId, newGoalId(goal.ownerId, uuids))).toBeNull();
    expect(await store.getGoal(goal.tenantId, newGoalId(randomUUID(), uuids))).toBeNull();
    expect(await store.getGoal(randomUUID(), goal.id)).toBeNull();
    expect(await store.getGoal(goal.tenantId, `${goal.id.slice(0, -1)}${goal.id.endsWith("A") ? "B" : "A"}`)).toBeNull();
  });
});
