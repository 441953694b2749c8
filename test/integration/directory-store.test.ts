import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, inject, test } from "vitest";
import type { Person } from "../../functions/src/domain/types.js";
import { packRowKey, parseShardRowKey, partitionName, partitionOf, shardOf, sliceCount, subShardOf, subShardRowKey, toPatch } from "../../functions/src/store/org-packing.js";
import { createTableDirectory, type TableDirectory } from "../../functions/src/store/directory-store.js";
import { countStorageRequests } from "../../functions/src/store/request-count.js";
import { storageUnavailable } from "../../functions/src/store/storage-timeout.js";
import { createTableFactory, makeKey, TABLE_NAMES, type TableFactory } from "../../functions/src/store/tables.js";
import { generateOrg } from "../fakes/org-generator.js";
import { buildPerson, buildSmallOrg } from "../support/org-builder.js";

let directory: TableDirectory;
let tableFactory: TableFactory;

beforeAll(async () => {
  const factory = createTableFactory({ kind: "connectionString", connectionString: inject("azuriteConnectionString") });
  directory = createTableDirectory(factory);
  tableFactory = factory;
  await factory.ensureTables(directory.tables);
});

/** The tenant's people rows: row key and how many people each holds. */
async function peopleRows(tenantId: string): Promise<Map<string, number>> {
  const rows = new Map<string, number>();
  const client = tableFactory.getClient(TABLE_NAMES.people);
  const filter = `PartitionKey ge '${makeKey(tenantId, "")}' and PartitionKey lt '${makeKey(tenantId, "~")}'`;
  for await (const entity of client.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) rows.set(entity.rowKey!, Number(entity.n));
  return rows;
}

const names = (people: Person[]) => people.map((p) => p.displayName).sort();

async function listAll(tenantId: string): Promise<Person[]> {
  const all: Person[] = [];
  for await (const person of directory.listPeople(tenantId)) all.push(person);
  return all.sort((a, b) => a.id.localeCompare(b.id));
}

describe("table directory", () => {
  test("answers person, reports, chain and subtree reads", async () => {
    const tenantId = randomUUID();
    const org = buildSmallOrg();
    await directory.upsertPeople(tenantId, org.all);
    expect(await directory.getPerson(tenantId, org.alice.id)).toEqual(org.alice);
    expect(await directory.getPerson(tenantId, randomUUID())).toBeNull();
    expect(names(await directory.listDirectReports(tenantId, org.manager.id))).toEqual(["Alice Author", "Bob Builder"]);
    expect((await directory.getManagerChain(tenantId, org.alice.id)).map((p) => p.id)).toEqual([org.manager.id, org.vp.id, org.ceo.id]);
    expect(names(await directory.listSubtree(tenantId, org.vp.id))).toEqual(["Alice Author", "Bob Builder", "Maya Manager"]);
    expect(await listAll(tenantId)).toEqual([...org.all].sort((a, b) => a.id.localeCompare(b.id)));
  });

  test("keeps the reports index consistent when a manager changes or someone leaves", async () => {
    const tenantId = randomUUID();
    const org = buildSmallOrg();
    await directory.upsertPeople(tenantId, org.all);
    await directory.upsertPeople(tenantId, [{ ...org.alice, managerId: org.outsider.id }]);
    expect(names(await directory.listDirectReports(tenantId, org.manager.id))).toEqual(["Bob Builder"]);
    expect(names(await directory.listDirectReports(tenantId, org.outsider.id))).toEqual(["Alice Author"]);
    await directory.removePeople(tenantId, [org.bob.id]);
    expect(await directory.getPerson(tenantId, org.bob.id)).toBeNull();
    expect(await directory.listDirectReports(tenantId, org.manager.id)).toEqual([]);
  });

  test("reports only real changes and rewrites nothing when nothing changed", async () => {
    const tenantId = randomUUID();
    const org = buildSmallOrg();
    const first = await directory.applyUpdate(tenantId, { patches: org.all.map(({ id, updatedAt: _u, ...fields }) => ({ id, fields })) });
    expect(first.written).toBe(org.all.length);
    const again = await directory.applyUpdate(tenantId, { patches: [{ id: org.alice.id, fields: { jobTitle: org.alice.jobTitle } }] });
    expect(again.changes.size).toBe(0);
    const moved = await directory.applyUpdate(tenantId, { patches: [{ id: org.alice.id, fields: { managerId: org.vp.id } }] });
    expect(moved.changes.get(org.alice.id)).toMatchObject({ before: { managerId: org.manager.id }, after: { managerId: org.vp.id, displayName: "Alice Author" } });
  });

  test("a complete update removes everyone it does not name", async () => {
    const tenantId = randomUUID();
    const org = buildSmallOrg();
    await directory.upsertPeople(tenantId, org.all);
    const kept = [org.ceo, org.vp];
    const result = await directory.applyUpdate(tenantId, { patches: kept.map(({ id, updatedAt: _u, ...fields }) => ({ id, fields })), isComplete: true });
    expect(result.removed).toBe(4);
    expect((await listAll(tenantId)).map((p) => p.id).sort()).toEqual(kept.map((p) => p.id).sort());
    expect(names(await directory.listDirectReports(tenantId, org.ceo.id))).toEqual(["Victor VP"]);
    expect(await directory.listDirectReports(tenantId, org.manager.id)).toEqual([]);
  });

  test("a complete update counts the people it adds as written but lists only the stored people it changed", async () => {
    const tenantId = randomUUID();
    const org = buildSmallOrg();
    const patchOf = ({ id, updatedAt: _u, ...fields }: Person) => ({ id, fields });
    const first = await directory.applyUpdate(tenantId, { patches: [org.ceo, org.vp].map(patchOf), isComplete: true });
    expect(first.written).toBe(2);
    expect(first.changes.size).toBe(0);
    expect(first.lookup(org.vp.id)).toMatchObject({ managerId: org.ceo.id });
    const second = await directory.applyUpdate(tenantId, { patches: [org.ceo, { ...org.vp, jobTitle: "Chief of Staff" }, org.manager].map(patchOf), isComplete: true });
    expect(second.written).toBe(2);
    expect([...second.changes.keys()]).toEqual([org.vp.id]);
    expect(second.changes.get(org.vp.id)).toMatchObject({ before: { jobTitle: org.vp.jobTitle }, after: { jobTitle: "Chief of Staff" } });
    expect(names(await directory.listDirectReports(tenantId, org.vp.id))).toEqual([org.manager.displayName]);
  });

  test("survives cycles, self-managers and missing managers", async () => {
    const tenantId = randomUUID();
    const a = buildPerson({ displayName: "A" });
    const b = buildPerson({ displayName: "B", managerId: a.id });
    const self = buildPerson({ displayName: "Self" });
    const orphan = buildPerson({ displayName: "Orphan", managerId: randomUUID() });
    await directory.upsertPeople(tenantId, [{ ...a, managerId: b.id }, b, { ...self, managerId: self.id }, orphan]);
    expect((await directory.getManagerChain(tenantId, a.id)).map((p) => p.displayName)).toEqual(["B"]);
    expect(names(await directory.listSubtree(tenantId, a.id))).toEqual(["B"]);
    expect(await directory.getManagerChain(tenantId, self.id)).toEqual([]);
    expect(await directory.listDirectReports(tenantId, self.id)).toEqual([]);
    expect(await directory.getManagerChain(tenantId, orphan.id)).toEqual([]);
  });

  test("splits a very large team over several chunks and shrinks it again", async () => {
    const tenantId = randomUUID();
    const boss = buildPerson({ displayName: "Boss" });
    const team = Array.from({ length: 2300 }, (_, i) => buildPerson({ displayName: `Member ${String(i).padStart(4, "0")}`, managerId: boss.id }));
    await directory.upsertPeople(tenantId, [boss, ...team]);
    expect((await directory.listDirectReports(tenantId, boss.id)).length).toBe(2300);
    await directory.upsertPeople(tenantId, team.slice(0, 1500).map((p) => ({ ...p, managerId: null })));
    const remaining = await directory.listDirectReports(tenantId, boss.id);
    expect(names(remaining)).toEqual(names(team.slice(1500)));
  });

  test("a row rewritten smaller is merged into with the slices it no longer fills emptied, and grows again exactly", async () => {
    const tenantId = randomUUID();
    const [boss, other] = [buildPerson({ displayName: "Boss" }), buildPerson({ displayName: "Other" })];
    const team = Array.from({ length: 1000 }, (_, i) => buildPerson({ displayName: `Member ${String(i).padStart(4, "0")}`, managerId: boss.id }));
    await directory.upsertPeople(tenantId, [boss, other, ...team]);
    const packs = tableFactory.getClient(TABLE_NAMES.reports);
    const readPack = () => packs.getEntity<Record<string, unknown>>(makeKey(tenantId, partitionName(partitionOf(boss.id))), packRowKey(boss.id, 0));
    const slicesBefore = sliceCount(await readPack());
    expect(slicesBefore).toBeGreaterThan(2);
    await directory.upsertPeople(tenantId, team.slice(0, 950).map((p) => ({ ...p, managerId: other.id })));
    const shrunk = await readPack();
    expect(sliceCount(shrunk)).toBe(slicesBefore);
    expect(shrunk[`d${slicesBefore - 1}`]).toBe("");
    expect(names(await directory.listDirectReports(tenantId, boss.id))).toEqual(names(team.slice(950)));
    expect(names(await directory.listDirectReports(tenantId, other.id))).toEqual(names(team.slice(0, 950)));
    await directory.upsertPeople(tenantId, team.slice(0, 950));
    expect(names(await directory.listDirectReports(tenantId, boss.id))).toEqual(names(team));
    expect(await directory.listDirectReports(tenantId, other.id)).toEqual([]);
  });

  test("concurrent writers to one shard both land", async () => {
    const tenantId = randomUUID();
    const first = buildPerson();
    let second = buildPerson();
    while (shardOf(second.id) !== shardOf(first.id)) second = buildPerson();
    await Promise.all([directory.upsertPeople(tenantId, [first]), directory.upsertPeople(tenantId, [second])]);
    expect((await listAll(tenantId)).map((p) => p.id).sort()).toEqual([first.id, second.id].sort());
  });

  test("large updates regroup teams from everyone and keep subtree marks right", async () => {
    const tenantId = randomUUID();
    const org = generateOrg({ size: 4000, seed: 5 }).map(({ userPrincipalName: _upn, ...u }) => buildPerson(u));
    await directory.upsertPeople(tenantId, org);
    const byId = new Map(org.map((p) => [p.id, p]));
    for (let i = 0; i < 500; i++) {
      const mover = org[100 + i * 5]!;
      byId.set(mover.id, { ...byId.get(mover.id)!, managerId: org[2000 + i]!.id });
    }
    const leavers = org.slice(1500, 1540).map((p) => p.id);
    for (const id of leavers) byId.delete(id);
    const result = await directory.applyUpdate(tenantId, { patches: [...byId.values()].map(toPatch), removals: leavers });
    expect(result.removed).toBe(40);
    const root = org[0]!;
    const reachable = new Set<string>();
    const walk = (id: string) => {
      for (const p of byId.values()) {
        if (p.managerId !== id || reachable.has(p.id)) continue;
        reachable.add(p.id);
        walk(p.id);
      }
    };
    walk(root.id);
    expect(new Set((await directory.listSubtree(tenantId, root.id)).map((p) => p.id))).toEqual(reachable);
    const target = org[2003]!.id;
    expect((await directory.listDirectReports(tenantId, target)).map((p) => p.id).sort()).toEqual([...byId.values()].filter((p) => p.managerId === target).map((p) => p.id).sort());
  });

  test("a large tenant's shards are written in sub-shard rows that small updates read and rewrite alone, and a smaller sync writes them whole again", async () => {
    const tenantId = randomUUID();
    const split = createTableDirectory(tableFactory, { splitAbovePeople: 100 });
    // Stored people carry a preferred language only when one is set.
    const org = generateOrg({ size: 600, seed: 9 }).map(({ userPrincipalName: _upn, preferredLanguage, ...u }) => buildPerson({ ...u, ...(preferredLanguage ? { preferredLanguage } : {}) }));
    const patchesOf = (people: Person[]) => people.map(toPatch);
    await split.applyUpdate(tenantId, { patches: patchesOf(org), isComplete: true });
    const rows = await peopleRows(tenantId);
    expect([...rows.keys()].every((key) => parseShardRowKey(key)?.sub !== null)).toBe(true);
    expect([...rows.values()].reduce((a, b) => a + b, 0)).toBe(600);
    expect(await listAll(tenantId)).toEqual([...org].sort((a, b) => a.id.localeCompare(b.id)));
    const someone = org[321]!;
    expect(await directory.getPerson(tenantId, someone.id)).toEqual(someone);
    expect((await directory.getPeople(tenantId, org.slice(0, 50).map((p) => p.id))).size).toBe(50);

    // A small update (through a directory with the default threshold) keeps the layout: a move, a
    // leaver and a hire land in their sub-shard rows, and no whole row appears.
    const mover = org[400]!;
    const leaver = org[500]!;
    // The hire's sub-shard has a row, as nearly every one has in a large tenant (where the update
    // finds none of the rows it reads, it writes a whole row, which readers merge with the others).
    const rowOf = (id: string) => subShardRowKey(shardOf(id), subShardOf(id));
    let hire = buildPerson({ displayName: "Hire", managerId: org[0]!.id });
    while (!rows.has(rowOf(hire.id))) hire = buildPerson({ displayName: "Hire", managerId: org[0]!.id });
    await directory.applyUpdate(tenantId, { patches: [{ id: mover.id, fields: { managerId: org[1]!.id } }, ...patchesOf([hire])], removals: [leaver.id] });
    const after = await peopleRows(tenantId);
    expect([...after.keys()].every((key) => parseShardRowKey(key)?.sub !== null)).toBe(true);
    expect(after.get(rowOf(hire.id))).toBeGreaterThan(0);
    expect(await directory.getPerson(tenantId, leaver.id)).toBeNull();
    expect(await directory.getPerson(tenantId, hire.id)).toMatchObject({ displayName: "Hire" });
    expect((await directory.getPerson(tenantId, mover.id))?.managerId).toBe(org[1]!.id);
    expect((await directory.listDirectReports(tenantId, org[1]!.id)).map((p) => p.id)).toContain(mover.id);
    expect((await directory.listDirectReports(tenantId, org[0]!.id)).map((p) => p.id)).toContain(hire.id);
    expect((await listAll(tenantId)).length).toBe(600);

    // A complete update under the threshold writes each shard as one row again.
    const remaining = (await listAll(tenantId)).slice(0, 90);
    await directory.applyUpdate(tenantId, { patches: patchesOf(remaining), isComplete: true });
    // Sub-shard rows emptied in the change of layout are written empty in its transaction and deleted
    // by the next update that reads them.
    const whole = await peopleRows(tenantId);
    expect([...whole].filter(([, n]) => n > 0).every(([key]) => parseShardRowKey(key)?.sub === null)).toBe(true);
    await directory.applyUpdate(tenantId, { patches: patchesOf(remaining), isComplete: true });
    expect([...(await peopleRows(tenantId)).keys()].every((key) => parseShardRowKey(key)?.sub === null)).toBe(true);
    expect((await listAll(tenantId)).map((p) => p.id)).toEqual(remaining.map((p) => p.id));
    expect(await directory.getPerson(tenantId, remaining[7]!.id)).toMatchObject({ id: remaining[7]!.id });
  });

  test("a tenant marked split is updated in sub-shard rows only, reading no whole rows, until a smaller sync writes it whole", async () => {
    const tenantId = randomUUID();
    const split = createTableDirectory(tableFactory, { splitAbovePeople: 100 });
    const org = generateOrg({ size: 600, seed: 12 }).map(({ userPrincipalName: _upn, preferredLanguage: _lang, ...u }) => buildPerson(u));
    await split.applyUpdate(tenantId, { patches: org.map(toPatch), isComplete: true });
    expect((await peopleRows(tenantId)).has("layout")).toBe(true);
    // Moves across well over 64 shards, and a hire into a shard that holds nobody yet: with the mark,
    // the hire goes to a sub-shard row (without it, an update finding no row writes a whole one).
    const occupied = new Set(org.map((p) => shardOf(p.id)));
    let hire = buildPerson({ displayName: "Hire", managerId: org[0]!.id });
    while (occupied.has(shardOf(hire.id))) hire = buildPerson({ displayName: "Hire", managerId: org[0]!.id });
    const moved = org.slice(100, 400);
    await directory.applyUpdate(tenantId, { patches: [...moved.map((p) => ({ id: p.id, fields: { managerId: org[1]!.id } })), toPatch(hire)] });
    const rows = await peopleRows(tenantId);
    expect([...rows.keys()].filter((key) => key !== "layout").every((key) => parseShardRowKey(key)?.sub !== null)).toBe(true);
    expect(rows.get(subShardRowKey(shardOf(hire.id), subShardOf(hire.id)))).toBe(1);
    // A small update (no mark read up front) into a shard that holds nobody yet also keeps to sub-shard rows.
    let late = buildPerson({ displayName: "Late", managerId: org[0]!.id });
    while (occupied.has(shardOf(late.id)) || shardOf(late.id) === shardOf(hire.id)) late = buildPerson({ displayName: "Late", managerId: org[0]!.id });
    await directory.upsertPeople(tenantId, [late]);
    const rowsAfter = await peopleRows(tenantId);
    expect([...rowsAfter.keys()].filter((key) => key !== "layout").every((key) => parseShardRowKey(key)?.sub !== null)).toBe(true);
    expect(rowsAfter.get(subShardRowKey(shardOf(late.id), subShardOf(late.id)))).toBe(1);
    const stored = new Map((await listAll(tenantId)).map((p) => [p.id, p]));
    expect(stored.size).toBe(602);
    for (const p of moved) expect(stored.get(p.id)?.managerId).toBe(org[1]!.id);
    expect((await directory.listDirectReports(tenantId, org[0]!.id)).map((p) => p.id)).toContain(hire.id);
    // A complete update under the threshold takes the mark away before it writes whole rows.
    await directory.applyUpdate(tenantId, { patches: [...stored.values()].slice(0, 50).map(toPatch), isComplete: true });
    expect((await peopleRows(tenantId)).has("layout")).toBe(false);
    expect((await listAll(tenantId)).length).toBe(50);
  });

  test("many people at once: whole shards by key range, or in a tenant marked split, the sub-shard row of each by key", async () => {
    const wholeTenant = randomUUID();
    const splitTenant = randomUUID();
    const split = createTableDirectory(tableFactory, { splitAbovePeople: 100 });
    const org = generateOrg({ size: 400, seed: 21 }).map(({ userPrincipalName: _upn, preferredLanguage: _lang, ...u }) => buildPerson(u));
    await directory.applyUpdate(wholeTenant, { patches: org.map(toPatch), isComplete: true });
    await split.applyUpdate(splitTenant, { patches: org.map(toPatch), isComplete: true });
    // Over 64 shards, and some ids nobody has.
    const wanted = [...org.slice(50, 350), buildPerson({ displayName: "Nobody" }), buildPerson({ displayName: "No one" })];
    expect(new Set(wanted.map((p) => shardOf(p.id))).size).toBeGreaterThan(64);
    const expected = new Map(org.slice(50, 350).map((p) => [p.id, p]));
    const read = async (tenantId: string) => {
      let requests = 0;
      const found = await countStorageRequests(() => directory.getPeople(tenantId, wanted.map((p) => p.id)), (n) => (requests = n));
      expect(found).toEqual(expected);
      return requests;
    };
    // Whole rows: the mark is looked for, then one range query per partition (seven shards each at most).
    expect(await read(wholeTenant)).toBeLessThanOrEqual(1 + Math.ceil(wanted.length / 7) + 64);
    // Split: the mark, then a point read per sub-shard row named.
    const rowsNamed = new Set(wanted.map((p) => subShardRowKey(shardOf(p.id), subShardOf(p.id)))).size;
    expect(await read(splitTenant)).toBe(1 + rowsNamed);
  });

  test("in a tenant marked split a few people are read by key, a point read each, and found after it is written whole again", async () => {
    const tenantId = randomUUID();
    const split = createTableDirectory(tableFactory, { splitAbovePeople: 100 });
    const org = generateOrg({ size: 400, seed: 22 }).map(({ userPrincipalName: _upn, preferredLanguage: _lang, ...u }) => buildPerson(u));
    await split.applyUpdate(tenantId, { patches: org.map(toPatch), isComplete: true });
    const reader = createTableDirectory(tableFactory);
    const read = async (ids: string[]) => {
      const requests: string[] = [];
      let found = new Map<string, Person>();
      await countStorageRequests(async () => (found = await reader.getPeople(tenantId, ids)), () => undefined, (request) => requests.push(decodeURIComponent(request)));
      return { found, requests };
    };
    const isPointRead = (request: string) => request.startsWith("GET ") && !request.includes("filter") && request.includes("(PartitionKey=");
    const wanted = org.slice(10, 40);
    const expected = new Map(wanted.map((p) => [p.id, p]));
    const subRowsNamed = new Set(wanted.map((p) => subShardRowKey(shardOf(p.id), subShardOf(p.id)))).size;
    // The mark, then a point read per sub-shard row named.
    const first = await read(wanted.map((p) => p.id));
    expect(first.found).toEqual(expected);
    expect(first.requests.every(isPointRead)).toBe(true);
    expect(first.requests).toHaveLength(1 + subRowsNamed);
    // The mark is known for a while: one point read a person.
    const again = await read([org[50]!.id]);
    expect(again.found).toEqual(new Map([[org[50]!.id, org[50]!]]));
    expect(again.requests).toHaveLength(1);
    expect(again.requests.every(isPointRead)).toBe(true);
    // Someone nobody has is looked for in their whole shard, and not found.
    expect((await read([buildPerson({ displayName: "Nobody" }).id])).found.size).toBe(0);
    // Written whole again by a smaller complete sync, which this reader does not see: it still finds everyone.
    await directory.applyUpdate(tenantId, { patches: org.map(toPatch), isComplete: true });
    expect((await read(wanted.map((p) => p.id))).found).toEqual(expected);
  });

  test("keeps tenants apart", async () => {
    const [t1, t2] = [randomUUID(), randomUUID()];
    const org = buildSmallOrg();
    await directory.upsertPeople(t1, org.all);
    expect(await directory.getPerson(t2, org.ceo.id)).toBeNull();
    expect(await listAll(t2)).toEqual([]);
  });
});

/** A factory whose first transaction (or the nth) lands and then reports storage as too busy. */
function busyAfterLanding(failing = 0): { factory: TableFactory; timeouts(): number } {
  const real = createTableFactory({ kind: "connectionString", connectionString: inject("azuriteConnectionString") });
  let count = 0;
  const factory: TableFactory = {
    ensureTables: (tables) => real.ensureTables(tables),
    getClient(table) {
      const client = real.getClient(table);
      return new Proxy(client, {
        get(target, key, receiver) {
          if (key !== "submitTransaction") return Reflect.get(target, key, receiver);
          return async (...args: Parameters<typeof client.submitTransaction>) => {
            const result = await target.submitTransaction(...args);
            if (count++ === failing) throw storageUnavailable();
            return result;
          };
        },
      });
    },
  };
  return { factory, timeouts: () => count };
}

describe("table directory when storage is too busy to answer", () => {
  test("a transaction that landed but timed out is not applied twice: the update reads again and finishes", async () => {
    const busy = busyAfterLanding();
    const tenantId = randomUUID();
    const org = buildSmallOrg();
    await createTableDirectory(busy.factory).upsertPeople(tenantId, org.all);
    expect(busy.timeouts()).toBeGreaterThan(1);
    expect(await listAll(tenantId)).toEqual([...org.all].sort((a, b) => a.id.localeCompare(b.id)));
    expect(names(await directory.listDirectReports(tenantId, org.manager.id))).toEqual(["Alice Author", "Bob Builder"]);
  });

  test("a complete update retried after a landed write finishes exactly and still reports what that write changed", async () => {
    const tenantId = randomUUID();
    const org = generateOrg({ size: 3000, seed: 21 }).map(({ userPrincipalName: _upn, preferredLanguage: _lang, ...u }) => buildPerson(u));
    await directory.upsertPeople(tenantId, org);
    const moved = org[2000]!;
    const leaver = org[2500]!;
    const next = org.filter((p) => p.id !== leaver.id).map((p) => (p.id === moved.id ? { ...p, managerId: org[1]!.id, jobTitle: "Moved" } : p));
    // Packs are written first; the failing write is the first shard transaction, after the packs.
    const packTransactions = new Set([org[1]!.id, moved.managerId!, leaver.managerId!].map((id) => shardOf(id) % 64)).size;
    const busy = busyAfterLanding(packTransactions);
    const result = await createTableDirectory(busy.factory).applyUpdate(tenantId, { patches: next.map(({ id, updatedAt: _u, ...fields }) => ({ id, fields })), isComplete: true });
    expect(busy.timeouts()).toBeGreaterThan(packTransactions);
    expect(result.changes.get(moved.id)).toMatchObject({ before: { managerId: moved.managerId }, after: { managerId: org[1]!.id, jobTitle: "Moved" } });
    expect(result.changes.get(leaver.id)).toMatchObject({ before: { id: leaver.id }, after: null });
    expect([...result.changes.keys()].sort()).toEqual([moved.id, leaver.id].sort());
    expect(result.removed).toBe(1);
    const stored = await listAll(tenantId);
    expect(stored.map((p) => [p.id, p.managerId, p.jobTitle])).toEqual(next.sort((a, b) => a.id.localeCompare(b.id)).map((p) => [p.id, p.managerId, p.jobTitle]));
    expect((await directory.listDirectReports(tenantId, org[1]!.id)).map((p) => p.id)).toContain(moved.id);
  });

  test("after a failed transaction no other write starts until the update has read again", async () => {
    const real = createTableFactory({ kind: "connectionString", connectionString: inject("azuriteConnectionString") });
    const events: string[] = [];
    let transactions = 0;
    const failingOnce: TableFactory = {
      ensureTables: (tables) => real.ensureTables(tables),
      getClient(table) {
        const client = real.getClient(table);
        return new Proxy(client, {
          get(target, key, receiver) {
            if (key === "listEntities" || key === "getEntity") {
              return (...args: unknown[]) => {
                events.push("read");
                return (Reflect.get(target, key, receiver) as (...a: unknown[]) => unknown).apply(target, args);
              };
            }
            if (key !== "submitTransaction") return Reflect.get(target, key, receiver);
            return async (...args: Parameters<typeof client.submitTransaction>) => {
              const number = transactions++;
              events.push("write");
              // Slow writes, so a helper that kept writing after the failure would still be at it.
              await new Promise((resolve) => setTimeout(resolve, 40));
              if (number === 0) {
                events.push("failed");
                throw storageUnavailable();
              }
              return target.submitTransaction(...args);
            };
          },
        });
      },
    };
    const tenantId = randomUUID();
    const org = generateOrg({ size: 600, seed: 11 }).map(({ userPrincipalName: _upn, ...u }) => buildPerson(u));
    await createTableDirectory(failingOnce).upsertPeople(tenantId, org);
    const failedAt = events.indexOf("failed");
    const nextRead = events.indexOf("read", failedAt);
    expect(failedAt).toBeGreaterThan(0);
    expect(nextRead).toBeGreaterThan(failedAt);
    expect(events.slice(failedAt, nextRead)).not.toContain("write");
    expect(events.slice(nextRead).filter((e) => e === "write").length).toBeGreaterThan(10);
    const stored = new Map((await listAll(tenantId)).map((p) => [p.id, p.managerId]));
    expect(stored).toEqual(new Map(org.map((p) => [p.id, p.managerId])));
  });
});
