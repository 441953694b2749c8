/** Test data builders for people and small organisations, with overrides. */
import { randomUUID } from "node:crypto";
import type { Person } from "../../functions/src/domain/types.js";

export function buildPerson(overrides: Partial<Person> = {}): Person {
  const id = overrides.id ?? randomUUID();
  return {
    id,
    displayName: `Person ${id.slice(0, 4)}`,
    mail: `${id.slice(0, 8)}@example.test`,
    jobTitle: "Engineer",
    department: "Engineering",
    managerId: null,
    accountEnabled: true,
    updatedAt: "2026-01-01T00:00:00.000Z",
    ...overrides,
  };
}

/** ceo → vp → manager → (alice, bob); outsider reports to the ceo in another branch. */
export function buildSmallOrg() {
  const ceo = buildPerson({ displayName: "Cara CEO", jobTitle: "Chief Executive Officer", department: "Leadership" });
  const vp = buildPerson({ displayName: "Victor VP", jobTitle: "VP Engineering", managerId: ceo.id });
  const manager = buildPerson({ displayName: "Maya Manager", jobTitle: "Engineering Manager", managerId: vp.id });
  const alice = buildPerson({ displayName: "Alice Author", managerId: manager.id });
  const bob = buildPerson({ displayName: "Bob Builder", managerId: manager.id });
  const outsider = buildPerson({ displayName: "Olga Outsider", jobTitle: "Sales Lead", department: "Sales", managerId: ceo.id });
  return { ceo, vp, manager, alice, bob, outsider, all: [ceo, vp, manager, alice, bob, outsider] };
}
