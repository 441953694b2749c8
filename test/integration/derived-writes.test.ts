/** Rows derived from goals stay right while costing as little as they can: dashboard snapshots that
 * one instance remembers still go stale when another instance stamps a change, and an edit that leaves
 * a goal's summary as it was writes no index row and no stamp. */
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, inject, test } from "vitest";
import { withCascadeIndex } from "../../functions/src/domain/cascade-indexing.js";
import { withChangeStamps } from "../../functions/src/domain/dashboard-service.js";
import type { Dashboard } from "../../functions/src/contracts/views.js";
import { buildTestGoal } from "../support/test-goals.js";
import type { Goal } from "../../functions/src/domain/types.js";
import { placementPointerAt } from "../../functions/src/store/goal-pointers.js";
import { CASCADE_TABLE, createCascadeIndex } from "../../functions/src/store/cascade-index.js";
import { createDashboardStore, DASHBOARDS_TABLE } from "../../functions/src/store/dashboard-store.js";
import { createTableDirectory } from "../../functions/src/store/directory-store.js";
import { createGoalStore } from "../../functions/src/store/goal-store.js";
import { createTableFactory, makeKey, TABLE_NAMES, type TableFactory } from "../../functions/src/store/tables.js";
import { buildPerson } from "../support/org-builder.js";

const MINUTE = 60_000;
let factory: TableFactory;

beforeAll(async () => {
  factory = createTableFactory({ kind: "connectionString", connectionString: inject("azuriteConnectionString") });
  await factory.ensureTables([DASHBOARDS_TABLE, CASCADE_TABLE, ...createGoalStore(factory).tables, ...createTableDirectory(factory).tables]);
});

const figures = (people: number) => ({ people }) as unknown as Dashboard;

describe("dashboard snapshots shared by two instances", () => {
  test("a remembered snapshot is served until a stamp from anywhere makes it stale, then the newer stored one wins", async () => {
    const [first, second] = [createDashboardStore(factory), createDashboardStore(factory)];
    const tenantId = randomUUID();
    const t0 = new Date();
    const at = (ms: number) => new Date(t0.getTime() + ms);
    await first.write(tenantId, "m1", "c1", figures(3), t0);
    expect(await first.readFresh(tenantId, "m1", "c1", at(1000), 5 * MINUTE)).toEqual(figures(3));
    expect(await second.readFresh(tenantId, "m1", "c1", at(1000), 5 * MINUTE)).toEqual(figures(3));

    await second.markChanged(tenantId, ["m1"], at(2000));
    expect(await first.readFresh(tenantId, "m1", "c1", at(3000), 5 * MINUTE)).toBeNull();

    await second.write(tenantId, "m1", "c1", figures(4), at(4000));
    expect(await first.readFresh(tenantId, "m1", "c1", at(5000), 5 * MINUTE)).toEqual(figures(4));
    expect(await first.readFresh(tenantId, "m1", "c1", at(4000 + 5 * MINUTE), 5 * MINUTE)).toBeNull();
    expect(await first.readFresh(tenantId, "m1", "other-cycle", at(5000), 5 * MINUTE)).toBeNull();
  });
});

describe("writes that leave the summary as it was", () => {
  async function setUp() {
    const tenantId = randomUUID();
    const manager = buildPerson();
    const owner = buildPerson({ managerId: manager.id });
    const directory = createTableDirectory(factory);
    await directory.upsertPeople(tenantId, [manager, owner]);
    const snapshots = createDashboardStore(factory);
    const fail = (error: unknown) => {
      throw error;
    };
    const stamped = withChangeStamps(createGoalStore(factory), { directory, clock: { now: () => new Date() } }, snapshots, fail);
    const goals = withCascadeIndex(stamped, directory, createCascadeIndex(factory), fail);
    const updatedAt = new Date().toISOString();
    const parent = buildTestGoal({ tenantId, id: randomUUID(), ownerId: manager.id, updatedAt });
    const goal = buildTestGoal({ tenantId, id: randomUUID(), ownerId: owner.id, parentId: parent.id, updatedAt });
    await goals.saveGoal({ goal: parent, audit: [] });
    const created = await goals.saveGoal({ goal, audit: [] });
    return { tenantId, manager, goals, created };
  }

  async function readDerived(tenantId: string, managerId: string, goal: Goal) {
    const read = (table: string, pk: string, rk: string) => factory.getClient(table).getEntity(pk, rk).then((e) => e.etag);
    const stamp = await read(DASHBOARDS_TABLE, makeKey(tenantId, managerId), "stamp");
    const child = await read(TABLE_NAMES.children, makeKey(tenantId, goal.parentId!), goal.id);
    const at = placementPointerAt(tenantId, goal.id);
    const pointer = await factory.getClient(CASCADE_TABLE).getEntity<{ managerKey: string; cycleId: string; ownerId: string }>(at.partitionKey, at.rowKey);
    const row = await read(CASCADE_TABLE, makeKey(tenantId, pointer.cycleId, "m", pointer.managerKey), makeKey(pointer.ownerId, goal.id));
    return { stamp, child, row };
  }

  test("a new description writes the goal and nothing derived; a new title rewrites every derived row", async () => {
    const { tenantId, manager, goals, created } = await setUp();
    const before = await readDerived(tenantId, manager.id, created.value);

    const described = { ...created.value, description: "Why this matters", updatedAt: new Date(Date.now() + 1000).toISOString() };
    const saved = await goals.saveGoal({ goal: described, etag: created.etag, audit: [], previous: created.value });
    expect(saved.etag).not.toBe(created.etag);
    expect(await readDerived(tenantId, manager.id, described)).toEqual(before);

    const renamed = { ...described, title: "A clearer title", updatedAt: new Date(Date.now() + 2000).toISOString() };
    await goals.saveGoal({ goal: renamed, etag: saved.etag, audit: [], previous: described });
    const after = await readDerived(tenantId, manager.id, renamed);
    expect(after.stamp).not.toBe(before.stamp);
    expect(after.child).not.toBe(before.child);
    expect(after.row).not.toBe(before.row);
  });
});
