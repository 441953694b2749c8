/** Storage that scales: a subtree view reads the subtree's own entities and nothing of the rest of
 * the tenant, every query names its partition, and the index follows goal writes and moves. */
import { randomUUID } from "node:crypto";
import type { TableClient } from "@azure/data-tables";
import { beforeAll, describe, expect, inject, test } from "vitest";
import { rebuildCascadeIndex, reindexGoal, withCascadeIndex } from "../../functions/src/domain/cascade-indexing.js";
import { getOrgCascade } from "../../functions/src/domain/org-cascade.js";
import type { OrgCascadeDeps } from "../../functions/src/domain/org-cascade-load.js";
import { buildTestGoal } from "../support/test-goals.js";
import type { Cycle, Goal, Person } from "../../functions/src/domain/types.js";
import { summariseGoal } from "../../functions/src/domain/cascade-ports.js";
import { CASCADE_TABLE, createCascadeIndex, PACK_MAX_CHARS, PACK_ROW, readPackRow, toSummaryEntity } from "../../functions/src/store/cascade-index.js";
import { createCycleStore, DEFAULT_POLICY } from "../../functions/src/store/cycle-store.js";
import { createTableDirectory } from "../../functions/src/store/directory-store.js";
import { createGoalStore } from "../../functions/src/store/goal-store.js";
import { createRollUpStore } from "../../functions/src/store/rollup-store.js";
import { storageUnavailable } from "../../functions/src/store/storage-timeout.js";
import { createTableFactory, type TableFactory } from "../../functions/src/store/tables.js";
import { buildRunningCycle } from "../support/cascade-fixtures.js";
import { buildPerson } from "../support/org-builder.js";

interface ReadCounts {
  entities: number;
  queries: string[];
}

/** Counts every entity storage hands back, and keeps each query's filter. */
function createCountingFactory(inner: TableFactory): TableFactory & { counts: ReadCounts; reset(): void } {
  const counts: ReadCounts = { entities: 0, queries: [] };
  const wrap = (client: TableClient): TableClient =>
    new Proxy(client, {
      get(target, prop, receiver) {
        if (prop === "getEntity") {
          return async (...args: Parameters<TableClient["getEntity"]>) => {
            const entity = await target.getEntity(...args);
            counts.entities++;
            return entity;
          };
        }
        if (prop === "listEntities") {
          return (options?: Parameters<TableClient["listEntities"]>[0]) => {
            counts.queries.push(String(options?.queryOptions?.filter ?? ""));
            const source = target.listEntities(options);
            return {
              async *[Symbol.asyncIterator]() {
                for await (const entity of source) {
                  counts.entities++;
                  yield entity;
                }
              },
            };
          };
        }
        return Reflect.get(target, prop, receiver);
      },
    });
  return {
    counts,
    reset() {
      counts.entities = 0;
      counts.queries = [];
    },
    getClient: (table) => wrap(inner.getClient(table)),
    ensureTables: (tables) => inner.ensureTables(tables),
  };
}

const tenantId = randomUUID();
let cycle: Cycle;
let counting: ReturnType<typeof createCountingFactory>;
let deps: OrgCascadeDeps;
let write: { directory: ReturnType<typeof createTableDirectory>; goals: ReturnType<typeof createGoalStore>; unindexed: ReturnType<typeof createGoalStore> };

beforeAll(async () => {
  const plain = createTableFactory({ kind: "connectionString", connectionString: inject("azuriteConnectionString") });
  counting = createCountingFactory(plain);
  const index = createCascadeIndex(plain);
  const directory = createTableDirectory(plain);
  const goalStore = createGoalStore(plain);
  const cycles = createCycleStore(plain);
  const rollUps = createRollUpStore(plain);
  await plain.ensureTables([...goalStore.tables, ...directory.tables, ...index.tables, ...cycles.tables, ...rollUps.tables]);
  write = { directory, unindexed: goalStore, goals: withCascadeIndex(goalStore, directory, index, (error) => { throw error; }) };
  cycle = buildRunningCycle(tenantId);
  await cycles.saveCycle(cycle);
  const readDirectory = createTableDirectory(counting);
  deps = {
    goals: createGoalStore(counting),
    cycles: createCycleStore(counting),
    directory: readDirectory,
    people: readDirectory,
    cascadeIndex: createCascadeIndex(counting),
    rollUps: createRollUpStore(counting),
    clock: { now: () => new Date() },
    ids: { newId: () => randomUUID() },
    tenantPolicy: async () => DEFAULT_POLICY,
    events: { publish: async () => undefined },
    riskMargin: async () => 0.15,
  };
});

/** A manager with `managers` managers under them, each with `span` reports; two goals per person, the
 * first aligned to their manager's first goal. */
async function buildBranch(managers: number, span: number): Promise<{ root: Person; people: Person[]; goals: Goal[] }> {
  const root = buildPerson({ displayName: "Branch head" });
  const people: Person[] = [root];
  for (let m = 0; m < managers; m++) {
    const manager = buildPerson({ displayName: `Manager ${m}`, managerId: root.id });
    people.push(manager, ...Array.from({ length: span }, (_, i) => buildPerson({ displayName: `Member ${m}.${i}`, managerId: manager.id })));
  }
  await write.directory.upsertPeople(tenantId, people);
  const firstGoal = new Map<string, Goal>();
  const goals: Goal[] = [];
  for (const person of people) {
    const parent = person.managerId ? firstGoal.get(person.managerId) : undefined;
    for (let n = 0; n < 2; n++) {
      const goal = buildTestGoal({ tenantId, id: randomUUID(), ownerId: person.id, cycleId: cycle.id, isTopLevel: !parent && n === 0, parentId: n === 0 && parent ? parent.id : null });
      await write.goals.saveGoal({ goal, audit: [] });
      if (n === 0) firstGoal.set(person.id, goal);
      goals.push(goal);
    }
  }
  return { root, people, goals };
}

async function measureView(root: Person): Promise<ReadCounts & { goalsShown: number; peopleShown: number }> {
  counting.reset();
  const view = await getOrgCascade(deps, { tenantId, userId: root.id, name: "", roles: [] }, root.id, { cycleId: cycle.id, depth: 64 });
  expect(view.nodes[0]!.figures.goals).toBeGreaterThan(0);
  return { entities: counting.counts.entities, queries: [...counting.counts.queries], goalsShown: view.nodes.flatMap((n) => n.goals).length, peopleShown: view.nodes.length };
}

describe("a subtree view at scale", () => {
  test("reads no more than the subtree's own entities, however large the rest of the tenant grows", async () => {
    const small = await buildBranch(1, 2);
    const alone = await measureView(small.root);
    expect(alone.entities).toBeLessThanOrEqual(small.people.length + small.goals.length + 6);

    const big = await buildBranch(6, 12);
    const beside = await measureView(small.root);
    expect(beside.entities).toBe(alone.entities);
    expect(beside.queries.length).toBe(alone.queries.length);

    const bigView = await measureView(big.root);
    expect(bigView.entities).toBeLessThanOrEqual(big.people.length + big.goals.length + 12);
    expect(bigView.goalsShown).toBe(2 * bigView.peopleShown);
    for (const filter of [...alone.queries, ...bigView.queries]) expect(filter).toMatch(/^PartitionKey eq '/);
  });

  test("a manager change moves the person's goals to the new manager's partition only", async () => {
    const branch = await buildBranch(2, 2);
    const [, managerA, memberA, , managerB] = branch.people;
    await write.directory.upsertPeople(tenantId, [{ ...memberA!, managerId: managerB!.id }]);
    for (const goal of branch.goals.filter((g) => g.ownerId === memberA!.id)) await reindexGoal(write.directory, createCascadeIndex(counting), goal);
    const placedA = await deps.cascadeIndex.listGoalsPlacedUnder(tenantId, cycle.id, managerA!.id);
    const placedB = await deps.cascadeIndex.listGoalsPlacedUnder(tenantId, cycle.id, managerB!.id);
    expect(placedA.map((g) => g.ownerId)).not.toContain(memberA!.id);
    expect(placedB.filter((g) => g.ownerId === memberA!.id)).toHaveLength(2);
    const view = await getOrgCascade(deps, { tenantId, userId: managerB!.id, name: "", roles: [] }, managerB!.id, { cycleId: cycle.id, depth: 64 });
    expect(view.nodes.map((n) => n.person.id)).toContain(memberA!.id);
  });

  test("a stale index write never replaces a newer one", async () => {
    const branch = await buildBranch(1, 1);
    const goal = branch.goals[0]!;
    const index = createCascadeIndex(counting);
    const newer = { ...goal, title: "The newer title", updatedAt: new Date(Date.parse(goal.updatedAt) + 1000).toISOString() };
    await index.indexGoal(newer, { managerKey: "-", ownerName: "Branch head" });
    await index.indexGoal(goal, { managerKey: "-", ownerName: "Branch head" });
    const placed = await index.listGoalsPlacedUnder(tenantId, cycle.id, "-");
    expect(placed.find((g) => g.id === goal.id)?.title).toBe("The newer title");
    await index.removeGoal(tenantId, goal.id);
    expect((await index.listGoalsPlacedUnder(tenantId, cycle.id, "-")).some((g) => g.id === goal.id)).toBe(false);
  });

  test("a rebuild indexes goals written before the index existed", async () => {
    const head = buildPerson({ displayName: "Earlier head" });
    const member = buildPerson({ displayName: "Earlier member", managerId: head.id });
    await write.directory.upsertPeople(tenantId, [head, member]);
    const top = buildTestGoal({ tenantId, id: randomUUID(), ownerId: head.id, cycleId: cycle.id, isTopLevel: true });
    const aligned = buildTestGoal({ tenantId, id: randomUUID(), ownerId: member.id, cycleId: cycle.id, parentId: top.id });
    for (const goal of [top, aligned]) await write.unindexed.saveGoal({ goal, audit: [] });
    const before = await getOrgCascade(deps, { tenantId, userId: head.id, name: "", roles: [] }, head.id, { cycleId: cycle.id, depth: 64 });
    expect(before.nodes[1]!.goals).toEqual([]);
    const counts = await rebuildCascadeIndex({ goals: write.unindexed, cascadeIndex: deps.cascadeIndex }, tenantId, write.directory.listPeople(tenantId));
    expect(counts.goals).toBeGreaterThanOrEqual(2);
    const after = await getOrgCascade(deps, { tenantId, userId: head.id, name: "", roles: [] }, head.id, { cycleId: cycle.id, depth: 64 });
    expect(after.nodes[1]!.goals.map((g) => g.id)).toEqual([aligned.id]);
    expect(after.nodes[0]!.figures).toMatchObject({ people: 2, covered: 2, whiteSpace: 0 });
  });

  test("indexing new goals in bulk sends a transaction again when storage did not answer it in time", async () => {
    const plain = createTableFactory({ kind: "connectionString", connectionString: inject("azuriteConnectionString") });
    let failures = 2;
    const flaky: TableFactory = {
      ...plain,
      getClient(table) {
        const client = plain.getClient(table);
        if (table !== CASCADE_TABLE) return client;
        return new Proxy(client, {
          get: (target, prop, receiver) =>
            prop === "submitTransaction"
              ? (...args: Parameters<TableClient["submitTransaction"]>) => (failures-- > 0 ? Promise.reject(storageUnavailable()) : target.submitTransaction(...args))
              : Reflect.get(target, prop, receiver),
        });
      },
    };
    const head = buildPerson({ displayName: "Bulk head" });
    const goals = Array.from({ length: 3 }, () => buildTestGoal({ tenantId, id: randomUUID(), ownerId: head.id, cycleId: cycle.id, isTopLevel: true }));
    await createCascadeIndex(flaky).indexNewGoals(tenantId, goals.map((goal) => ({ goal, placement: { managerKey: "-", ownerName: "Bulk head" } })));
    expect(failures).toBeLessThan(0);
    const placed = await deps.cascadeIndex.listGoalsPlacedUnder(tenantId, cycle.id, "-");
    expect(goals.every((g) => placed.some((p) => p.id === g.id))).toBe(true);
    const top = await deps.cascadeIndex.listTopLevelGoals(tenantId, cycle.id);
    expect(goals.every((g) => top.some((p) => p.id === g.id))).toBe(true);
  });
});

describe("packed summaries", () => {
  const placedUnder = (tenant: string, managerKey: string) => `${tenant}|${cycle.id}|m|${managerKey}`;
  const summaryOf = (goal: Goal, ownerName: string) => summariseGoal(goal, ownerName);

  test("a team's goals are one point read, and teammates indexed at once all land in it", async () => {
    const tenant = randomUUID();
    const index = createCascadeIndex(createTableFactory({ kind: "connectionString", connectionString: inject("azuriteConnectionString") }));
    const goals = Array.from({ length: 12 }, (_, n) => buildTestGoal({ tenantId: tenant, id: randomUUID(), ownerId: `member-${n % 4}`, cycleId: cycle.id }));
    await Promise.all(goals.map((goal) => index.indexGoal(goal, { managerKey: "lead", ownerName: "A member" })));
    counting.reset();
    const placed = await createCascadeIndex(counting).listGoalsPlacedUnder(tenant, cycle.id, "lead");
    expect(placed.map((g) => g.id).sort()).toEqual(goals.map((g) => g.id).sort());
    expect(counting.counts).toEqual({ entities: 1, queries: [] });
    const empty = await createCascadeIndex(counting).listGoalsPlacedUnder(tenant, cycle.id, "nobody");
    expect(empty).toEqual([]);
    expect(counting.counts.queries).toEqual([]);
  });

  test("a partition written a row per goal is read as rows, and folded into its pack at its next write", async () => {
    const plain = createTableFactory({ kind: "connectionString", connectionString: inject("azuriteConnectionString") });
    const table = plain.getClient(CASCADE_TABLE);
    const tenant = randomUUID();
    const earlier = Array.from({ length: 3 }, () => buildTestGoal({ tenantId: tenant, id: randomUUID(), ownerId: "member", cycleId: cycle.id }));
    for (const goal of earlier) await table.createEntity(toSummaryEntity({ partitionKey: placedUnder(tenant, "lead"), rowKey: `member|${goal.id}` }, summaryOf(goal, "Member")) as never);
    counting.reset();
    expect((await createCascadeIndex(counting).listGoalsPlacedUnder(tenant, cycle.id, "lead")).map((g) => g.id).sort()).toEqual(earlier.map((g) => g.id).sort());
    expect(counting.counts.queries).toHaveLength(1);

    const later = buildTestGoal({ tenantId: tenant, id: randomUUID(), ownerId: "member", cycleId: cycle.id });
    await createCascadeIndex(plain).indexGoal(later, { managerKey: "lead", ownerName: "Member" });
    counting.reset();
    const placed = await createCascadeIndex(counting).listGoalsPlacedUnder(tenant, cycle.id, "lead");
    expect(placed.map((g) => g.id).sort()).toEqual([...earlier, later].map((g) => g.id).sort());
    expect(counting.counts.queries).toEqual([]);
    const rows: string[] = [];
    for await (const e of table.listEntities({ queryOptions: { filter: `PartitionKey eq '${placedUnder(tenant, "lead")}'` } })) rows.push(e.rowKey!);
    expect(rows).toEqual([PACK_ROW]);
  });

  test("summaries beyond one pack are kept a row each, and follow writes and removals there", async () => {
    const plain = createTableFactory({ kind: "connectionString", connectionString: inject("azuriteConnectionString") });
    const tenant = randomUUID();
    const index = createCascadeIndex(plain);
    const title = "A goal with a title as long as the form allows, ".repeat(5).slice(0, 200);
    const goals = Array.from({ length: 900 }, (_, n) => buildTestGoal({ tenantId: tenant, id: randomUUID(), ownerId: `member-${n % 40}`, cycleId: cycle.id, title }));
    expect(JSON.stringify(goals.map((g) => summaryOf(g, "A member"))).length).toBeGreaterThan(PACK_MAX_CHARS);
    await index.indexNewGoals(tenant, goals.map((goal) => ({ goal, placement: { managerKey: "lead", ownerName: "A member" } })));
    const pack = await plain.getClient(CASCADE_TABLE).getEntity<Record<string, unknown>>(placedUnder(tenant, "lead"), PACK_ROW);
    expect(readPackRow(pack)).toBe("rows");
    expect((await index.listGoalsPlacedUnder(tenant, cycle.id, "lead")).map((g) => g.id).sort()).toEqual(goals.map((g) => g.id).sort());

    const renamed = { ...goals[0]!, title: "Renamed", updatedAt: new Date(Date.parse(goals[0]!.updatedAt) + 1000).toISOString() };
    await index.indexGoal(renamed, { managerKey: "lead", ownerName: "A member" });
    await index.removeGoal(tenant, goals[1]!.id);
    const placed = await index.listGoalsPlacedUnder(tenant, cycle.id, "lead");
    expect(placed).toHaveLength(899);
    expect(placed.find((g) => g.id === renamed.id)?.title).toBe("Renamed");
    expect(placed.some((g) => g.id === goals[1]!.id)).toBe(false);
  });

  test("writers that push one pack over its size at the same moment all land, and none undoes another", async () => {
    const tenant = randomUUID();
    const title = "A goal with a title as long as the form allows, ".repeat(5).slice(0, 200);
    const goalOf = (n: number) => buildTestGoal({ tenantId: tenant, id: randomUUID(), ownerId: `member-${n % 40}`, cycleId: cycle.id, title });
    // As many goals as one pack holds: any one more turns the team into rows.
    const goals: Goal[] = [];
    while (JSON.stringify([...goals, goals[0] ?? goalOf(0)].map((g) => summaryOf(g, "A member"))).length <= PACK_MAX_CHARS) goals.push(goalOf(goals.length));
    const placement = { managerKey: "lead", ownerName: "A member" };
    await createCascadeIndex(createTableFactory({ kind: "connectionString", connectionString: inject("azuriteConnectionString") })).indexNewGoals(tenant, goals.map((goal) => ({ goal, placement })));
    const table = createTableFactory({ kind: "connectionString", connectionString: inject("azuriteConnectionString") }).getClient(CASCADE_TABLE);
    expect(readPackRow(await table.getEntity<Record<string, unknown>>(placedUnder(tenant, "lead"), PACK_ROW))).not.toBe("rows");

    // Each writer has its own storage client; none says "rows" before every one has written its rows.
    const writers = 4;
    let arrived = 0;
    let release: () => void = () => undefined;
    const allThere = new Promise<void>((resolve) => (release = resolve));
    const waitingFactory = (): TableFactory => {
      const inner = createTableFactory({ kind: "connectionString", connectionString: inject("azuriteConnectionString") });
      return {
        ensureTables: (tables) => inner.ensureTables(tables),
        getClient(name) {
          const client = inner.getClient(name);
          const saysRows = (entity: unknown) => (entity as Record<string, unknown>)["rowKey"] === PACK_ROW && (entity as Record<string, unknown>)["layout"] === "rows";
          return new Proxy(client, {
            get(target, prop, receiver) {
              const value = Reflect.get(target, prop, receiver) as unknown;
              if ((prop !== "updateEntity" && prop !== "createEntity") || typeof value !== "function") return value;
              return async (...args: unknown[]) => {
                if (saysRows(args[0])) {
                  if (++arrived === writers) release();
                  // A writer that lost the race to create the rows starts its conversion again and may get here
                  // only after the others went on: they wait for it a while, not for ever.
                  await Promise.race([allThere, new Promise((resolve) => setTimeout(resolve, 3000))]);
                }
                return (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
              };
            },
          });
        },
      };
    };
    const added = Array.from({ length: writers }, (_, n) => goalOf(n));
    const edited = { ...goals[0]!, title: "Edited while the team turned into rows", updatedAt: new Date(Date.parse(goals[0]!.updatedAt) + 5000).toISOString() };
    await Promise.all([
      ...added.map((goal) => createCascadeIndex(waitingFactory()).indexGoal(goal, placement)),
      createCascadeIndex(waitingFactory()).indexGoal(edited, placement),
    ]);
    // At least two writers turned the pack into rows at the same moment (all of them, most runs).
    expect(arrived).toBeGreaterThanOrEqual(2);
    expect(readPackRow(await table.getEntity<Record<string, unknown>>(placedUnder(tenant, "lead"), PACK_ROW))).toBe("rows");
    const placed = await createCascadeIndex(createTableFactory({ kind: "connectionString", connectionString: inject("azuriteConnectionString") })).listGoalsPlacedUnder(tenant, cycle.id, "lead");
    expect(placed.map((g) => g.id).sort()).toEqual([...goals, ...added].map((g) => g.id).sort());
    expect(placed.find((g) => g.id === edited.id)?.title).toBe(edited.title);
    // One row a goal, nothing left over.
    let rows = 0;
    for await (const e of table.listEntities({ queryOptions: { filter: `PartitionKey eq '${placedUnder(tenant, "lead")}'` } })) if (e.rowKey !== PACK_ROW) rows++;
    expect(rows).toBe(goals.length + writers);
  });

  test("an owner change within a team keeps the goal's one summary, under its new owner", async () => {
    const tenant = randomUUID();
    const index = createCascadeIndex(createTableFactory({ kind: "connectionString", connectionString: inject("azuriteConnectionString") }));
    const goal = buildTestGoal({ tenantId: tenant, id: randomUUID(), ownerId: "leaver", cycleId: cycle.id });
    await index.indexGoal(goal, { managerKey: "lead", ownerName: "Leaver" });
    const moved = { ...goal, ownerId: "successor", updatedAt: new Date(Date.parse(goal.updatedAt) + 1000).toISOString() };
    await index.indexGoal(moved, { managerKey: "lead", ownerName: "Successor" });
    expect((await index.listGoalsPlacedUnder(tenant, cycle.id, "lead")).map((g) => [g.id, g.ownerId, g.ownerName])).toEqual([[goal.id, "successor", "Successor"]]);
  });
});
