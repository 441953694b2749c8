/** The count of Table Storage round trips per logical operation: every request a table client sends is
 * counted in the scope it was made in, concurrent scopes do not mix, and with debug logging the API
 * tells each response's count in a header. */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { countStorageRequests, readStorageRequestCount } from "../../functions/src/store/request-count.js";
import { createTableFactory, getEntityOrNull, type TableFactory } from "../../functions/src/store/tables.js";
import { startBotHarness, type BotHarness } from "../support/bot-harness.js";
import { createActiveGoal, createManagerGoal } from "../support/progress-fixtures.js";

const table = `count${randomUUID().replace(/-/g, "").slice(0, 12)}`;
let factory: TableFactory;

beforeAll(async () => {
  factory = createTableFactory({ kind: "connectionString", connectionString: inject("azuriteConnectionString") });
  await factory.ensureTables([table]);
});

describe("counting storage requests", () => {
  test("each round trip counts once, in the scope that made it, whether it succeeds or not", async () => {
    const client = factory.getClient(table);
    let counted = -1;
    await countStorageRequests(async () => {
      await client.createEntity({ partitionKey: "p", rowKey: "1", value: "x" });
      await client.getEntity("p", "1");
      expect(await getEntityOrNull(client, "p", "missing")).toBeNull();
      expect(readStorageRequestCount()).toBe(3);
    }, (requests) => (counted = requests));
    expect(counted).toBe(3);
    expect(readStorageRequestCount()).toBeNull();
  });

  test("concurrent scopes keep their own counts, and a failed operation still reports", async () => {
    const client = factory.getClient(table);
    const counts: number[] = [];
    const reads = (n: number) => countStorageRequests(async () => {
      for (let i = 0; i < n; i++) await getEntityOrNull(client, "p", `r${i}`);
    }, (requests) => counts.push(requests));
    await Promise.all([reads(2), reads(5), reads(1)]);
    expect(counts.sort()).toEqual([1, 2, 5]);
    let failed = -1;
    await expect(countStorageRequests(() => client.createEntity({ partitionKey: "p", rowKey: "1" }), (requests) => (failed = requests))).rejects.toThrow();
    expect(failed).toBe(1);
  });
});

describe("the count of an API request", () => {
  let h: BotHarness;
  beforeAll(async () => {
    h = await startBotHarness(inject("azuriteConnectionString"), { LOG_LEVEL: "debug" });
  });
  afterAll(async () => h?.stop());

  test("with debug logging, each response says how many storage requests it took", async () => {
    const parentId = await createManagerGoal(h, h.org);
    const goal = await createActiveGoal(h, h.org.alice, h.org.manager, { parentId });
    const read = await h.request("GET", `/api/goals/${goal.id}`, { as: h.org.alice });
    expect(read.status).toBe(200);
    const readCount = Number(read.headers.get("x-storage-requests"));
    // The owner reading their goal by its id: the one point read of the goal, in the partition the id names.
    expect(readCount).toBe(1);
    const dashboard = await h.request("GET", `/api/dashboard?manager=${h.org.vp.id}`, { as: h.org.vp });
    expect(dashboard.status).toBe(200);
    expect(Number(dashboard.headers.get("x-storage-requests"))).toBeGreaterThan(readCount);
  });
});
