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

/** Where a page of a subtree listing stopped: from the root down, each manager on the path to the
 * next person and the position, among that manager's reports, of the next one to list. */
export type SubtreePosition = Array<[managerId: string, next: number]>;

export interface SubtreePage {
  people: Array<{ person: Person; level: number }>;
  /** Where the next page starts; null after the last person. */
  next: SubtreePosition | null;
}

/** Everyone below the root, each manager before their reports and reports in the order `listReports`
 * gives them, one page at a time. A page reads the teams on the path to where the last page stopped
 * and those of the managers it lists, never the whole subtree. Null when `from` is not a path below
 * the root as the org chart stands now (it changed since, or the position was not one handed out). */
export async function walkSubtreePage(rootId: string, from: SubtreePosition | null, limit: number, listReports: (managerIds: string[]) => Promise<Map<string, TeamMember[]>>): Promise<SubtreePage | null> {
  const path: SubtreePosition = from ?? [[rootId, 0]];
  if (path.length === 0 || path.length > MAX_ORG_DEPTH || path[0]![0] !== rootId) return null;
  const teams = await listReports(path.map(([id]) => id));
  for (let i = 1; i < path.length; i++) {
    const [parentId, next] = path[i - 1]!;
    const entered = teams.get(parentId)?.[next - 1];
    if (!entered?.hasReports || entered.person.id !== path[i]![0]) return null;
  }
  const stack = path.map(([id, next]) => ({ id, next }));
  if (stack.some((step) => step.next > (teams.get(step.id)?.length ?? 0))) return null;
  const onPath = new Set(stack.map((step) => step.id));
  const people: SubtreePage["people"] = [];
  const isDone = (step: { id: string; next: number }) => step.next >= (teams.get(step.id)?.length ?? 0);
  for (;;) {
    while (stack.length > 0 && isDone(stack.at(-1)!)) onPath.delete(stack.pop()!.id);
    if (stack.length === 0 || people.length >= limit) break;
    const step = stack.at(-1)!;
    const { person, hasReports } = teams.get(step.id)![step.next++]!;
    // Someone on the path again is a cycle in the directory's data: listed once, on the way down.
    if (onPath.has(person.id)) continue;
    people.push({ person, level: stack.length });
    if (!hasReports || stack.length >= MAX_ORG_DEPTH) continue;
    for (const [id, members] of await listReports([person.id])) teams.set(id, members);
    stack.push({ id: person.id, next: 0 });
    onPath.add(person.id);
  }
  return { people, next: stack.length > 0 ? stack.map((step): [string, number] => [step.id, step.next]) : null };
}
