import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { listAllApiRoutes } from "../../functions/src/http/routes.js";
import { startApiHarness, type ApiHarness } from "../support/api-harness.js";

let api: ApiHarness;
beforeAll(async () => {
  api = await startApiHarness(inject("azuriteConnectionString"));
});
afterAll(async () => api?.stop());

/** Every admin operation: the whole /api/admin/* group, and admin actions that live elsewhere. */
const ADMIN_OPERATIONS = [
  ...listAllApiRoutes()
    .filter((route) => route.route.startsWith("api/admin/"))
    .flatMap((route) => route.methods.filter((m) => m !== "HEAD").map((method) => ({ method, path: `/${route.route.replace(/\{\w+\}/g, "2027-q1")}` }))),
  { method: "POST", path: "/api/cycles" },
];

describe("admin routes need the Cascade.Admin app role", () => {
  test("the admin group is not empty", () => {
    const paths = ADMIN_OPERATIONS.map((op) => `${op.method} ${op.path}`);
    for (const expected of ["GET /api/admin/settings", "PUT /api/admin/settings", "GET /api/admin/sync", "POST /api/admin/sync", "POST /api/admin/cycles/2027-q1/close"]) expect(paths).toContain(expected);
  });

  test.each(ADMIN_OPERATIONS)("$method $path: 401 without a token", async ({ method, path }) => {
    const res = await api.request(method, path, { body: method === "GET" ? undefined : {} });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe("unauthenticated");
  });

  test.each(ADMIN_OPERATIONS)("$method $path: 403 for someone without the role, however senior", async ({ method, path }) => {
    for (const person of [api.org.alice, api.org.ceo]) {
      const res = await api.request(method, path, { as: person, body: method === "GET" ? undefined : {} });
      expect(res.status).toBe(403);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      expect(res.body.code).toBe("forbidden");
    }
  });

  test.each(ADMIN_OPERATIONS)("$method $path: 403 for a role that only looks similar", async ({ method, path }) => {
    const token = await api.tokenFor(api.org.alice, { roles: ["cascade.admin", "Cascade.Admins", "Admin"] });
    const res = await api.request(method, path, { headers: { authorization: `Bearer ${token}` }, body: method === "GET" ? undefined : {} });
    expect(res.status).toBe(403);
  });

  test("an admin of another tenant sees and changes only their own tenant", async () => {
    const admin = { headers: { authorization: `Bearer ${await api.tokenFor(api.org.alice, { roles: ["Cascade.Admin"] })}` } };
    const current = await api.request("GET", "/api/admin/settings", admin);
    const body = { isApprovalRequired: false, organisationGoalOwnerIds: [api.org.ceo.id], reminders: {} };
    const saved = await api.request("PUT", "/api/admin/settings", { ...admin, headers: { ...admin.headers, "if-match": current.headers.get("etag")! }, body });
    expect(saved.status).toBe(200);
    const other = { headers: { authorization: `Bearer ${await api.issuer.mint({ tid: api.otherTenantId, oid: api.org.alice.id, roles: ["Cascade.Admin"] })}` } };
    const theirs = await api.request("GET", "/api/admin/settings", other);
    expect(theirs.status).toBe(200);
    expect(theirs.body).toMatchObject({ isApprovalRequired: true, organisationGoalOwnerIds: [] });
    expect((await api.request("GET", "/api/admin/log", other)).body.items).toEqual([]);
    expect((await api.request("POST", `/api/admin/cycles/${api.cycle.id}/close`, other)).status).toBe(404);
  });

  test("with the role, the admin routes answer", async () => {
    const token = await api.tokenFor(api.org.alice, { roles: ["Cascade.Admin"] });
    const res = await api.request("GET", "/api/admin/settings", { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
  });
});
