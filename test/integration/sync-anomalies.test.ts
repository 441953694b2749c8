import { afterEach, describe, expect, inject, test } from "vitest";
import { generateOrg } from "../fakes/org-generator.js";
import { expectedPeople, startSyncHarness, storedPeople, type SyncHarness } from "../fakes/sync-harness.js";

let harness: SyncHarness | undefined;

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe("bad directory data", () => {
  test("cycles, self-managers and missing managers are stored as given, reported, and never hang reads", async () => {
    const users = generateOrg({ size: 200, seed: 41 });
    const [a, b, c] = [users[60]!, users[61]!, users[62]!];
    a.managerId = b.id;
    b.managerId = c.id;
    c.managerId = a.id;
    users[70]!.managerId = users[70]!.id;
    users[80]!.managerId = "99999999-0000-4000-8000-000000000000";
    harness = await startSyncHarness({ connectionString: inject("azuriteConnectionString"), users });
    const result = await harness.sync();
    expect(result.mode).toBe("full");
    expect(await storedPeople(harness.directory, harness.tenantId)).toEqual(expectedPeople(harness.graph));
    expect(result.anomalies).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: "manager_cycle", cycle: expect.arrayContaining([a.id, b.id, c.id]) }),
        { kind: "self_manager", personId: users[70]!.id, managerId: users[70]!.id },
        { kind: "missing_manager", personId: users[80]!.id, managerId: "99999999-0000-4000-8000-000000000000" },
      ]),
    );
    expect(result.anomalies).toHaveLength(3);
    const chain = await harness.directory.getManagerChain(harness.tenantId, a.id);
    expect(chain.map((p) => p.id)).toEqual([b.id, c.id]);
    expect((await harness.directory.listSubtree(harness.tenantId, a.id)).map((p) => p.id).sort()).toEqual(expect.arrayContaining([b.id, c.id]));
    expect(await harness.directory.getManagerChain(harness.tenantId, users[70]!.id)).toEqual([]);
  });

  test("a delta that closes a cycle is reported", async () => {
    const users = generateOrg({ size: 150, seed: 42 });
    harness = await startSyncHarness({ connectionString: inject("azuriteConnectionString"), users });
    await harness.sync();
    const leaf = users[140]!;
    harness.graph.state.setManager(users[0]!.id, leaf.id);
    const result = await harness.sync();
    expect(result.mode).toBe("delta");
    expect(result.anomalies).toEqual([expect.objectContaining({ kind: "manager_cycle", cycle: expect.arrayContaining([users[0]!.id, leaf.id]) })]);
    expect(await storedPeople(harness.directory, harness.tenantId)).toEqual(expectedPeople(harness.graph));
  });
});
