/** Recomputing every roll-up of a tenant from the goals and the org chart: after a large sync, to
 * repair, and as the reference the incremental upkeep must equal. */
import type { GoalRepository } from "./ports.js";
import type { RollUpSlot } from "./team-rollup-service.js";
import { combineSubtree } from "./team-rollup-service.js";
import { computeContribution, isEmptyRollUp, type RollUp } from "./team-rollups.js";
import { runLimited } from "./run-limited.js";
import type { Goal, Person } from "./types.js";

export interface RollUpRecordValue {
  at: string;
  slot: RollUpSlot;
  value: RollUp | number;
}

const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The rows incremental upkeep keeps, computed at once from everyone and their goals. `goalsByOwner`
 * holds every goal of the tenant, those of people gone from the directory too: what they align to counts. */
export function computeAllRollUps(people: readonly Person[], goalsByOwner: ReadonlyMap<string, readonly Goal[]>, now: Date): RollUpRecordValue[] {
  const byId = new Map(people.map((p) => [p.id, p]));
  const alignedTo = new Set<string>();
  for (const goals of goalsByOwner.values()) for (const g of goals) if (g.parentId && g.status !== "rejected" && g.status !== "cancelled") alignedTo.add(g.parentId);
  const reportsOf = new Map<string, string[]>();
  for (const p of people) {
    if (!p.managerId || p.managerId === p.id || !byId.has(p.managerId)) continue;
    reportsOf.set(p.managerId, [...(reportsOf.get(p.managerId) ?? []), p.id]);
  }
  for (const list of reportsOf.values()) list.sort(compareIds);
  const records: RollUpRecordValue[] = [];
  const own = new Map<string, Map<string, RollUp>>();
  for (const person of people) {
    const byCycle = new Map<string, Goal[]>();
    for (const goal of goalsByOwner.get(person.id) ?? []) byCycle.set(goal.cycleId, [...(byCycle.get(goal.cycleId) ?? []), goal]);
    const rolled = new Map<string, RollUp>();
    for (const [cycleId, goals] of byCycle) {
      const contribution = computeContribution(person, goals, now, { isEnabled: person.accountEnabled, hasReports: reportsOf.has(person.id), alignedTo });
      if (isEmptyRollUp(contribution)) continue;
      rolled.set(cycleId, contribution);
      records.push({ at: person.id, slot: { kind: "own", cycleId }, value: contribution });
    }
    own.set(person.id, rolled);
  }
  const subtrees = new Map<string, { people: number; byCycle: Map<string, RollUp> }>();
  const visiting = new Set<string>();
  function subtree(id: string): { people: number; byCycle: Map<string, RollUp> } {
    const known = subtrees.get(id);
    if (known) return known;
    visiting.add(id);
    const reports = (reportsOf.get(id) ?? []).filter((r) => !visiting.has(r)).map((r) => subtree(r));
    const cycles = new Set([...(own.get(id)?.keys() ?? []), ...reports.flatMap((r) => [...r.byCycle.keys()])]);
    const byCycle = new Map<string, RollUp>();
    for (const cycleId of cycles) {
      const combined = combineSubtree(own.get(id)?.get(cycleId) ?? null, reports.map((r) => r.byCycle.get(cycleId)).filter((r): r is RollUp => r !== undefined), now);
      if (combined) byCycle.set(cycleId, combined);
    }
    visiting.delete(id);
    const result = { people: (byId.get(id)!.accountEnabled ? 1 : 0) + reports.reduce((sum, r) => sum + r.people, 0), byCycle };
    subtrees.set(id, result);
    return result;
  }
  for (const [managerId, reports] of reportsOf) {
    for (const reportId of reports) {
      const tree = subtree(reportId);
      records.push({ at: managerId, slot: { kind: "people", reportId }, value: tree.people });
      for (const [cycleId, value] of tree.byCycle) records.push({ at: managerId, slot: { kind: "team", cycleId, reportId }, value });
    }
  }
  return records;
}

export interface RebuildDeps {
  goals: Pick<GoalRepository, "listGoalsByOwner"> & {
    /** Every goal of the tenant at once, when the store can list them in one query (without the
     * description and approved snapshot, which counting does not read). */
    listTenantGoals?(tenantId: string): Promise<Goal[]>;
  };
  listPeople(tenantId: string): AsyncIterable<Person>;
  rollUps: { replaceAll(tenantId: string, records: readonly RollUpRecordValue[]): Promise<number> };
  now(): Date;
}

const READ_CONCURRENCY = 16;

async function readGoalsByOwner(deps: RebuildDeps, tenantId: string, people: readonly Person[]): Promise<Map<string, Goal[]>> {
  if (deps.goals.listTenantGoals) {
    const byOwner = new Map<string, Goal[]>();
    for (const goal of await deps.goals.listTenantGoals(tenantId)) {
      const list = byOwner.get(goal.ownerId);
      if (list) list.push(goal);
      else byOwner.set(goal.ownerId, [goal]);
    }
    return byOwner;
  }
  const lists = await runLimited([...people], READ_CONCURRENCY, (p) => deps.goals.listGoalsByOwner(tenantId, p.id, {}));
  return new Map(people.map((p, i) => [p.id, lists[i]!.map((g) => g.value)]));
}

/** Reads everyone (unless the caller has just read them) and their goals, computes every roll-up and
 * writes what differs. */
export async function rebuildRollUps(deps: RebuildDeps, tenantId: string, known?: readonly Person[]): Promise<{ people: number; goals: number; rowsChanged: number }> {
  let people = known;
  if (!people) {
    const read: Person[] = [];
    for await (const person of deps.listPeople(tenantId)) read.push(person);
    people = read;
  }
  const goalsByOwner = await readGoalsByOwner(deps, tenantId, people);
  const records = computeAllRollUps(people, goalsByOwner, deps.now());
  const rowsChanged = await deps.rollUps.replaceAll(tenantId, records);
  const goals = people.reduce((sum, p) => sum + (goalsByOwner.get(p.id)?.length ?? 0), 0);
  return { people: people.length, goals, rowsChanged };
}
