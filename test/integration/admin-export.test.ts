import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startAzurite, type AzuriteHandle } from "../../functions/dev/azurite.js";
import { listClaimedTables, listExportSources } from "../../functions/src/store/tenant-data-registry.js";
import { seedTenantAroundManager, type SeededTenant } from "../support/admin-data-builder.js";
import { buildGoalBody, startApiHarness, type ApiHarness } from "../support/api-harness.js";
import { listAllTables, readTenantRows } from "../support/table-scan.js";

let api: ApiHarness;
let seeded: SeededTenant;
/** Its own storage account: the registry check lists every table, and other test files create scratch tables. */
let azurite: AzuriteHandle;
const connection = () => azurite.connectionString;
const asAdmin = () => ({ headers: { authorization: `Bearer ${seeded.adminToken}` } });

async function exportAll(): Promise<{ pages: number; sections: Record<string, any[]>; tenantId: string; format: string }> {
  const sections: Record<string, any[]> = {};
  let cursor: string | null = null;
  let pages = 0;
  let first: any = null;
  do {
    const res: { status: number; body: any } = await api.request("GET", `/api/admin/export${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ""}`, asAdmin());
    expect(res.status).toBe(200);
    first ??= res.body;
    for (const [name, records] of Object.entries(res.body.sections as Record<string, any[]>)) (sections[name] ??= []).push(...records);
    cursor = res.body.nextCursor;
    pages++;
  } while (cursor);
  return { pages, sections, tenantId: first.tenantId, format: first.format };
}

beforeAll(async () => {
  azurite = await startAzurite();
  api = await startApiHarness(connection());
  seeded = await seedTenantAroundManager(api);
  // Enough admin-log rows that one table spans several export pages.
  await Promise.all(Array.from({ length: 260 }, (_, i) => api.services.admin.store.addLogEntry(api.tenantId, { id: `bulk-${i}`, at: new Date(Date.UTC(2020, 0, 1, 0, 0, i)).toISOString(), actorId: api.org.outsider.id, action: "settings_changed", details: { n: i } })));
  const otherAdmin = await api.issuer.mint({ tid: api.otherTenantId, oid: api.org.ceo.id, roles: ["Cascade.Admin"] });
  await api.services.goalDeps.cycles.saveCycle({ ...api.cycle, tenantId: api.otherTenantId, name: "Other tenant's cycle" });
  await api.request("POST", "/api/cycles", { headers: { authorization: `Bearer ${otherAdmin}` }, body: { name: "Secret other cycle", startDate: "2027-01-01", endDate: "2027-06-30" } });
});
afterAll(async () => {
  await api?.stop();
  await azurite?.stop();
});

describe("every table is claimed by a store that exports or rebuilds it", () => {
  test("no table in storage is unknown to the tenant-data registry", async () => {
    const claimed = new Set(listClaimedTables(api.services.admin.tenantData));
    expect([...new Set(await listAllTables(connection()))].filter((table) => !claimed.has(table))).toEqual([]);
  });

  test("each claimed table is exported or declared derived, exactly once", () => {
    const stores = api.services.admin.tenantData;
    const claimed = listClaimedTables(stores);
    expect(new Set(claimed).size).toBe(claimed.length);
    const exported = listExportSources(stores).map((source) => source.table);
    const derived = stores.flatMap((store) => Object.keys(store.derived));
    expect([...exported, ...derived].sort()).toEqual([...claimed].sort());
  });
});

describe("the export contains everything of the tenant", () => {
  test("people, cycles, settings, goals with key results, audit, check-ins, kudos, comments, chat and admin records", async () => {
    const { sections, tenantId, format, pages } = await exportAll();
    expect(format).toBe("cascade-export/1");
    expect(tenantId).toBe(api.tenantId);
    expect(pages).toBeGreaterThan(2);
    expect(sections.people!.map((p) => p.id).sort()).toEqual(api.org.all.map((p) => p.id).sort());
    expect(sections.people!.find((p) => p.id === api.org.alice.id)).toMatchObject({ displayName: "Alice Author", managerId: api.org.manager.id });
    expect(sections.cycles!.map((c) => c.id)).toContain(api.cycle.id);
    expect(sections.settings).toEqual(expect.arrayContaining([expect.objectContaining({ kind: "policy", organisationGoalOwnerIds: [api.org.manager.id, api.org.ceo.id] }), expect.objectContaining({ kind: "reminders", hour: 8 })]));
    const goals = sections.goals!;
    expect(goals.map((g) => g.id).sort()).toEqual(Object.values(seeded.goals).sort());
    expect(goals.find((g) => g.id === seeded.goals.alice)).toMatchObject({ ownerId: api.org.alice.id, parentId: seeded.goals.manager, status: "active", keyResults: [expect.objectContaining({ kind: "decrease", title: "Median checkout time" })] });
    expect(sections.checkIns!.map((c) => c.note).sort()).toEqual(["Going well; my own note.", "Halfway there."]);
    expect(sections.kudos!.map((k) => k.message).sort()).toEqual(["Brilliant progress.", "Thanks for the support!"]);
    expect(sections.comments!).toHaveLength(3);
    expect(sections.conversations!).toEqual([expect.objectContaining({ userId: api.org.manager.id, kind: "teams" })]);
    expect(sections.chatCards!.filter((c) => c.list === "chat").map((c) => c.userId).sort()).toEqual([api.org.manager.id, api.org.vp.id].sort());
    expect(sections.reminderStates!).toEqual([expect.objectContaining({ personId: api.org.manager.id, timeZone: "Europe/Paris" })]);
    expect(sections.approvalRequests!.map((a) => a.goalId)).toEqual(expect.arrayContaining([seeded.goals.bob]));
    expect(sections.adminLog!.length).toBeGreaterThanOrEqual(261);
    expect(sections.adminJobs!).toEqual([expect.objectContaining({ latest: expect.objectContaining({ kind: "sync", state: "succeeded" }) })]);
  });

  test("the audit section holds every goal's whole history", async () => {
    const { sections } = await exportAll();
    for (const goalId of Object.values(seeded.goals)) {
      const owner = sections.goals!.find((g) => g.id === goalId).ownerId;
      const history = await api.request("GET", `/api/goals/${goalId}/history`, { as: owner });
      const items = history.body.items ?? history.body;
      expect(sections.audit!.filter((a) => a.goalId === goalId).map((a) => a.id).sort()).toEqual(items.map((a: any) => a.id).sort());
    }
  });

  test("every stored row of the tenant reaches the export once, across pages", async () => {
    const { sections } = await exportAll();
    const rows = await readTenantRows(connection(), [api.tenantId]);
    const expected = listExportSources(api.services.admin.tenantData).reduce((sum, source) => sum + rows.filter((r) => r.table === source.table).flatMap((r) => source.toRecords(r.entity as any)).length, 0);
    expect(Object.values(sections).reduce((sum, records) => sum + records.length, 0)).toBe(expected);
  });

  test("nothing of another tenant is in it", async () => {
    const { sections } = await exportAll();
    expect(JSON.stringify(sections)).not.toContain(api.otherTenantId);
    expect(JSON.stringify(sections)).not.toContain("Secret other cycle");
  });

  test("a bad cursor is refused; the export is recorded in the admin log", async () => {
    const bad = await api.request("GET", "/api/admin/export?cursor=bm90LWEtY3Vyc29y", asAdmin());
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ path: "cursor" })]);
    const log = await api.request("GET", "/api/admin/log", asAdmin());
    expect(log.body.items.map((e: any) => e.action)).toContain("data_exported");
  });

  test("a new goal shows up in the next export", async () => {
    const created = await api.request("POST", "/api/goals", { as: api.org.bob, body: buildGoalBody({ title: "A fresh goal for export" }) });
    const { sections } = await exportAll();
    expect(sections.goals!.map((g) => g.id)).toContain(created.body.id);
  });
});
