/** The roll-up rebuild against writers that land while it runs: a row the incremental upkeep changed,
 * created or deleted after the rebuild listed the rows is newer than the rebuild's figures, so the
 * rebuild leaves it as it is. Real Azurite; the other writer's change is made right after the
 * rebuild's listing, before its writes and deletes. */
import { randomUUID } from "node:crypto";
import type { TableClient } from "@azure/data-tables";
import { beforeAll, describe, expect, inject, test } from "vitest";
import type { RollUpSlot } from "../../functions/src/domain/team-rollup-service.js";
import { computeContribution, type RollUp } from "../../functions/src/domain/team-rollups.js";
import { createRollUpStore, type RollUpStore } from "../../functions/src/store/rollup-store.js";
import { createTableFactory, type TableFactory } from "../../functions/src/store/tables.js";
import { buildTestGoal } from "../support/test-goals.js";

const NOW = new Date("2027-02-15T12:00:00.000Z");

let factory: TableFactory;

beforeAll(async () => {
  factory = createTableFactory({ kind: "connectionString", connectionString: inject("azuriteConnectionString") });
  await factory.ensureTables(createRollUpStore(factory).tables);
});

/** A factory whose clients run `afterListing` once, when a listing of the rows has been read to its end. */
function interceptListing(inner: TableFactory, afterListing: () => Promise<void>): TableFactory {
  let pending: (() => Promise<void>) | null = afterListing;
  const wrap = (client: TableClient): TableClient =>
    new Proxy(client, {
      get(target, prop, receiver) {
        if (prop !== "listEntities") return Reflect.get(target, prop, receiver) as unknown;
        return (...args: Parameters<TableClient["listEntities"]>) => {
          const pages = target.listEntities(...args);
          return (async function* () {
            for await (const entity of pages) yield entity;
            const run = pending;
            pending = null;
            if (run) await run();
          })();
        };
      },
    });
  return { ...inner, getClient: (table: string) => wrap(inner.getClient(table)) };
}

const rollUpOf = (title: string): RollUp => computeContribution({ id: "r1", displayName: "R1" }, [buildTestGoal({ id: `g-${title}`, title, ownerId: "r1", cycleId: "c1", status: "active" })], NOW, { isEnabled: true, hasReports: false, alignedTo: new Set() });

const TEAM: RollUpSlot = { kind: "team", cycleId: "c1", reportId: "r1" };
const PEOPLE: RollUpSlot = { kind: "people", reportId: "r2" };

async function valueOf(store: RollUpStore, tenantId: string, at: string, slot: RollUpSlot) {
  return (await store.read(tenantId, at, slot))?.value ?? null;
}

describe("roll-up rebuild", () => {
  test("keeps a row another writer updated after the rebuild listed it, instead of deleting it", async () => {
    const tenantId = `t${randomUUID().replace(/-/g, "").slice(0, 12)}`;
    const plain = createRollUpStore(factory);
    await plain.write(tenantId, "m1", TEAM, rollUpOf("Before"), null);
    await plain.write(tenantId, "m1", PEOPLE, 3, null);
    const later = rollUpOf("Written meanwhile");
    const rebuilding = createRollUpStore(
      interceptListing(factory, async () => {
        const current = await plain.read(tenantId, "m1", TEAM);
        await plain.write(tenantId, "m1", TEAM, later, current!.etag);
      }),
    );
    // The rebuild's figures, read before the update, have no row for either.
    const changed = await rebuilding.replaceAll(tenantId, []);
    expect(await valueOf(plain, tenantId, "m1", TEAM)).toEqual(later);
    // The row nobody touched meanwhile is deleted.
    expect(await valueOf(plain, tenantId, "m1", PEOPLE)).toBeNull();
    expect(changed).toBe(1);
  });

  test("keeps a row another writer updated, created or deleted after the rebuild listed the rows, instead of writing over it", async () => {
    const tenantId = `t${randomUUID().replace(/-/g, "").slice(0, 12)}`;
    const plain = createRollUpStore(factory);
    const created: RollUpSlot = { kind: "team", cycleId: "c1", reportId: "r3" };
    const dropped: RollUpSlot = { kind: "team", cycleId: "c1", reportId: "r4" };
    await plain.write(tenantId, "m1", TEAM, rollUpOf("Before"), null);
    await plain.write(tenantId, "m1", dropped, rollUpOf("Dropped"), null);
    const later = rollUpOf("Written meanwhile");
    const rebuilding = createRollUpStore(
      interceptListing(factory, async () => {
        await plain.write(tenantId, "m1", TEAM, later, (await plain.read(tenantId, "m1", TEAM))!.etag);
        await plain.write(tenantId, "m1", created, later, null);
        await plain.write(tenantId, "m1", dropped, null, (await plain.read(tenantId, "m1", dropped))!.etag);
      }),
    );
    const stale = rollUpOf("Rebuilt from older goals");
    const changed = await rebuilding.replaceAll(tenantId, [
      { at: "m1", slot: TEAM, value: stale },
      { at: "m1", slot: created, value: stale },
      { at: "m1", slot: dropped, value: stale },
      { at: "m2", slot: PEOPLE, value: 2 },
    ]);
    expect(await valueOf(plain, tenantId, "m1", TEAM)).toEqual(later);
    expect(await valueOf(plain, tenantId, "m1", created)).toEqual(later);
    expect(await valueOf(plain, tenantId, "m1", dropped)).toBeNull();
    expect(await valueOf(plain, tenantId, "m2", PEOPLE)).toBe(2);
    expect(changed).toBe(1);
  });

  test("with nobody else writing, makes the rows exactly the ones given", async () => {
    const tenantId = `t${randomUUID().replace(/-/g, "").slice(0, 12)}`;
    const store = createRollUpStore(factory);
    await store.write(tenantId, "m1", TEAM, rollUpOf("Old"), null);
    await store.write(tenantId, "m1", PEOPLE, 4, null);
    const fresh = rollUpOf("New");
    expect(await store.replaceAll(tenantId, [{ at: "m1", slot: TEAM, value: fresh }, { at: "m1", slot: { kind: "people", reportId: "r1" }, value: 1 }])).toBe(3);
    const rows = await store.listAll(tenantId);
    expect(rows.map((r) => [r.at, r.slot, r.value]).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))).toEqual(
      [
        ["m1", TEAM, fresh],
        ["m1", { kind: "people", reportId: "r1" }, 1],
      ].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    );
    expect(await store.replaceAll(tenantId, [{ at: "m1", slot: TEAM, value: fresh }, { at: "m1", slot: { kind: "people", reportId: "r1" }, value: 1 }])).toBe(0);
  });
});
