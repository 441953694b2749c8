import { afterEach, describe, expect, inject, test } from "vitest";
import type { RequestRecord } from "../fakes/fake-graph.js";
import { generateOrg } from "../fakes/org-generator.js";
import { expectedPeople, expectedTeams, startSyncHarness, storedPeople, storedTeams, type SyncHarness } from "../fakes/sync-harness.js";

let harness: SyncHarness | undefined;

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function expectStoreToMatchFake(h: SyncHarness): Promise<void> {
  expect(await storedPeople(h.directory, h.tenantId)).toEqual(expectedPeople(h.graph));
  expect(await storedTeams(h.directory, h.tenantId, h.graph.state.users.keys())).toEqual(expectedTeams(h.graph));
}

/** Every throttled answer was followed by a wait of at least its Retry-After. */
function expectRetryAfterHonoured(requests: RequestRecord[]): number {
  let checked = 0;
  requests.forEach((request, i) => {
    if (!request.retryAfter) return;
    const next = requests[i + 1];
    expect(next).toBeDefined();
    expect(next!.at - request.at).toBeGreaterThanOrEqual(Number(request.retryAfter) * 1000 - 5);
    checked++;
  });
  return checked;
}

describe("directory sync under faults", () => {
  test("a 429 storm longer than the SDK's retries is waited out, honouring every Retry-After", async () => {
    harness = await startSyncHarness({ connectionString: inject("azuriteConnectionString"), users: generateOrg({ size: 420, seed: 21 }) });
    harness.graph.faults.push({ route: "delta", status: 429, retryAfter: "0.2", times: 13 });
    const result = await harness.sync();
    expect(result.mode).toBe("full");
    expect(expectRetryAfterHonoured(harness.graph.requests)).toBe(13);
    await expectStoreToMatchFake(harness);
  });

  test("503s mid-round, with and without Retry-After, are retried", async () => {
    harness = await startSyncHarness({ connectionString: inject("azuriteConnectionString"), users: generateOrg({ size: 420, seed: 22 }) });
    await harness.sync();
    for (const user of [...harness.graph.state.users.values()].slice(10, 30)) harness.graph.state.updateUser(user.id, { jobTitle: "Renamed" });
    harness.graph.faults.push({ route: "delta", status: 503, times: 1 }, { route: "delta", status: 503, retryAfter: "0.3", times: 2 });
    const result = await harness.sync();
    expect(result.mode).toBe("delta");
    expect(harness.graph.requests.filter((r) => r.status === 503)).toHaveLength(3);
    expectRetryAfterHonoured(harness.graph.requests);
    await expectStoreToMatchFake(harness);
  });

  test("an expired deltaLink (410) leads to a full resync that also removes people who are gone", async () => {
    const users = generateOrg({ size: 300, seed: 23 });
    harness = await startSyncHarness({ connectionString: inject("azuriteConnectionString"), users });
    await harness.sync();
    const gone = users.slice(200, 210);
    for (const user of gone) harness.graph.state.hardDelete(user.id);
    harness.graph.state.setManager(users[250]!.id, users[3]!.id);
    harness.graph.expireDeltaTokens();
    const result = await harness.sync();
    expect(result.mode).toBe("full");
    expect(result.removed).toBe(gone.length);
    expect(harness.graph.requests.some((r) => r.status === 410)).toBe(true);
    expect(result.changes).toContainEqual({ kind: "manager_changed", personId: users[250]!.id, fromManagerId: users[250]!.managerId, toManagerId: users[3]!.id });
    expect(result.changes.filter((c) => c.kind === "left").map((c) => c.personId).sort()).toEqual(gone.filter((u) => u.accountEnabled).map((u) => u.id).sort());
    await expectStoreToMatchFake(harness);
  });

  test("users repeated across pages of the first round are stored once, last version winning", async () => {
    harness = await startSyncHarness({ connectionString: inject("azuriteConnectionString"), users: generateOrg({ size: 330, seed: 24 }), hasDuplicates: true, deltaPageSize: 40 });
    const result = await harness.sync();
    expect(result.usersSeen).toBe(330);
    await expectStoreToMatchFake(harness);
  });

  test("a wrong client secret fails the run and leaves the lease free", async () => {
    harness = await startSyncHarness({ connectionString: inject("azuriteConnectionString"), users: generateOrg({ size: 20, seed: 25 }) });
    await expect(harness.sync({ clientSecret: "wrong" })).rejects.toThrow();
    const result = await harness.sync();
    expect(result.mode).toBe("full");
  });
});
