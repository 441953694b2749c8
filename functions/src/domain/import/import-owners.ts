/** Matches the owner a file names to a person in the directory: by object id, by mail or user
 * principal name (the sign-in name, which differs from the mail in some tenants), or, for Viva Goals
 * exports that carry display names, by a name only one person has. */
import type { Person } from "../types.js";

export type OwnerMatch = { personId: string } | { problem: "unknown" | "ambiguous" };

export interface OwnerIndex {
  resolve(text: string): OwnerMatch;
  /** Managers of the person, nearest first (cycle-safe). */
  chainOf(personId: string): string[];
  managerOf(personId: string): string | null;
  has(personId: string): boolean;
}

const fold = (text: string) => text.trim().toLowerCase();

function addTo(map: Map<string, string[]>, key: string, id: string): void {
  if (key === "") return;
  const ids = map.get(key);
  if (!ids) map.set(key, [id]);
  else if (!ids.includes(id)) ids.push(id);
}

/** Keeps only what matching needs, so 100k people fit in a few tens of megabytes. */
export function buildOwnerIndex(people: Iterable<Pick<Person, "id" | "displayName" | "mail" | "userPrincipalName" | "managerId">>): OwnerIndex {
  const managers = new Map<string, string | null>();
  /** Mail and user principal name together: a text one person signs in with and another receives mail at is ambiguous. */
  const byAddress = new Map<string, string[]>();
  const byName = new Map<string, string[]>();
  for (const person of people) {
    managers.set(person.id, person.managerId);
    addTo(byAddress, fold(person.mail ?? ""), person.id);
    addTo(byAddress, fold(person.userPrincipalName ?? ""), person.id);
    addTo(byName, fold(person.displayName), person.id);
  }
  const lookup = (text: string): OwnerMatch => {
    const key = fold(text);
    if (managers.has(text.trim())) return { personId: text.trim() };
    const found = byAddress.get(key) ?? byName.get(key) ?? [];
    if (found.length === 1) return { personId: found[0]! };
    return { problem: found.length === 0 ? "unknown" : "ambiguous" };
  };
  return {
    resolve(text) {
      const whole = lookup(text);
      if ("personId" in whole || whole.problem === "ambiguous" || !text.includes(", ")) return whole;
      // Viva joins several owners with ", "; Cascade has one owner, the first named.
      return lookup(text.split(", ")[0]!);
    },
    chainOf(personId) {
      const chain: string[] = [];
      const seen = new Set([personId]);
      for (let id = managers.get(personId) ?? null; id && !seen.has(id); id = managers.get(id) ?? null) {
        chain.push(id);
        seen.add(id);
      }
      return chain;
    },
    managerOf: (personId) => managers.get(personId) ?? null,
    has: (personId) => managers.has(personId),
  };
}
