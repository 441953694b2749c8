import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { ERASED_PERSON_ID } from "../../functions/src/store/tenant-data.js";
import { seedTenantAroundManager, waitForJob, type SeededTenant } from "../support/admin-data-builder.js";
import { startApiHarness, type ApiHarness } from "../support/api-harness.js";
import { findRowsContaining, readTenantRows } from "../support/table-scan.js";

let api: ApiHarness;
let seeded: SeededTenant;
let erasure: any;
const connection = () => inject("azuriteConnectionString");
const asAdmin = (body?: unknown) => ({ headers: { authorization: `Bearer ${seeded.adminToken}` }, body });

beforeAll(async () => {
  api = await startApiHarness(connection());
  seeded = await seedTenantAroundManager(api);
  const before = await readTenantRows(connection(), [api.tenantId]);
  expect(findRowsContaining(before, api.org.manager.id).length).toBeGreaterThan(20);
  const started = await api.request("POST", "/api/admin/erase", asAdmin({ personId: api.org.manager.id }));
  expect(started.status).toBe(202);
  expect(started.body.job).toMatchObject({ kind: "erase", state: "running" });
  expect(JSON.stringify(started.body)).not.toContain(api.org.manager.id);
  erasure = await waitForJob(api, "/api/admin/erase", seeded.adminToken);
});
afterAll(async () => api?.stop());

describe("erasing a person", () => {
  test("finishes and reports what it did, without naming the person", () => {
    expect(erasure.job).toMatchObject({ state: "succeeded", result: { goalsErased: 1, alignedGoalsDetached: 2, reportsMoved: 2 } });
    expect(erasure.job.result.rowsChanged).toBeGreaterThan(10);
    expect(JSON.stringify(erasure)).not.toContain(api.org.manager.id);
  });

  test("no table holds the person's id, name or mail anywhere in keys or values", async () => {
    const rows = await readTenantRows(connection(), [api.tenantId, api.otherTenantId]);
    for (const text of [api.org.manager.id, api.org.manager.displayName, api.org.manager.mail!]) {
      expect(findRowsContaining(rows, text).map((r) => `${r.table}: ${r.entity.partitionKey} / ${r.entity.rowKey}`), text).toEqual([]);
    }
    expect(rows.length).toBeGreaterThan(20);
  });

  test("only a record that an erasure happened remains", async () => {
    const log = await api.request("GET", "/api/admin/log", asAdmin());
    const entry = log.body.items.find((e: any) => e.action === "person_erased");
    expect(entry).toMatchObject({ actorId: api.org.outsider.id, details: { goalsErased: 1, reportsMoved: 2 } });
  });

  test("the person is gone from the app", async () => {
    expect((await api.request("GET", `/api/goals/${seeded.goals.manager}`, { as: api.org.vp })).status).toBe(404);
    const settings = await api.request("GET", "/api/admin/settings", asAdmin());
    expect(settings.body.organisationGoalOwnerIds).toEqual([api.org.ceo.id]);
  });

  test("their reports now report to their manager, and the approval waiting on them moved there", async () => {
    const alice = await api.request("GET", "/api/me", { as: api.org.alice });
    expect(alice.body.manager).toMatchObject({ id: api.org.vp.id });
    const bobGoal = await api.request("GET", `/api/goals/${seeded.goals.bob}`, { as: api.org.bob });
    expect(bobGoal.body).toMatchObject({ status: "pending_approval", approverId: api.org.vp.id });
  });

  test("goals aligned to theirs are detached and flagged; others' history keeps, without the person", async () => {
    const aliceGoal = await api.request("GET", `/api/goals/${seeded.goals.alice}`, { as: api.org.alice });
    expect(aliceGoal.body).toMatchObject({ parentId: null, status: "active", approverId: null });
    expect(aliceGoal.body.flags).toContain("needs_realignment");
    const history = await api.request("GET", `/api/goals/${seeded.goals.alice}/history`, { as: api.org.alice });
    const items = history.body.items ?? history.body;
    const approval = items.find((e: any) => e.action === "approved");
    expect(approval).toMatchObject({ actorId: ERASED_PERSON_ID, comment: null });
  });

  test("their comments and kudos are gone; others' words keep, with the name blanked", async () => {
    const comments = await api.request("GET", `/api/goals/${seeded.goals.alice}/comments`, { as: api.org.alice });
    const texts = (comments.body.items ?? comments.body).map((c: any) => c.text);
    expect(texts).toEqual(["Ask (erased person) about the rollout."]);
    const kudos = await api.request("GET", `/api/goals/${seeded.goals.alice}/kudos`, { as: api.org.alice });
    expect(kudos.body.items ?? kudos.body).toEqual([]);
  });

  test("other people's data is untouched", async () => {
    const vpGoal = await api.request("GET", `/api/goals/${seeded.goals.vp}`, { as: api.org.vp });
    expect(vpGoal.body).toMatchObject({ status: "active", title: "Ship the platform on time" });
    const export1 = await api.request("GET", "/api/admin/export", asAdmin());
    expect(export1.body.sections.people.map((p: any) => p.id).sort()).toEqual(api.org.all.filter((p) => p.id !== api.org.manager.id).map((p) => p.id).sort());
  });

  test("erasing again changes nothing more", async () => {
    expect((await api.request("POST", "/api/admin/erase", asAdmin({ personId: api.org.manager.id }))).status).toBe(202);
    const again = await waitForJob(api, "/api/admin/erase", seeded.adminToken);
    expect(again.job).toMatchObject({ state: "succeeded", result: { goalsErased: 0, reportsMoved: 0, rowsChanged: 0 } });
  });

  test("admins cannot erase themselves, and the body is checked", async () => {
    const self = await api.request("POST", "/api/admin/erase", asAdmin({ personId: api.org.outsider.id }));
    expect(self.status).toBe(403);
    expect((await api.request("POST", "/api/admin/erase", asAdmin({ personId: "not an id" }))).status).toBe(400);
    expect((await api.request("POST", "/api/admin/erase", asAdmin({ personId: api.org.bob.id, reason: "x" }))).status).toBe(400);
  });
});
