/** The marks of erased people, against Azurite: an instance reads a tenant's marks in one request and
 * trusts them for the time it is given, however many people it checks; a mark it writes counts at once,
 * one written elsewhere once that time is up; one tenant's marks say nothing of another's. */
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, inject, test } from "vitest";
import { ADMIN_TABLE } from "../../functions/src/store/admin-store.js";
import { createErasedPeople } from "../../functions/src/store/erased-people.js";
import { countStorageRequests } from "../../functions/src/store/request-count.js";
import { createTableFactory, makeKey, type TableFactory } from "../../functions/src/store/tables.js";

const TTL_MS = 30_000;
let factory: TableFactory;

beforeAll(async () => {
  factory = createTableFactory({ kind: "connectionString", connectionString: inject("azuriteConnectionString") });
  await factory.ensureTables([ADMIN_TABLE]);
});

/** A store on its own clock, as another instance of the app would have. */
function createInstance() {
  let at = Date.now();
  const marks = createErasedPeople(factory, { ttlMs: TTL_MS, now: () => at });
  return { marks, advance: (ms: number) => void (at += ms) };
}

async function counted<T>(work: () => Promise<T>): Promise<{ result: T; requests: number }> {
  let requests = 0;
  const result = await countStorageRequests(work, (n) => (requests = n));
  return { result, requests };
}

describe("erased people's marks", () => {
  test("one read a tenant for as long as it is trusted, however many people are checked, also at once", async () => {
    const tenantId = randomUUID();
    const erased = randomUUID();
    await createInstance().marks.markErased(tenantId, erased, new Date().toISOString());
    const { marks, advance } = createInstance();
    const people = [erased, ...Array.from({ length: 40 }, () => randomUUID())];
    const first = await counted(() => Promise.all(people.map((id) => marks.isErased(tenantId, id))));
    expect(first.result).toEqual([true, ...people.slice(1).map(() => false)]);
    expect(first.requests).toBe(1);
    const again = await counted(() => Promise.all(people.map((id) => marks.isErased(tenantId, id))));
    expect(again.requests).toBe(0);
    advance(TTL_MS + 1);
    const later = await counted(() => marks.isErased(tenantId, randomUUID()));
    expect(later).toEqual({ result: false, requests: 1 });
  });

  test("a mark written here counts at once; one written elsewhere once the marks read are no longer trusted", async () => {
    const tenantId = randomUUID();
    const here = createInstance();
    const elsewhere = createInstance();
    const [alice, bob] = [randomUUID(), randomUUID()];
    expect(await here.marks.isErased(tenantId, alice)).toBe(false);
    expect(await elsewhere.marks.isErased(tenantId, alice)).toBe(false);
    await here.marks.markErased(tenantId, alice, new Date().toISOString());
    expect(await here.marks.isErased(tenantId, alice)).toBe(true);
    expect(await elsewhere.marks.isErased(tenantId, alice)).toBe(false);
    elsewhere.advance(TTL_MS + 1);
    expect(await elsewhere.marks.isErased(tenantId, alice)).toBe(true);
    // Marking again keeps the first mark; the one checked before stays unmarked.
    await elsewhere.marks.markErased(tenantId, alice, new Date().toISOString());
    expect(await elsewhere.marks.isErased(tenantId, bob)).toBe(false);
  });

  test("a tenant's marks say nothing of another tenant's people, and hold no person's id", async () => {
    const [tenantA, tenantB] = [randomUUID(), randomUUID()];
    const person = randomUUID();
    const { marks } = createInstance();
    await marks.markErased(tenantA, person, new Date().toISOString());
    expect(await marks.isErased(tenantA, person)).toBe(true);
    expect(await marks.isErased(tenantB, person)).toBe(false);
    const rows = [];
    for await (const row of factory.getClient(ADMIN_TABLE).listEntities({ queryOptions: { filter: `PartitionKey eq '${makeKey(tenantA)}'` } })) rows.push(row);
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(person);
  });
});
