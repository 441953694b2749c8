import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { Person } from "../domain/types.js";
import { filedManagerOf, shardOf, type PersonPatch } from "./org-packing.js";
import { applyToShards, type LoadedPack, type LoadedShard } from "./org-plan.js";
import { groupReports, updatePacks } from "./pack-plan.js";

/** An in-memory stand-in for the stored entities: shards of people and packs of reports with marks. */
interface Stored {
  people: Map<string, Person>;
  packs: Map<string, { reports: Map<string, Person>; withReports: Set<string> }>;
}

const IDS = Array.from({ length: 12 }, (_, i) => `p${i}`);

function loadShards(stored: Stored, ids: string[]): Map<number, LoadedShard> {
  const shards = new Map<number, LoadedShard>();
  for (const shard of new Set(ids.map(shardOf))) {
    const people = new Map([...stored.people].filter(([id]) => shardOf(id) === shard));
    shards.set(shard, { shard, stored: people.size > 0 ? { rowKey: "", etag: "e", sig: "" } : null, people });
  }
  return shards;
}

function loadPacks(stored: Stored, ids: string[]): Map<string, LoadedPack> {
  return new Map(
    ids.map((id) => {
      const pack = stored.packs.get(id);
      return [id, { managerId: id, stored: pack ? [{ rowKey: id, etag: "e", sig: "" }] : [], reports: new Map(pack?.reports), withReports: new Set(pack?.withReports) }];
    }),
  );
}

async function applyIncrementally(stored: Stored, patches: PersonPatch[], removals: string[]): Promise<void> {
  const shards = loadShards(stored, [...patches.map((p) => p.id), ...removals]);
  const changes = applyToShards(shards, patches, removals, false, "2026-01-01T00:00:00.000Z");
  const packs = await updatePacks(changes, shards, {
    loadPacks: async (ids) => loadPacks(stored, ids),
    getPeople: async (ids) => new Map(ids.filter((id) => stored.people.has(id)).map((id) => [id, stored.people.get(id)!])),
  });
  for (const shard of shards.values()) {
    for (const id of [...stored.people.keys()]) if (shardOf(id) === shard.shard) stored.people.delete(id);
    for (const [id, person] of shard.people) stored.people.set(id, person);
  }
  for (const pack of packs.values()) {
    if (pack.reports.size > 0) stored.packs.set(pack.managerId, { reports: pack.reports, withReports: pack.withReports });
    else stored.packs.delete(pack.managerId);
  }
}

function expectedPacks(people: Iterable<Person>): Stored["packs"] {
  const grouped = groupReports(people);
  return new Map([...grouped].map(([m, list]) => [m, { reports: new Map(list.map((p) => [p.id, p])), withReports: new Set(list.filter((p) => grouped.has(p.id)).map((p) => p.id)) }]));
}

const updateArb = fc.record({
  patches: fc.array(fc.record({ id: fc.constantFrom(...IDS), managerId: fc.option(fc.constantFrom(...IDS), { nil: null }), title: fc.constantFrom("A", "B") }), { maxLength: 5 }),
  removals: fc.array(fc.constantFrom(...IDS), { maxLength: 2 }),
});

describe("incremental pack planning", () => {
  test("after any sequence of updates, packs and has-reports marks equal a regroup from scratch", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(updateArb, { minLength: 1, maxLength: 8 }), async (updates) => {
        const stored: Stored = { people: new Map(), packs: new Map() };
        for (const update of updates) {
          const patches = update.patches.map((p) => ({ id: p.id, fields: { displayName: p.id, managerId: p.managerId, jobTitle: p.title } }));
          await applyIncrementally(stored, patches, update.removals);
          expect(stored.packs).toEqual(expectedPacks(stored.people.values()));
        }
      }),
      { numRuns: 300 },
    );
  });

  test("a complete update removes whoever it does not name and keeps unchanged people as they were", () => {
    const person = (id: string, managerId: string | null): Person => ({ id, displayName: id, mail: null, jobTitle: null, department: null, managerId, accountEnabled: true, updatedAt: "old" });
    const shards = loadShards({ people: new Map([["a", person("a", null)], ["b", person("b", "a")]]), packs: new Map() }, ["a", "b"]);
    const changes = applyToShards(shards, [{ id: "a", fields: { displayName: "a", managerId: null, mail: null, jobTitle: null, department: null, accountEnabled: true } }], [], true, "new");
    expect([...changes.keys()]).toEqual(["b"]);
    expect(shards.get(shardOf("a"))!.people.get("a")!.updatedAt).toBe("old");
    expect(filedManagerOf(person("c", "c"))).toBeNull();
  });
});
