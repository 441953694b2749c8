/** Loads an org subtree and the goals of one cycle for the cascade view. The reads are the subtree's
 * own: the directory's report packs of its managers, one cascade-index partition per manager in it,
 * and the root's own goals. Index rows in the wrong place (a move still settling) are ignored; rows
 * of people gone from the directory are kept, so a leaver's goals stay before their former manager. */
import { summariseGoal, type CascadeDeps, type GoalSummary } from "./cascade-ports.js";
import type { CascadePerson } from "./coverage.js";
import { LOAD_CONCURRENCY, mapLimited } from "./team-goals.js";
import type { Person } from "./types.js";

export interface LoadedSubtree {
  people: CascadePerson[];
  goals: GoalSummary[];
}

export function toCascadePerson(p: Person, managerId: string | null): CascadePerson {
  return { id: p.id, displayName: p.displayName, jobTitle: p.jobTitle, department: p.department, managerId, isEnabled: p.accountEnabled, hasLeft: false };
}

function toLeaver(id: string, name: string, managerId: string): CascadePerson {
  return { id, displayName: name || "Someone who has left", jobTitle: null, department: null, managerId, isEnabled: false, hasLeft: true };
}

export async function loadSubtree(deps: CascadeDeps, tenantId: string, root: Person, cycleId: string): Promise<LoadedSubtree> {
  const below = await deps.directory.listSubtree(tenantId, root.id);
  const byId = new Map(below.map((p) => [p.id, p]));
  const managers = [root.id, ...new Set(below.flatMap((p) => (p.managerId && byId.has(p.managerId) ? [p.managerId] : [])))];
  const [placed, own] = await Promise.all([
    mapLimited(managers, LOAD_CONCURRENCY, (m) => deps.cascadeIndex.listGoalsPlacedUnder(tenantId, cycleId, m)),
    deps.goals.listGoalsByOwner(tenantId, root.id, { cycleId }),
  ]);
  const goals = own.map((v) => summariseGoal(v.value, root.displayName));
  const unknown = new Map<string, { managerId: string; rows: GoalSummary[] }>();
  managers.forEach((managerId, i) => {
    for (const row of placed[i]!) {
      if (row.ownerId === root.id) continue;
      const owner = byId.get(row.ownerId);
      if (owner) {
        if (owner.managerId === managerId) goals.push(row);
        continue;
      }
      const entry = unknown.get(row.ownerId) ?? { managerId, rows: [] };
      entry.rows.push(row);
      unknown.set(row.ownerId, entry);
    }
  });
  const stillThere = unknown.size > 0 ? await deps.people.getPeople(tenantId, unknown.keys()) : new Map<string, Person>();
  const leavers: CascadePerson[] = [];
  for (const [ownerId, entry] of unknown) {
    if (stillThere.has(ownerId)) continue;
    leavers.push(toLeaver(ownerId, entry.rows[0]!.ownerName, entry.managerId));
    goals.push(...entry.rows);
  }
  const people = [toCascadePerson(root, null), ...below.map((p) => toCascadePerson(p, p.managerId)), ...leavers];
  return { people, goals };
}
