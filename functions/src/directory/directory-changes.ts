/** What a directory update means for the goal side, and which directory data is suspect. Pure. */
import type { DirectoryChange } from "../domain/ports.js";
import type { Person } from "../domain/types.js";

export type AnomalyKind = "self_manager" | "missing_manager" | "manager_cycle";

export interface DirectoryAnomaly {
  kind: AnomalyKind;
  personId: string;
  managerId: string | null;
  /** For a cycle: everyone on it, in chain order. */
  cycle?: string[];
}

function isActive(person: Person | null | undefined): person is Person {
  return Boolean(person && person.accountEnabled);
}

/** Compares each person's state before and after an update. A disabled account counts as a leaver,
 * because disabling is how organisations offboard before they delete. */
export function diffPeople(people: ReadonlyMap<string, { before: Person | null; after: Person | null }>): DirectoryChange[] {
  const changes: DirectoryChange[] = [];
  for (const [id, { before: previous, after: next }] of people) {
    if (!isActive(previous)) continue;
    if (!isActive(next)) {
      changes.push({ kind: "left", personId: id, formerManagerId: previous.managerId });
    } else if (previous.managerId !== next.managerId) {
      changes.push({ kind: "manager_changed", personId: id, fromManagerId: previous.managerId, toManagerId: next.managerId });
    }
  }
  return changes;
}

/** Checks the chains that start at the given people. managerOf returns undefined for someone who is
 * not in the directory. Each cycle is reported once, by its smallest id. */
export function findAnomalies(startIds: Iterable<string>, managerOf: (id: string) => string | null | undefined, limit = 100): DirectoryAnomaly[] {
  const found: DirectoryAnomaly[] = [];
  /** Which walk first reached each person; a walk that meets its own mark has found a cycle. */
  const walkOf = new Map<string, number>();
  let walk = 0;
  for (const startId of startIds) {
    walk++;
    const path: string[] = [];
    let id: string | null | undefined = startId;
    while (id && !walkOf.has(id)) {
      const managerId = managerOf(id);
      if (managerId === undefined) break;
      walkOf.set(id, walk);
      path.push(id);
      if (managerId === id) found.push({ kind: "self_manager", personId: id, managerId });
      else if (managerId && managerOf(managerId) === undefined) found.push({ kind: "missing_manager", personId: id, managerId });
      id = managerId === id ? null : managerId;
    }
    if (id && walkOf.get(id) === walk && managerOf(id) !== id) found.push(describeCycle(path.slice(path.indexOf(id)), managerOf));
    if (found.length >= limit) return found.slice(0, limit);
  }
  return found;
}

function describeCycle(members: string[], managerOf: (id: string) => string | null | undefined): DirectoryAnomaly {
  const first = members.reduce((a, b) => (b < a ? b : a));
  const start = members.indexOf(first);
  const cycle = [...members.slice(start), ...members.slice(0, start)];
  return { kind: "manager_cycle", personId: first, managerId: managerOf(first) ?? null, cycle };
}
