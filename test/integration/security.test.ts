import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { buildGoalBody, startApiHarness, type ApiHarness } from "../support/api-harness.js";

let api: ApiHarness;
beforeAll(async () => {
  api = await startApiHarness(inject("azuriteConnectionString"));
});
afterAll(async () => api?.stop());

const asToken = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

describe("token attacks are rejected with 401 problem+json", () => {
  const cases: Array<[string, () => Promise<string>]> = [
    ["alg none", async () => api.issuer.mintUnsigned({ tid: api.tenantId, oid: api.org.alice.id })],
    ["HS256 signed with the public key", () => api.issuer.mintHmacWithPublicKey({ tid: api.tenantId, oid: api.org.alice.id })],
    ["signed by another key", () => api.issuer.mintWithOtherKey({ tid: api.tenantId, oid: api.org.alice.id })],
    ["unknown key id", () => api.issuer.mintWithUnknownKid({ tid: api.tenantId, oid: api.org.alice.id })],
    ["expired", () => api.issuer.mint({ tid: api.tenantId, oid: api.org.alice.id, expiresInSeconds: -600 })],
    ["not yet valid", () => api.issuer.mint({ tid: api.tenantId, oid: api.org.alice.id, notBeforeSeconds: 900 })],
    ["wrong audience", () => api.issuer.mint({ tid: api.tenantId, oid: api.org.alice.id, aud: "api://someone-else" })],
    ["wrong issuer", () => api.issuer.mint({ tid: api.tenantId, oid: api.org.alice.id, iss: "https://evil.example/v2.0" })],
    ["issuer of another tenant", () => api.issuer.mint({ tid: api.tenantId, oid: api.org.alice.id, iss: `${api.issuer.authorityHost}/${api.otherTenantId}/v2.0` })],
    ["tenant not allowed", () => api.issuer.mint({ tid: "11111111-2222-3333-4444-555555555555", oid: api.org.alice.id })],
    [
      "tampered payload",
      async () => {
        const [h, p, s] = (await api.issuer.mint({ tid: api.tenantId, oid: api.org.alice.id })).split(".");
        const payload = JSON.parse(Buffer.from(p!, "base64url").toString());
        payload.oid = api.org.ceo.id;
        return `${h}.${Buffer.from(JSON.stringify(payload)).toString("base64url")}.${s}`;
      },
    ],
  ];
  test.each(cases)("%s", async (_name, makeToken) => {
    const res = await api.request("GET", "/api/me", asToken(await makeToken()));
    expect(res.status).toBe(401);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(res.body.code).toBe("unauthenticated");
  });

  test("no token, or not a bearer token", async () => {
    expect((await api.request("GET", "/api/goals")).status).toBe(401);
    expect((await api.request("GET", "/api/goals", { headers: { authorization: "Basic abc" } })).status).toBe(401);
    expect((await api.request("GET", "/api/goals", { headers: { authorization: "Bearer not.a.jwt" } })).status).toBe(401);
  });

  test("a valid token is accepted and identifies the person by tenant and object id", async () => {
    const res = await api.request("GET", "/api/me", { as: api.org.alice });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: api.org.alice.id, tenantId: api.tenantId, displayName: "Alice Author", manager: { id: api.org.manager.id }, reportsCount: 0, isAdmin: false });
    const manager = await api.request("GET", "/api/me", { as: api.org.manager });
    expect(manager.body.reportsCount).toBe(2);
  });

  test("the dev routes do not exist in Entra mode", async () => {
    expect((await api.request("GET", "/api/dev/users")).status).toBe(404);
    expect((await api.request("POST", "/api/dev/token", { body: { userId: api.org.alice.id } })).status).toBe(404);
  });
});

describe("the org chart decides who sees and changes what", () => {
  test("private goals: owner and management chain only", async () => {
    const created = await api.request("POST", "/api/goals", { as: api.org.alice, body: buildGoalBody({ visibility: "private" }) });
    const url = `/api/goals/${created.body.id}`;
    for (const person of [api.org.alice, api.org.manager, api.org.vp, api.org.ceo]) expect((await api.request("GET", url, { as: person })).status).toBe(200);
    for (const person of [api.org.bob, api.org.outsider]) expect((await api.request("GET", url, { as: person })).status).toBe(404);
    const listed = await api.request("GET", `/api/goals?owner=${api.org.alice.id}`, { as: api.org.bob });
    expect(listed.body.items.map((g: any) => g.id)).not.toContain(created.body.id);
    const listedByManager = await api.request("GET", `/api/goals?owner=${api.org.alice.id}`, { as: api.org.manager });
    expect(listedByManager.body.items.map((g: any) => g.id)).toContain(created.body.id);
  });

  test("public goals are readable in the tenant but only the owner edits them", async () => {
    const created = await api.request("POST", "/api/goals", { as: api.org.alice, body: buildGoalBody() });
    const url = `/api/goals/${created.body.id}`;
    expect((await api.request("GET", url, { as: api.org.outsider })).status).toBe(200);
    const edit = await api.request("PATCH", url, { as: api.org.manager, body: { title: "Manager rewrote it" }, headers: { "if-match": created.headers.get("etag")! } });
    expect(edit.status).toBe(403);
    expect((await api.request("POST", `${url}/submit`, { as: api.org.bob })).status).toBe(403);
  });

  test("another tenant never sees this tenant's goals", async () => {
    const created = await api.request("POST", "/api/goals", { as: api.org.alice, body: buildGoalBody() });
    const foreign = await api.issuer.mint({ tid: api.otherTenantId, oid: api.org.alice.id });
    expect((await api.request("GET", `/api/goals/${created.body.id}`, asToken(foreign))).status).toBe(404);
    const list = await api.request("GET", `/api/goals?owner=${api.org.alice.id}`, asToken(foreign));
    expect(list.body.items).toEqual([]);
  });

  test("only admins create cycles", async () => {
    const body = { name: "Q2 2027", startDate: "2027-04-01", endDate: "2027-06-30" };
    expect((await api.request("POST", "/api/cycles", { as: api.org.ceo, body })).status).toBe(403);
    const admin = await api.tokenFor(api.org.ceo, { roles: ["Cascade.Admin"] });
    const created = await api.request("POST", "/api/cycles", { ...asToken(admin), body });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: "q2-2027", name: "Q2 2027", status: "open" });
    const again = await api.request("POST", "/api/cycles", { ...asToken(admin), body });
    expect(again.status).toBe(409);
  });
});

describe("health and unknown routes", () => {
  test("health needs no token and reports storage", async () => {
    const res = await api.request("GET", "/api/health");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: "ok", storage: "reachable" });
  });

  test("unknown API paths and methods are problem+json", async () => {
    const unknown = await api.request("GET", "/api/nothing-here", { as: api.org.alice });
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get("content-type")).toContain("application/problem+json");
    expect((await api.request("PUT", "/api/goals", { as: api.org.alice })).status).toBe(405);
  });
});
