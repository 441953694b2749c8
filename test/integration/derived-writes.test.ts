/** Rows derived from goals cost as little as they can: an edit that leaves a goal's summary as it was
 * writes no index row, and one that changes it rewrites them. */
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, inject, test } from "vitest";
import { withCascadeIndex } from "../../functions/src/domain/cascade-indexing.js";
import { buildTestGoal } from "../support/test-goals.js";
import type { Goal } from "../../functions/src/domain/types.js";
import { placementPointerAt } from "../../functions/src/store/goal-pointers.js";
import { CASCADE_TABLE, createCascadeIndex, PACK_ROW } from "../../functions/src/store/cascade-index.js";
import { createTableDirectory } from "../../functions/src/store/directory-store.js";
import { createGoalStore } from "../../functions/src/store/goal-store.js";
import { createTableFactory, makeKey, TABLE_NAMES, type TableFactory } from "../../functions/src/store/tables.js";
import { storeManagerAndReport } from "../support/stored-team.js";

let factory: TableFactory;

beforeAll(async () => {
  factory = createTableFactory({ kind: "connectionString", connectionString: inject("azuriteConnectionString") });
  await factory.ensureTables([CASCADE_TABLE, ...createGoalStore(factory).tables, ...createTableDirectory(factory).tables]);
});

describe("writes that leave the summary as it was", () => {
  async function setUp() {
    const { tenantId, manager, owner, directory } = await storeManagerAndReport(factory);
    const fail = (error: unknown) => {
      throw error;
    };
    const goals = withCascadeIndex(createGoalStore(factory), directory, createCascadeIndex(factory), fail);
    const updatedAt = new Date().toISOString();
    const parent = buildTestGoal({ tenantId, id: randomUUID(), ownerId: manager.id, updatedAt });
    const goal = buildTestGoal({ tenantId, id: randomUUID(), ownerId: owner.id, parentId: parent.id, updatedAt });
    await goals.saveGoal({ goal: parent, audit: [] });
    const created = await goals.saveGoal({ goal, audit: [] });
    return { tenantId, goals, created };
  }

  async function readDerived(tenantId: string, goal: Goal) {
    const read = (table: string, pk: string, rk: string) => factory.getClient(table).getEntity(pk, rk).then((e) => e.etag);
    const child = await read(TABLE_NAMES.children, makeKey(tenantId, goal.parentId!), goal.id);
    const at = placementPointerAt(tenantId, goal.id);
    const pointer = await factory.getClient(CASCADE_TABLE).getEntity<{ managerKey: string; cycleId: string; ownerId: string }>(at.partitionKey, at.rowKey);
    const row = await read(CASCADE_TABLE, makeKey(tenantId, pointer.cycleId, "m", pointer.managerKey), PACK_ROW);
    return { child, row };
  }

  test("a new description writes the goal and nothing derived; a new title rewrites every derived row", async () => {
    const { tenantId, goals, created } = await setUp();
    const before = await readDerived(tenantId, created.value);

    const described = { ...created.value, description: "Why this matters", updatedAt: new Date(Date.now() + 1000).toISOString() };
    const saved = await goals.saveGoal({ goal: described, etag: created.etag, audit: [], previous: created.value });
    expect(saved.etag).not.toBe(created.etag);
    expect(await readDerived(tenantId, described)).toEqual(before);

    const renamed = { ...described, title: "A clearer title", updatedAt: new Date(Date.now() + 2000).toISOString() };
    await goals.saveGoal({ goal: renamed, etag: saved.etag, audit: [], previous: described });
    const after = await readDerived(tenantId, renamed);
    expect(after.child).not.toBe(before.child);
    expect(after.row).not.toBe(before.row);
  });
});
