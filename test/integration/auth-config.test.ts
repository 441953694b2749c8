/** The tab's sign-in settings over HTTP in Entra mode: public, complete, nothing secret, and the tab's
 * page allowed to reach the authority they name. */
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { startApiHarness, type ApiHarness } from "../support/api-harness.js";

let api: ApiHarness;

beforeAll(async () => {
  api = await startApiHarness(inject("azuriteConnectionString"));
});
afterAll(async () => api?.stop());

describe("GET /api/auth/config", () => {
  test("answers without a token with the client id, the authority on ENTRA_AUTHORITY_HOST and the access_as_user scope", async () => {
    const res = await api.request("GET", "/api/auth/config");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      mode: "entra",
      clientId: api.issuer.clientId,
      authority: `${api.issuer.authorityHost}/organizations`,
      scopes: [`api://${api.issuer.clientId}/access_as_user`],
      knownAuthorities: [new URL(api.issuer.authorityHost).host],
    });
  });

  test("the tab's page may call that authority, and only it besides its own origin", async () => {
    const res = await fetch(new URL("/", api.url));
    const csp = res.headers.get("content-security-policy") ?? "";
    const connect = csp.split(";").map((part) => part.trim()).find((part) => part.startsWith("connect-src"));
    expect(connect).toBe(`connect-src 'self' ${new URL(api.issuer.authorityHost).origin}`);
  });

  test("the demo sign-in routes do not exist in Entra mode", async () => {
    expect((await api.request("GET", "/api/dev/users")).status).toBe(404);
  });
});
