import { describe, expect, test } from "vitest";
import type { Person } from "../domain/types.js";
import { applyPatch, decodeMembers, decodePeople, encodePeople, partitionOf, shardOf, PARTITION_COUNT, SHARD_COUNT } from "./org-packing.js";

const person = (i: number, overrides: Partial<Person> = {}): Person => ({
  id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
  displayName: `Zoë "Quote" Ünal ${i}`,
  mail: `person${i}@contoso.example`,
  jobTitle: "Engineer",
  department: null,
  managerId: null,
  accountEnabled: i % 7 !== 0,
  updatedAt: "2026-01-01T00:00:00.000Z",
  ...overrides,
});

describe("packing people into entities", () => {
  test("round-trips people across several string slices, in id order", () => {
    const people = Array.from({ length: 400 }, (_, i) => person(399 - i));
    const { props, sig } = encodePeople(people);
    expect(Object.keys(props).filter((k) => k.startsWith("d")).length).toBeGreaterThan(1);
    for (const [key, value] of Object.entries(props)) if (key.startsWith("d")) expect((value as string).length).toBeLessThanOrEqual(30_000);
    expect(decodePeople(props)).toEqual([...people].sort((a, b) => a.id.localeCompare(b.id)));
    expect(encodePeople([...people].reverse()).sig).toBe(sig);
  });

  test("carries has-reports marks for packs", () => {
    const people = [person(1), person(2)];
    const { props } = encodePeople(people, new Set([people[1]!.id]));
    expect(decodeMembers(props)).toEqual({ people, withReports: new Set([people[1]!.id]) });
  });

  test("shards and partitions spread ids and stay in range", () => {
    const shards = new Set(Array.from({ length: 5000 }, (_, i) => shardOf(person(i).id)));
    expect(shards.size).toBeGreaterThan(SHARD_COUNT * 0.6);
    for (const s of shards) expect(s).toBeLessThan(SHARD_COUNT);
    expect(partitionOf(person(1).id)).toBe(shardOf(person(1).id) % PARTITION_COUNT);
  });
});

describe("patches", () => {
  test("absent fields keep their value; a patch that changes nothing keeps the stored person", () => {
    const stored = person(1, { managerId: "m" });
    expect(applyPatch(stored, { id: stored.id, fields: { jobTitle: "Engineer" } }, "now")).toBe(stored);
    expect(applyPatch(stored, { id: stored.id, fields: { jobTitle: "Lead", mail: undefined } }, "now")).toEqual({ ...stored, jobTitle: "Lead", updatedAt: "now" });
    expect(applyPatch(null, { id: "x", fields: { displayName: "X" } }, "now")).toEqual({ id: "x", displayName: "X", mail: null, jobTitle: null, department: null, managerId: null, accountEnabled: true, preferredLanguage: null, userPrincipalName: null, updatedAt: "now" });
  });

  test("someone new takes the patch's fields over the defaults, with the fields in the order a patched person has them", () => {
    const added = applyPatch(null, { id: "y", fields: { userPrincipalName: "y@t.example", mail: undefined, managerId: "m", accountEnabled: false, jobTitle: null }, updatedAt: "then" }, "now");
    expect(added).toStrictEqual({ id: "y", displayName: "", mail: null, jobTitle: null, department: null, managerId: "m", accountEnabled: false, preferredLanguage: null, userPrincipalName: "y@t.example", updatedAt: "then" });
    const patched = applyPatch(added, { id: "y", fields: { displayName: "Y" } }, "now");
    expect(Object.keys(added)).toEqual(Object.keys(patched));
  });

  test("a preferred language survives packing, in shards and in packs, and a change to it is a change", () => {
    const people = [person(1), { ...person(2), preferredLanguage: "de-DE" }];
    expect(decodePeople(encodePeople(people).props)).toEqual(people);
    expect(decodeMembers(encodePeople(people, new Set([people[1]!.id])).props)).toEqual({ people, withReports: new Set([people[1]!.id]) });
    expect(applyPatch(people[1]!, { id: people[1]!.id, fields: { preferredLanguage: "fr-FR" } }, "now").preferredLanguage).toBe("fr-FR");
    expect(applyPatch(people[0]!, { id: people[0]!.id, fields: { preferredLanguage: null } }, "now")).toBe(people[0]);
  });

  test("a user principal name survives packing, with or without a preferred language, and a change to it is a change", () => {
    const people = [person(1), { ...person(2), userPrincipalName: "p2@tenant.onmicrosoft.example" }, { ...person(3), preferredLanguage: "ja-JP", userPrincipalName: "p3@tenant.onmicrosoft.example" }];
    expect(decodePeople(encodePeople(people).props)).toEqual(people);
    expect(decodeMembers(encodePeople(people, new Set([people[2]!.id])).props)).toEqual({ people, withReports: new Set([people[2]!.id]) });
    expect(applyPatch(people[1]!, { id: people[1]!.id, fields: { userPrincipalName: "new@tenant.example" } }, "now").userPrincipalName).toBe("new@tenant.example");
    expect(applyPatch(people[0]!, { id: people[0]!.id, fields: { userPrincipalName: null } }, "now")).toBe(people[0]);
  });
});
