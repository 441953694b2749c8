/** Walks of the org chart that survive bad directory data: a self-manager, a missing manager or a
 * manager cycle ends the walk as if the person were a root, and depth is capped. */
import type { Person } from "./types.js";

/** Deeper than any real organisation; bounds the work a corrupt chain can cause. */
export const MAX_ORG_DEPTH = 64;

/** Managers of the person, nearest first, excluding the person. */
export async function walkManagerChain(personId: string, getPerson: (id: string) => Promise<Person | null>): Promise<Person[]> {
  const start = await getPerson(personId);
  if (!start) return [];
  const chain: Person[] = [];
  const visited = new Set([personId]);
  let nextId = start.managerId;
  while (nextId && !visited.has(nextId) && chain.length < MAX_ORG_DEPTH) {
    const manager = await getPerson(nextId);
    if (!manager) break;
    visited.add(nextId);
    chain.push(manager);
    nextId = manager.managerId;
  }
  return chain;
}

export interface TeamMember {
  person: Person;
  hasReports: boolean;
}

/** Everyone below the manager, level by level; each level is one call so reads can run in parallel,
 * and only people marked as having reports are read at the next level. */
export async function walkSubtree(managerId: string, listReports: (managerIds: string[]) => Promise<Map<string, TeamMember[]>>): Promise<Person[]> {
  const visited = new Set([managerId]);
  const below: Person[] = [];
  let level = [managerId];
  for (let depth = 0; level.length > 0 && depth < MAX_ORG_DEPTH; depth++) {
    const reportsByManager = await listReports(level);
    const next: string[] = [];
    for (const id of level) {
      for (const { person, hasReports } of reportsByManager.get(id) ?? []) {
        if (visited.has(person.id)) continue;
        visited.add(person.id);
        below.push(person);
        if (hasReports) next.push(person.id);
      }
    }
    level = next;
  }
  return below;
}
