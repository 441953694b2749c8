import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { DEFAULT_REMINDER_SETTINGS } from "../../functions/src/domain/reminders.js";
import { buildCycle, buildGoalBody, startApiHarness, type ApiHarness, type RequestOptions } from "../support/api-harness.js";

let api: ApiHarness;
let adminToken: string;
beforeAll(async () => {
  api = await startApiHarness(inject("azuriteConnectionString"));
  adminToken = await api.tokenFor(api.org.outsider, { roles: ["Cascade.Admin"] });
});
afterAll(async () => api?.stop());

const asAdmin = (options: RequestOptions = {}): RequestOptions => ({ ...options, headers: { authorization: `Bearer ${adminToken}`, ...options.headers } });
const readSettings = () => api.request("GET", "/api/admin/settings", asAdmin());
const putSettings = (body: unknown, etag: string | null) => api.request("PUT", "/api/admin/settings", asAdmin({ body, headers: etag ? { "if-match": etag } : {} }));
const baseBody = { isApprovalRequired: true, organisationGoalOwnerIds: [] as string[], reminders: {} };

describe("admin settings", () => {
  test("read the defaults with an ETag", async () => {
    const res = await readSettings();
    expect(res.status).toBe(200);
    expect(res.headers.get("etag")).toMatch(/^".+"$/);
    expect(res.body).toMatchObject({ isApprovalRequired: true, organisationGoalOwnerIds: [], organisationGoalOwners: [], reminders: DEFAULT_REMINDER_SETTINGS });
  });

  test("changes are ETag-guarded: 428 without If-Match, 412 when stale", async () => {
    const first = await readSettings();
    expect((await putSettings(baseBody, null)).status).toBe(428);
    const saved = await putSettings({ ...baseBody, reminders: { hour: 10 } }, first.headers.get("etag"));
    expect(saved.status).toBe(200);
    expect(saved.headers.get("etag")).not.toBe(first.headers.get("etag"));
    const stale = await putSettings({ ...baseBody, reminders: { hour: 11 } }, first.headers.get("etag"));
    expect(stale.status).toBe(412);
    expect((await readSettings()).body.reminders.hour).toBe(10);
  });

  test("a change through the reminder settings route also makes the ETag stale", async () => {
    const before = await readSettings();
    const reminders = await api.request("PUT", "/api/admin/reminders", asAdmin({ body: { ...before.body.reminders, hour: 6 } }));
    expect(reminders.status).toBe(200);
    expect((await putSettings(baseBody, before.headers.get("etag"))).status).toBe(412);
  });

  test("input is validated: fields, cadence values, and owners from the directory", async () => {
    const { headers } = await readSettings();
    const etag = headers.get("etag");
    const cases: Array<[unknown, string]> = [
      [{ ...baseBody, reminders: { hour: 25 } }, "reminders.hour"],
      [{ ...baseBody, reminders: { dayOfWeek: -1 } }, "reminders.dayOfWeek"],
      [{ ...baseBody, reminders: { defaultTimeZone: "Nowhere/Special" } }, "reminders.defaultTimeZone"],
      [{ ...baseBody, isApprovalRequired: "yes" }, "isApprovalRequired"],
      [{ ...baseBody, organisationGoalOwnerIds: ["no such person"] }, "organisationGoalOwnerIds.0"],
      [{ ...baseBody, organisationGoalOwnerIds: ["1b7e1a52-0000-4000-8000-000000000000"] }, "organisationGoalOwnerIds.0"],
      [{ ...baseBody, tenantId: "x" }, "tenantId"],
    ];
    for (const [body, path] of cases) {
      const res = await putSettings(body, etag);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    expect((await readSettings()).headers.get("etag")).toBe(etag);
  });

  test("settings take effect: approval off activates goals at once; named owners may set organisation goals", async () => {
    const current = await readSettings();
    const saved = await putSettings({ isApprovalRequired: false, organisationGoalOwnerIds: [api.org.vp.id], reminders: { cadence: "daily", hour: 8, defaultTimeZone: "Europe/Paris" } }, current.headers.get("etag"));
    expect(saved.body).toMatchObject({ isApprovalRequired: false, organisationGoalOwners: [{ id: api.org.vp.id, displayName: "Victor VP" }], reminders: { cadence: "daily", hour: 8, defaultTimeZone: "Europe/Paris", dayOfWeek: DEFAULT_REMINDER_SETTINGS.dayOfWeek } });
    expect((await api.request("GET", "/api/me", { as: api.org.vp })).body.canSetTopLevel).toBe(true);
    expect((await api.request("GET", "/api/admin/reminders", asAdmin())).body).toMatchObject({ cadence: "daily", hour: 8 });
    const goal = await api.request("POST", "/api/goals", { as: api.org.vp, body: buildGoalBody({ isTopLevel: true }) });
    const submitted = await api.request("POST", `/api/goals/${goal.body.id}/submit`, { as: api.org.vp });
    expect(submitted.body.status).toBe("active");
    const log = await api.request("GET", "/api/admin/log", asAdmin());
    expect(log.body.items[0]).toMatchObject({ action: "settings_changed", actorId: api.org.outsider.id });
  });
});

describe("cycles: admins create and close them", () => {
  test("close a cycle; closing twice or an unknown cycle fails", async () => {
    await api.services.goalDeps.cycles.saveCycle(buildCycle(api.tenantId, { id: "2026-q4", name: "Q4 2026", startDate: "2026-10-01", endDate: "2026-12-31" }));
    const closed = await api.request("POST", "/api/admin/cycles/2026-q4/close", asAdmin());
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ id: "2026-q4", status: "closed" });
    const list = await api.request("GET", "/api/cycles", { as: api.org.alice });
    expect(list.body.items.find((c: { id: string }) => c.id === "2026-q4").status).toBe("closed");
    const late = await api.request("POST", "/api/goals", { as: api.org.alice, body: buildGoalBody({ cycleId: "2026-q4", dueDate: "2026-12-15" }) });
    expect(late.status).toBe(400);
    expect(late.body.errors).toEqual([expect.objectContaining({ path: "cycleId" })]);
    expect((await api.request("POST", "/api/admin/cycles/2026-q4/close", asAdmin())).status).toBe(409);
    expect((await api.request("POST", "/api/admin/cycles/2099-q1/close", asAdmin())).status).toBe(404);
    expect((await api.request("POST", "/api/admin/cycles/not%20an%20id/close", asAdmin())).status).toBe(400);
    const log = await api.request("GET", "/api/admin/log", asAdmin());
    expect(log.body.items.map((e: { action: string }) => e.action)).toContain("cycle_closed");
  });

  test("create a cycle as admin, then close it", async () => {
    const created = await api.request("POST", "/api/cycles", asAdmin({ body: { name: "Q3 2027", startDate: "2027-07-01", endDate: "2027-09-30" } }));
    expect(created.status).toBe(201);
    expect((await api.request("POST", `/api/admin/cycles/${created.body.id}/close`, asAdmin())).body.status).toBe("closed");
  });
});
