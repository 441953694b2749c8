import { afterEach, describe, expect, inject, test } from "vitest";
import { expectedPeople, expectedTeams, startSyncHarness, storedPeople, storedTeams, type SyncHarness } from "../fakes/sync-harness.js";
import { generateOrg } from "../fakes/org-generator.js";

let harness: SyncHarness | undefined;

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function expectStoreToMatchFake(h: SyncHarness): Promise<void> {
  expect(await storedPeople(h.directory, h.tenantId)).toEqual(expectedPeople(h.graph));
  const everyone = [...h.graph.state.users.keys(), ...h.graph.state.softDeleted.keys()];
  expect(await storedTeams(h.directory, h.tenantId, everyone)).toEqual(expectedTeams(h.graph));
}

describe("directory sync through MSAL and the Graph SDK", () => {
  test("a first sync reproduces the directory exactly and saves a deltaLink", async () => {
    harness = await startSyncHarness({ connectionString: inject("azuriteConnectionString"), users: generateOrg({ size: 450, seed: 11 }) });
    const progress: number[] = [];
    const result = await harness.sync({ onProgress: (p) => progress.push(p.usersSeen) });
    expect(result).toMatchObject({ mode: "full", usersSeen: 450, written: 450, removed: 0, changes: [], anomalies: [] });
    await expectStoreToMatchFake(harness);
    expect(progress.length).toBeGreaterThanOrEqual(3);
    expect(harness.entra.tokensIssued).toBe(1);
    const deltaRequests = harness.graph.requests.filter((r) => r.route === "delta");
    expect(deltaRequests).toHaveLength(3);
    expect(deltaRequests.every((r) => r.throttlePriority === "low")).toBe(true);
  });

  test("the next sync is a delta: manager change, leavers, a hire, a restore and an edit", async () => {
    const users = generateOrg({ size: 300, seed: 12 });
    harness = await startSyncHarness({ connectionString: inject("azuriteConnectionString"), users });
    await harness.sync();
    const state = harness.graph.state;
    const [mover, softLeaver, hardLeaver, editor, restored] = [users[40]!, users[41]!, users[42]!, users[43]!, users[44]!];
    state.setManager(mover.id, users[2]!.id);
    state.softDelete(softLeaver.id);
    state.hardDelete(hardLeaver.id);
    state.updateUser(editor.id, { jobTitle: "Principal Engineer", department: "Research" });
    state.softDelete(restored.id);
    state.addUser({ ...users[45]!, id: "0f0f0f0f-0000-4000-8000-000000000001", displayName: "Nia New", mail: "nia.new@fabrikam.example", userPrincipalName: "nia@fabrikam.onmicrosoft.example", managerId: mover.id });
    const second = await harness.sync();
    expect(second.mode).toBe("delta");
    expect(second.changes).toEqual(
      expect.arrayContaining([
        { kind: "manager_changed", personId: mover.id, fromManagerId: mover.managerId, toManagerId: users[2]!.id },
        { kind: "left", personId: softLeaver.id, formerManagerId: softLeaver.managerId },
        { kind: "left", personId: hardLeaver.id, formerManagerId: hardLeaver.managerId },
        { kind: "left", personId: restored.id, formerManagerId: restored.managerId },
      ]),
    );
    expect(second.changes).toHaveLength(4);
    await expectStoreToMatchFake(harness);
    expect((await harness.directory.getPerson(harness.tenantId, "0f0f0f0f-0000-4000-8000-000000000001"))?.userPrincipalName).toBe("nia@fabrikam.onmicrosoft.example");
    state.restore(restored.id);
    state.setManager(mover.id, null);
    const third = await harness.sync();
    expect(third.mode).toBe("delta");
    expect(third.changes).toEqual([{ kind: "manager_changed", personId: mover.id, fromManagerId: users[2]!.id, toManagerId: null }]);
    await expectStoreToMatchFake(harness);
  });

  test("partial delta items are merged onto what is stored, even when split across pages", async () => {
    const users = generateOrg({ size: 260, seed: 13 });
    harness = await startSyncHarness({ connectionString: inject("azuriteConnectionString"), users, isPartial: true, hasDuplicates: true, deltaPageSize: 50 });
    await harness.sync();
    for (const user of users.slice(100, 180)) harness.graph.state.updateUser(user.id, { jobTitle: `${user.jobTitle} II`, department: "Platform" });
    for (const user of users.slice(150, 170)) harness.graph.state.setManager(user.id, users[1]!.id);
    const result = await harness.sync();
    expect(result.mode).toBe("delta");
    await expectStoreToMatchFake(harness);
  });
});
