import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { Person } from "../domain/types.js";
import { encodePeople, filedManagerOf, shardOf, shardRowKey, subShardOf, subShardRowKey, type PersonPatch } from "./org-packing.js";
import { addShardRow, applyToShards, emptyShard, knownPerson, needsRewrite, planShardWrites, type LoadedPack, type LoadedShard, type StoredRef } from "./org-plan.js";
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
    const loaded = emptyShard(shard, "all", "keep");
    const people = [...stored.people.values()].filter((person) => shardOf(person.id) === shard);
    if (people.length > 0) addShardRow(loaded, { rowKey: shardRowKey(shard), etag: "e", sig: "" }, people);
    shards.set(shard, loaded);
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

describe("shard rows", () => {
  const person = (id: string): Person => ({ id, displayName: id, mail: null, jobTitle: null, department: null, managerId: null, accountEnabled: true, updatedAt: "t" });
  /** Ids of one shard, at least two of them in one sub-shard. */
  const idsOfOneShard = (() => {
    const byShard = new Map<number, string[]>();
    for (let i = 0; ; i++) {
      const id = `id${i}`;
      const list = byShard.get(shardOf(id)) ?? [];
      list.push(id);
      byShard.set(shardOf(id), list);
      if (list.length >= 6 && new Set(list.map(subShardOf)).size < list.length) return list;
    }
  })();
  const shard = shardOf(idsOfOneShard[0]!);
  const people = idsOfOneShard.map(person);
  const ref = (rowKey: string, sig = "old"): StoredRef => ({ rowKey, etag: `e-${rowKey}`, sig });

  test("a change of layout rewrites a shard in one group: sub-shard rows created, the whole row emptied", () => {
    const loaded = emptyShard(shard, "all", "split");
    addShardRow(loaded, ref(shardRowKey(shard)), people);
    const writes = planShardWrites(new Map([[shard, loaded]]), [shard]);
    expect(new Set(writes.map((w) => w.group))).toEqual(new Set([shard]));
    const whole = writes.find((w) => w.rowKey === shardRowKey(shard))!;
    expect(whole).toMatchObject({ etag: `e-${shardRowKey(shard)}`, props: { n: 0 } });
    const subs = writes.filter((w) => w.rowKey !== shardRowKey(shard));
    expect(subs.map((w) => w.rowKey).sort()).toEqual([...new Set(idsOfOneShard.map((id) => subShardRowKey(shard, subShardOf(id))))].sort());
    expect(subs.every((w) => w.etag === null)).toBe(true);
    expect(subs.reduce((n, w) => n + Number(w.props!.n), 0)).toBe(people.length);
    // Once written, the emptied row is deleted by the next complete update.
    const again = emptyShard(shard, "all", "split");
    addShardRow(again, ref(shardRowKey(shard), encodePeople([]).sig), []);
    for (const w of subs) addShardRow(again, ref(w.rowKey, String(w.props!.sig)), people.filter((p) => subShardRowKey(shard, subShardOf(p.id)) === w.rowKey));
    expect(needsRewrite(again)).toBe(true);
    expect(planShardWrites(new Map([[shard, again]]), [shard])).toEqual([{ partition: shard % 64, rowKey: shardRowKey(shard), props: null, etag: `e-${shardRowKey(shard)}`, group: shard }]);
  });

  test("an incremental update keeps a split shard split and takes a sub-shard row's copy over a whole row's", () => {
    const first = idsOfOneShard.find((id) => idsOfOneShard.some((other) => other !== id && subShardOf(other) === subShardOf(id)))!;
    const second = idsOfOneShard.find((id) => id !== first && subShardOf(id) === subShardOf(first))!;
    const subKey = subShardRowKey(shard, subShardOf(first));
    const loaded = emptyShard(shard, new Set([subShardOf(first)]), "keep");
    addShardRow(loaded, ref(subKey), [{ ...person(first), displayName: "new" }]);
    addShardRow(loaded, ref(shardRowKey(shard)), [person(first)]);
    expect(loaded.people.get(first)!.displayName).toBe("new");
    expect(knownPerson(new Map([[shard, loaded]]), second)).toBeNull();
    expect(knownPerson(new Map([[shard, loaded]]), idsOfOneShard.find((id) => subShardOf(id) !== subShardOf(first))!)).toBeUndefined();

    const split = emptyShard(shard, new Set([subShardOf(first)]), "keep");
    addShardRow(split, ref(subKey), [person(first)]);
    applyToShards(new Map([[shard, split]]), [{ id: second, fields: { displayName: second } }], [], false, "t2");
    const writes = planShardWrites(new Map([[shard, split]]), [shard]);
    expect(writes.map((w) => [w.rowKey, w.etag, w.props!.n])).toEqual([[subKey, `e-${subKey}`, 2]]);
  });
});
