/** Entra mode against a loopback issuer that signs RS256 tokens: which kinds of token may act as a person,
 * and where admin rights come from. */
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { startApiHarness, type ApiHarness } from "../support/api-harness.js";
import type { TokenClaims } from "../support/test-issuer.js";

let api: ApiHarness;
beforeAll(async () => {
  api = await startApiHarness(inject("azuriteConnectionString"));
});
afterAll(async () => api?.stop());

const bearer = async (claims: Partial<TokenClaims>) => ({ headers: { authorization: `Bearer ${await api.tokenFor(api.org.alice, claims)}` } });

describe("only delegated tokens with access_as_user act as a person", () => {
  test("a delegated access_as_user token gets the caller", async () => {
    const res = await api.request("GET", "/api/me", await bearer({ scp: "access_as_user" }));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: api.org.alice.id, isAdmin: false });
  });

  const refused: Array<[string, Partial<TokenClaims>]> = [
    ["no scp", { scp: null }],
    ["app-only (idtyp app, no scp)", { scp: null, idtyp: "app" }],
    ["app-only with the Cascade.Admin role", { scp: null, idtyp: "app", roles: ["Cascade.Admin"] }],
    ["app-only with the Cascade.Admin role and no idtyp", { scp: null, roles: ["Cascade.Admin"] }],
    ["delegated without access_as_user", { scp: "User.Read openid profile" }],
  ];
  test.each(refused)("%s is refused with 403 insufficient_scope", async (_shape, claims) => {
    const res = await api.request("GET", "/api/me", await bearer(claims));
    expect(res.status).toBe(403);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(res.headers.get("www-authenticate")).toBe('Bearer error="insufficient_scope"');
    expect(res.body).toMatchObject({ code: "insufficient_scope", type: "urn:cascade:problem:insufficient_scope", status: 403 });
  });

  test("an app-only token with the admin role cannot create a cycle, and nothing is written", async () => {
    const before = await api.request("GET", "/api/cycles", { as: api.org.alice });
    const body = { name: "Daemon cycle", startDate: "2027-04-01", endDate: "2027-06-30" };
    const res = await api.request("POST", "/api/cycles", { ...(await bearer({ scp: null, idtyp: "app", roles: ["Cascade.Admin"] })), body });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe("insufficient_scope");
    const after = await api.request("GET", "/api/cycles", { as: api.org.alice });
    expect(after.body).toEqual(before.body);
  });
});

describe("admin rights come from the Cascade.Admin app role of a delegated token", () => {
  test("the role on a delegated token makes the person an admin", async () => {
    const res = await api.request("GET", "/api/me", await bearer({ scp: "access_as_user", roles: ["Cascade.Admin"] }));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: api.org.alice.id, isAdmin: true, roles: ["Cascade.Admin"] });
  });

  test("another role on a delegated token does not", async () => {
    const res = await api.request("GET", "/api/me", await bearer({ scp: "access_as_user", roles: ["Cascade.Reader"] }));
    expect(res.status).toBe(200);
    expect(res.body.isAdmin).toBe(false);
  });
});
