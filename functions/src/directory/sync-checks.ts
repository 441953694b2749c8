/** After a delta round, checks the management chains of people who joined or changed manager: only
 * they can have created a cycle or pointed at someone missing. Reads walk up level by level and reuse
 * whatever the update already read. */
import type { Person } from "../domain/types.js";
import type { TableDirectory } from "../store/directory-store.js";
import { findAnomalies, type DirectoryAnomaly } from "./directory-changes.js";
import { MAX_ORG_DEPTH } from "../domain/org-walk.js";
import type { PersonChange } from "../store/org-plan.js";

export async function findChainAnomalies(
  directory: TableDirectory,
  tenantId: string,
  changes: ReadonlyMap<string, PersonChange>,
  lookup: (id: string) => Person | null | undefined,
): Promise<DirectoryAnomaly[]> {
  const starts = [...changes].filter(([, c]) => c.after && (!c.before || c.before.managerId !== c.after.managerId)).map(([id]) => id);
  const managerOf = new Map<string, string | null>();
  const absent = new Set<string>();
  const isKnown = (id: string) => managerOf.has(id) || absent.has(id);
  const learn = (id: string, person: Person | null | undefined) => {
    if (person) managerOf.set(id, person.managerId);
    else absent.add(id);
  };
  let level = starts;
  for (let depth = 0; level.length > 0 && depth <= MAX_ORG_DEPTH; depth++) {
    const unread: string[] = [];
    for (const id of level) {
      if (isKnown(id)) continue;
      const person = lookup(id);
      if (person === undefined) unread.push(id);
      else learn(id, person);
    }
    const found = unread.length > 0 ? await directory.getPeople(tenantId, unread) : new Map<string, Person>();
    for (const id of unread) learn(id, found.get(id));
    level = [...new Set(level.map((id) => managerOf.get(id)).filter((m): m is string => Boolean(m) && !isKnown(m!)))];
  }
  return findAnomalies(starts, (id) => (managerOf.has(id) ? managerOf.get(id) : undefined));
}
