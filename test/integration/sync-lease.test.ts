import { afterEach, describe, expect, inject, test } from "vitest";
import type { DirectoryChange } from "../../functions/src/domain/ports.js";
import { generateOrg } from "../fakes/org-generator.js";
import { expectedPeople, startSyncHarness, storedPeople, type SyncHarness } from "../fakes/sync-harness.js";

let harness: SyncHarness | undefined;

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe("overlapping runs and delivery of changes", () => {
  test("a run that starts while another holds the lease skips without touching Graph", async () => {
    harness = await startSyncHarness({ connectionString: inject("azuriteConnectionString"), users: generateOrg({ size: 400, seed: 31 }) });
    const [a, b] = await Promise.all([harness.sync(), harness.sync()]);
    expect([a.mode, b.mode].sort()).toEqual(["full", "skipped"]);
    expect(harness.graph.requests).toHaveLength(2);
    expect(await storedPeople(harness.directory, harness.tenantId)).toEqual(expectedPeople(harness.graph));
    const after = await harness.sync();
    expect(after.mode).toBe("delta");
  });

  test("an expired lease of a crashed run is taken over", async () => {
    harness = await startSyncHarness({ connectionString: inject("azuriteConnectionString"), users: generateOrg({ size: 30, seed: 32 }) });
    const abandoned = await harness.syncState.acquireLease(harness.tenantId, { owner: "crashed", ttlMs: 200 });
    expect(abandoned).not.toBeNull();
    expect((await harness.sync()).mode).toBe("skipped");
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect((await harness.sync()).mode).toBe("full");
    await expect(abandoned!.renew()).rejects.toThrow(/took over/);
  });

  test("changes reach the goal side; a failing handler gets them again on the next run", async () => {
    const users = generateOrg({ size: 120, seed: 33 });
    harness = await startSyncHarness({ connectionString: inject("azuriteConnectionString"), users });
    await harness.sync();
    harness.graph.state.setManager(users[50]!.id, users[1]!.id);
    const received: DirectoryChange[][] = [];
    await expect(harness.sync({ onChanges: async () => Promise.reject(new Error("goal side down")) })).rejects.toThrow("goal side down");
    const next = await harness.sync({ onChanges: async (_tenantId, changes) => void received.push(changes) });
    expect(next.mode).toBe("delta");
    expect(next.changes).toEqual([]);
    expect(received).toEqual([[{ kind: "manager_changed", personId: users[50]!.id, fromManagerId: users[50]!.managerId, toManagerId: users[1]!.id }]]);
    expect(await harness.syncState.readOutbox(harness.tenantId)).toEqual([]);
  });
});
