/** The team roll-ups kept incrementally equal the roll-ups rebuilt from the goals, after any sequence of
 * goal writes, check-ins, cycle and status changes, alignments (white space), deletes (up to three of
 * them at the same time), reorgs, joiners (also found by a complete sync of everyone), leavers and
 * accounts disabled or enabled again; and every
 * manager's dashboard read from them equals the dashboard computed from their whole subtree. Real
 * stores against Azurite; fast-check draws the sequences. */
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { beforeAll, describe, expect, inject, test } from "vitest";
import type { Dashboard } from "../../functions/src/contracts/views.js";
import { computeDashboard } from "../../functions/src/domain/dashboard.js";
import { isAppError } from "../../functions/src/domain/errors.js";
import type { GoalRepository } from "../../functions/src/domain/ports.js";
import { DEFAULT_RISK_MARGIN } from "../../functions/src/domain/risk.js";
import { loadTeamGoals } from "../../functions/src/domain/team-goals.js";
import { computeAllRollUps, rebuildRollUps } from "../../functions/src/domain/team-rollup-rebuild.js";
import { withRollUpUpkeep } from "../../functions/src/domain/team-rollup-service.js";
import { assembleDashboard, mergeRollUps, type RollUp } from "../../functions/src/domain/team-rollups.js";
import type { Confidence, Goal, GoalStatus, Person } from "../../functions/src/domain/types.js";
import { withRollUpDirectory } from "../../functions/src/composition/rollup-upkeep.js";
import { createCycleStore } from "../../functions/src/store/cycle-store.js";
import { createTableDirectory, type TableDirectory } from "../../functions/src/store/directory-store.js";
import { toPatch } from "../../functions/src/store/org-packing.js";
import { createGoalStore } from "../../functions/src/store/goal-store.js";
import { createRollUpStore, slotRowKey, type RollUpRecord, type RollUpStore } from "../../functions/src/store/rollup-store.js";
import { createTableFactory, type TableFactory } from "../../functions/src/store/tables.js";
import { buildTestCycle, buildTestGoal, buildTestPerson } from "../support/test-goals.js";

// Aligned to the five-minute step check-ins are kept in; check-ins below fall on that step too.
const NOW = new Date("2027-02-15T12:00:00.000Z");
const STEP_MS = 5 * 60 * 1000;
const CYCLES = ["c1", "c2"];
const STATUSES: GoalStatus[] = ["draft", "pending_approval", "active", "active", "active", "changes_requested", "rejected", "completed", "missed", "cancelled"];
const CONFIDENCES: Array<Confidence | null> = [null, "on_track", "at_risk", "off_track"];

let factory: TableFactory;

beforeAll(async () => {
  factory = createTableFactory({ kind: "connectionString", connectionString: inject("azuriteConnectionString") });
  await factory.ensureTables([...createTableDirectory(factory).tables, ...createGoalStore(factory).tables, ...createRollUpStore(factory).tables, ...createCycleStore(factory).tables]);
});

const goalFields = fc.record({
  owner: fc.nat(),
  cycle: fc.constantFrom(...CYCLES),
  status: fc.constantFrom(...STATUSES),
  current: fc.integer({ min: 0, max: 100 }),
  confidence: fc.constantFrom(...CONFIDENCES),
  checkInSteps: fc.integer({ min: 0, max: (20 * 24 * 60 * 60 * 1000) / STEP_MS }),
  parent: fc.option(fc.nat(), { nil: null }),
  isTopLevel: fc.boolean(),
  dueDay: fc.integer({ min: 1, max: 28 }),
  weight: fc.constantFrom(0, 1, 2, 3),
  visibility: fc.constantFrom("public" as const, "private" as const),
});

type GoalFields = typeof goalFields extends fc.Arbitrary<infer T> ? T : never;

const operation = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant("create" as const), fields: goalFields }), weight: 4 },
  { arbitrary: fc.record({ kind: fc.constant("update" as const), goal: fc.nat(), fields: goalFields }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant("checkIn" as const), goal: fc.nat(), current: fc.integer({ min: 0, max: 100 }), confidence: fc.constantFrom(...CONFIDENCES), steps: fc.integer({ min: 0, max: 3000 }) }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant("delete" as const), goal: fc.nat() }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant("reorg" as const), person: fc.nat(), manager: fc.nat() }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant("leave" as const), person: fc.nat() }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant("join" as const), manager: fc.nat(), rename: fc.boolean() }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant("toggle" as const), person: fc.nat() }), weight: 1 },
  // A complete sync of everyone (as after an expired delta link), which also finds someone new.
  { arbitrary: fc.record({ kind: fc.constant("resync" as const), manager: fc.nat() }), weight: 1 },
);

type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never;

const GOAL_OPERATIONS = new Set<Operation["kind"]>(["create", "update", "checkIn", "delete"]);

/** A write that lost to another one on the same goal (its ETag, or the goal deleted meanwhile). */
const isLostWrite = (error: unknown) => isAppError(error) && ["precondition_failed", "conflict", "not_found"].includes(error.code);

/** Each step's goal writes run at the same time (a lost race writes nothing), then its org chart changes in turn. */
async function applyStep(world: World, step: readonly Operation[]): Promise<void> {
  const writes = step.filter((op) => GOAL_OPERATIONS.has(op.kind));
  await Promise.all(writes.map((op) => apply(world, op).catch((error: unknown) => {
    if (!isLostWrite(error)) throw error;
  })));
  for (const op of step) if (!GOAL_OPERATIONS.has(op.kind)) await apply(world, op);
}

/** The org at the start: a root and people under earlier people. */
const initialOrg = fc.array(fc.nat(), { minLength: 4, maxLength: 9 });

interface World {
  tenantId: string;
  directory: TableDirectory;
  goals: GoalRepository;
  rollUps: RollUpStore;
  raw: ReturnType<typeof createGoalStore>;
  people: Map<string, Person>;
  goalIds: string[];
  errors: unknown[];
  joined: number;
}

async function createWorld(managers: number[]): Promise<World> {
  const tenantId = `t${randomUUID().replace(/-/g, "").slice(0, 12)}`;
  const errors: unknown[] = [];
  const raw = createGoalStore(factory);
  const rollUps = createRollUpStore(factory);
  const clock = { now: () => NOW };
  const directory = withRollUpDirectory(createTableDirectory(factory), { rollUps, goals: raw, now: clock.now, log: (_level, message, details) => errors.push({ message, details }) });
  const goals = withRollUpUpkeep(raw, { rollUps, directory, clock }, (error) => errors.push(error));
  const people = new Map<string, Person>();
  const root = buildTestPerson("p0", null, { displayName: "Person 0" });
  people.set(root.id, root);
  managers.forEach((m, i) => {
    const id = `p${i + 1}`;
    people.set(id, buildTestPerson(id, `p${m % (i + 1)}`, { displayName: `Person ${i + 1}` }));
  });
  await directory.upsertPeople(tenantId, [...people.values()]);
  for (const cycleId of CYCLES) await createCycleStore(factory).saveCycle(buildTestCycle({ tenantId, id: cycleId, name: cycleId }));
  return { tenantId, directory, goals, rollUps, raw, people, goalIds: [], errors, joined: 0 };
}

const pick = <T>(list: readonly T[], n: number): T | undefined => (list.length === 0 ? undefined : list[n % list.length]);

function buildGoal(world: World, id: string, fields: GoalFields, previous?: Goal): Goal {
  const owners = [...world.people.keys()];
  const checkedIn = fields.confidence ? { at: new Date(NOW.getTime() - fields.checkInSteps * STEP_MS).toISOString(), confidence: fields.confidence } : null;
  return buildTestGoal({
    ...(previous ?? {}),
    tenantId: world.tenantId,
    id,
    // The store moves a goal between owners' partitions only through a reassignment, not an update.
    ownerId: previous?.ownerId ?? pick(owners, fields.owner)!,
    cycleId: fields.cycle,
    // Unique titles: the at-risk list's order is then the same whichever way its goals were gathered.
    title: `Goal ${id}`,
    status: fields.status,
    keyResults: [{ id: "kr", title: "Measure", kind: "increase", start: 0, target: 100, current: fields.current, unitKind: "text" }],
    lastCheckIn: checkedIn,
    parentId: fields.parent === null ? null : (pick(world.goalIds.filter((g) => g !== id), fields.parent) ?? null),
    isTopLevel: fields.isTopLevel,
    dueDate: `2027-02-${String(fields.dueDay).padStart(2, "0")}`,
    weight: fields.weight,
    visibility: fields.visibility,
  });
}

const audit = (goalId: string) => ({ id: randomUUID(), goalId, at: NOW.toISOString(), actorId: "p0", action: "test", comment: null, changes: {} });

function isBelow(people: Map<string, Person>, id: string, ancestorId: string): boolean {
  const seen = new Set<string>();
  for (let at = people.get(id); at?.managerId && !seen.has(at.id); at = people.get(at.managerId)) {
    if (at.managerId === ancestorId) return true;
    seen.add(at.id);
  }
  return false;
}

async function apply(world: World, op: Operation): Promise<void> {
  const { tenantId } = world;
  switch (op.kind) {
    case "create": {
      const id = `g${world.goalIds.length}-${randomUUID().slice(0, 4)}`;
      await world.goals.saveGoal({ goal: buildGoal(world, id, op.fields), audit: [audit(id)] });
      world.goalIds.push(id);
      return;
    }
    case "update":
    case "checkIn":
    case "delete": {
      const id = pick(world.goalIds, op.goal);
      if (!id) return;
      const stored = await world.raw.getGoal(tenantId, id);
      if (!stored) return;
      const previous = stored.value;
      if (op.kind === "delete") {
        await world.goals.deleteGoal(tenantId, previous, stored.etag, audit(id));
        world.goalIds = world.goalIds.filter((g) => g !== id);
        return;
      }
      const next: Goal =
        op.kind === "update"
          ? buildGoal(world, id, op.fields, previous)
          : {
              ...previous,
              keyResults: [{ id: "kr", title: "Measure", kind: "increase", start: 0, target: 100, current: op.current, unitKind: "text" }],
              lastCheckIn: op.confidence ? { at: new Date(NOW.getTime() - op.steps * STEP_MS).toISOString(), confidence: op.confidence } : previous.lastCheckIn,
            };
      await world.goals.saveGoal({ goal: next, etag: stored.etag, previous, audit: [audit(id)] });
      return;
    }
    case "reorg": {
      const movable = [...world.people.values()].filter((p) => p.id !== "p0");
      const person = pick(movable, op.person);
      if (!person) return;
      const managers = [...world.people.values()].filter((m) => m.id !== person.id && !isBelow(world.people, m.id, person.id));
      const manager = pick(managers, op.manager)!;
      const moved = { ...person, managerId: manager.id };
      world.people.set(moved.id, moved);
      await world.directory.upsertPeople(tenantId, [moved]);
      return;
    }
    case "leave": {
      const person = pick([...world.people.values()].filter((p) => p.id !== "p0"), op.person);
      if (!person) return;
      world.people.delete(person.id);
      await world.directory.removePeople(tenantId, [person.id]);
      return;
    }
    case "toggle": {
      const person = pick([...world.people.values()], op.person);
      if (!person) return;
      const toggled = { ...person, accountEnabled: !person.accountEnabled };
      world.people.set(toggled.id, toggled);
      await world.directory.upsertPeople(tenantId, [toggled]);
      return;
    }
    case "resync": {
      const manager = pick([...world.people.values()], op.manager)!;
      const person = buildTestPerson(`n${++world.joined}`, manager.id, { displayName: `Joiner ${world.joined}` });
      world.people.set(person.id, person);
      await world.directory.applyUpdate(tenantId, { patches: [...world.people.values()].map(toPatch), isComplete: true });
      return;
    }
    case "join": {
      const manager = pick([...world.people.values()], op.manager)!;
      const person = buildTestPerson(`n${++world.joined}`, manager.id, { displayName: `Joiner ${world.joined}` });
      world.people.set(person.id, person);
      await world.directory.upsertPeople(tenantId, [person]);
      if (op.rename) {
        const renamed = { ...manager, displayName: `${manager.displayName} (renamed)` };
        world.people.set(renamed.id, renamed);
        await world.directory.upsertPeople(tenantId, [renamed]);
      }
      return;
    }
  }
}

/** Rows keyed and in a canonical form: roll-ups merged alone, which orders their keys. */
function canonical(records: readonly RollUpRecord[]): Map<string, RollUp | number> {
  const entries = records.map((r): [string, RollUp | number] => [`${r.at} ${slotRowKey(r.slot)}`, typeof r.value === "number" ? r.value : mergeRollUps([r.value], NOW)]);
  return new Map(entries.sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Figures rounded where the two ways add fractions in a different order. */
const rounded = (dashboard: Dashboard) => JSON.parse(JSON.stringify(dashboard, (_key, value: unknown) => (typeof value === "number" ? Math.round(value * 1e9) / 1e9 : value))) as Dashboard;

/** Every goal of the tenant by owner, those of people who left too (what they align to counts). */
async function listGoals(world: World): Promise<Map<string, Goal[]>> {
  const all = new Map<string, Goal[]>();
  for (const goal of await world.raw.listTenantGoals(world.tenantId)) all.set(goal.ownerId, [...(all.get(goal.ownerId) ?? []), goal]);
  return all;
}

async function checkWorld(world: World): Promise<void> {
  expect(world.errors).toEqual([]);
  const people: Person[] = [];
  for await (const person of world.directory.listPeople(world.tenantId)) people.push(person);
  const kept = canonical(await world.rollUps.listAll(world.tenantId));
  const rebuilt = canonical(computeAllRollUps(people, await listGoals(world), NOW));
  expect(kept).toEqual(rebuilt);
  // The rebuild job finds nothing to change.
  const rebuild = await rebuildRollUps({ goals: world.raw, listPeople: (t) => world.directory.listPeople(t), rollUps: world.rollUps, now: () => NOW }, world.tenantId);
  expect(rebuild.rowsChanged).toBe(0);
  // Every manager's dashboard from the roll-ups equals the one computed from the whole subtree.
  const cycles = await createCycleStore(factory).listCycles(world.tenantId);
  const deps = { directory: world.directory, goals: world.raw };
  for (const manager of people) {
    for (const cycle of cycles) {
      const team = await loadTeamGoals(deps, world.tenantId, manager, cycle);
      const expected = computeDashboard({ ...team, now: NOW, riskMargin: DEFAULT_RISK_MARGIN });
      const stored = await world.rollUps.readTeam(world.tenantId, manager.id, cycle.id);
      const reports = team.directReports.map((person) => ({ person, people: stored.people.get(person.id) ?? (person.accountEnabled ? 1 : 0), rollUp: stored.rollUps.get(person.id) ?? null }));
      expect(rounded(assembleDashboard({ manager, cycle, now: NOW, riskMargin: DEFAULT_RISK_MARGIN, reports }))).toEqual(rounded(expected));
    }
  }
}

describe("team roll-ups", () => {
  test("kept incrementally = rebuilt from the goals, and dashboards from them = dashboards from the subtree", { timeout: 600_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(initialOrg, fc.array(fc.array(operation, { minLength: 1, maxLength: 3 }), { minLength: 3, maxLength: 15 }), async (managers, steps) => {
        const world = await createWorld(managers);
        for (const step of steps) await applyStep(world, step);
        await checkWorld(world);
      }),
      { numRuns: 12, endOnFailure: true },
    );
  });
});
