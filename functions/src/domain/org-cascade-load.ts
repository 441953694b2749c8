/** Loads the levels of the org chart one cascade answer returns, and what it needs about the branches
 * it cuts off, never the whole subtree. The reads are bounded by the people returned:
 * - the directory's report packs of everyone returned (the deepest level's packs give their report counts),
 *   level by level while the packs to read stay within MAX_PACK_READS (the root's direct reports always);
 * - one cascade-index partition per manager returned: the goals of the returned levels, and the goals
 *   one level below the deepest, which only tell which of its goals something is aligned to;
 * - the root's own goals, from the cascade-index partition of the root's manager (where the root is placed);
 * - for the managers of the deepest level's managers, their reports' head counts and subtree roll-ups
 *   (one query each: one in all when the answer stops at the root's direct reports).
 * Index rows in the wrong place (a move still settling) are ignored; rows of people gone from the
 * directory are kept, so a leaver's goals stay before their former manager. */
import { ROOT_PLACEMENT, type CascadeDeps, type GoalSummary } from "./cascade-ports.js";
import type { CascadePerson } from "./coverage.js";
import type { RollUpRows } from "./team-rollup-service.js";
import type { RollUp } from "./team-rollups.js";
import { LOAD_CONCURRENCY } from "./team-goals.js";
import { runLimited } from "./run-limited.js";
import type { Person } from "./types.js";

/** Report packs one answer reads beyond the root's and its direct reports': a level is added only
 * while everyone in it fits. */
export const MAX_PACK_READS = 16;

export interface OrgCascadeDeps extends CascadeDeps {
  rollUps: Pick<RollUpRows, "readTeam" | "read">;
}

/** The whole branch of a person at the deepest level whose reports are cut off, as kept in the roll-ups. */
export interface CutBranch {
  /** The enabled people in the branch, its head included. */
  people: number;
  rollUp: RollUp | null;
}

export interface LoadedLevels {
  /** Everyone returned (levels 0..depth), leavers included. */
  people: CascadePerson[];
  /** The goals of the people returned. */
  goals: GoalSummary[];
  /** Deepest level returned. */
  depth: number;
  levelOf: Map<string, number>;
  /** The direct reports in the directory of everyone returned. */
  reportsOf: Map<string, Person[]>;
  /** Goals of the people one level below the deepest, with their manager. */
  below: Array<{ managerId: string; goal: GoalSummary }>;
  /** Per person at the deepest level with reports, their branch. */
  cut: Map<string, CutBranch>;
}

export function toCascadePerson(p: Person, managerId: string | null): CascadePerson {
  return { id: p.id, displayName: p.displayName, jobTitle: p.jobTitle, department: p.department, managerId, isEnabled: p.accountEnabled, hasLeft: false };
}

function toLeaver(id: string, name: string, managerId: string): CascadePerson {
  return { id, displayName: name || "Someone who has left", jobTitle: null, department: null, managerId, isEnabled: false, hasLeft: true };
}

/** People level by level, down to `requested` levels or as deep as the pack reads allow. */
async function loadPeople(deps: CascadeDeps, tenantId: string, root: Person, requested: number): Promise<{ levels: Person[][]; reportsOf: Map<string, Person[]> }> {
  // Everyone under the manager whose pack lists them, so the levels form one tree.
  const under = (managerId: string, pack: Person[]) => pack.map((p) => ({ ...p, managerId }));
  const reportsOf = new Map([[root.id, under(root.id, await deps.directory.listDirectReports(tenantId, root.id))]]);
  const levels: Person[][] = [[root]];
  const seen = new Set([root.id]);
  let reads = 0;
  for (let depth = 0; depth < requested; depth++) {
    const next = levels[depth]!.flatMap((p) => reportsOf.get(p.id) ?? []).filter((p) => !seen.has(p.id));
    if (next.length === 0 || (depth >= 1 && reads + next.length > MAX_PACK_READS)) break;
    const packs = await runLimited(next, LOAD_CONCURRENCY, (p) => deps.directory.listDirectReports(tenantId, p.id));
    next.forEach((p, i) => {
      seen.add(p.id);
      reportsOf.set(p.id, under(p.id, packs[i]!));
    });
    reads += next.length;
    levels.push(next);
  }
  return { levels, reportsOf };
}

export async function loadLevels(deps: OrgCascadeDeps, tenantId: string, root: Person, cycleId: string, requested: number): Promise<LoadedLevels> {
  const { levels, reportsOf } = await loadPeople(deps, tenantId, root, requested);
  const depth = levels.length - 1;
  const levelOf = new Map(levels.flatMap((level, d) => level.map((p) => [p.id, d] as const)));
  const managers = levels.flat().filter((p) => (reportsOf.get(p.id)?.length ?? 0) > 0);
  const deepest = managers.filter((p) => levelOf.get(p.id) === depth);
  const above = depth === 0 ? [] : [...new Set(deepest.map((p) => p.managerId!))].filter((id) => levelOf.get(id) === depth - 1);
  const [placed, own, teams] = await Promise.all([
    runLimited(managers, LOAD_CONCURRENCY, (m) => deps.cascadeIndex.listGoalsPlacedUnder(tenantId, cycleId, m.id)),
    deps.cascadeIndex.listGoalsPlacedUnder(tenantId, cycleId, root.managerId ?? ROOT_PLACEMENT),
    runLimited(above, LOAD_CONCURRENCY, (id) => deps.rollUps.readTeam(tenantId, id, cycleId)),
  ]);
  const goals = own.filter((g) => g.ownerId === root.id).map((g) => ({ ...g, ownerName: root.displayName }));
  const below: LoadedLevels["below"] = [];
  const unknown = new Map<string, { managerId: string; rows: GoalSummary[] }>();
  managers.forEach((manager, i) => {
    const pack = new Set(reportsOf.get(manager.id)!.map((p) => p.id));
    const isDeepest = levelOf.get(manager.id) === depth;
    for (const row of placed[i]!) {
      if (row.ownerId === root.id) continue;
      if (pack.has(row.ownerId)) {
        if (isDeepest) below.push({ managerId: manager.id, goal: row });
        else goals.push(row);
        continue;
      }
      if (isDeepest || levelOf.has(row.ownerId)) continue;
      const entry = unknown.get(row.ownerId) ?? { managerId: manager.id, rows: [] };
      entry.rows.push(row);
      unknown.set(row.ownerId, entry);
    }
  });
  const stillThere = unknown.size > 0 ? await deps.people.getPeople(tenantId, unknown.keys()) : new Map<string, Person>();
  const leavers: CascadePerson[] = [];
  for (const [ownerId, entry] of unknown) {
    if (stillThere.has(ownerId)) continue;
    leavers.push(toLeaver(ownerId, entry.rows[0]!.ownerName, entry.managerId));
    levelOf.set(ownerId, levelOf.get(entry.managerId)! + 1);
    goals.push(...entry.rows);
  }
  const teamOf = new Map(above.map((id, i) => [id, teams[i]!]));
  const cut = new Map<string, CutBranch>();
  for (const person of deepest) {
    // Read from the manager the directory names now; a row a move is still writing is not read.
    const team = teamOf.get(person.managerId!);
    if (team) cut.set(person.id, { people: team.people.get(person.id) ?? (person.accountEnabled ? 1 : 0), rollUp: team.rollUps.get(person.id) ?? null });
  }
  const people = [toCascadePerson(root, null), ...levels.slice(1).flat().map((p) => toCascadePerson(p, p.managerId)), ...leavers];
  return { people, goals, depth, levelOf, reportsOf, below, cut };
}
