import { afterAll, afterEach, beforeAll, describe, expect, inject, test, vi } from "vitest";
import { loadConfig } from "../../functions/src/config.js";
import { createServices } from "../../functions/src/composition/services.js";
import { startApiHarness, type ApiHarness } from "../support/api-harness.js";

let api: ApiHarness;
beforeAll(async () => {
  api = await startApiHarness(inject("azuriteConnectionString"));
});
afterAll(async () => api?.stop());
afterEach(() => vi.restoreAllMocks());

function captureConsole(): () => string {
  const lines: string[] = [];
  const keep = (...args: unknown[]) => void lines.push(args.map(String).join(" "));
  vi.spyOn(console, "log").mockImplementation(keep);
  vi.spyOn(console, "error").mockImplementation(keep);
  vi.spyOn(console, "warn").mockImplementation(keep);
  return () => lines.join("\n");
}

describe("the tab is served with security headers", () => {
  test("Teams and Microsoft 365 may frame it; scripts only from the app itself", async () => {
    const res = await api.request("GET", "/");
    expect(res.status).toBe(200);
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/frame-ancestors 'self' https:\/\/teams\.microsoft\.com [^;]*https:\/\/\*\.office\.com/);
    expect(csp).toContain("script-src 'self'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  });
});

describe("logs carry no tokens or personal data", () => {
  test("a failing admin job is logged without the token or mail address its error carried", async () => {
    const token = await api.tokenFor(api.org.outsider, { roles: ["Cascade.Admin"] });
    const read = captureConsole();
    api.services.admin.runSync = async () => {
      throw new Error(`Graph refused ${token} for ${api.org.alice.mail} (${api.org.alice.displayName})`);
    };
    const headers = { authorization: `Bearer ${token}` };
    expect((await api.request("POST", "/api/admin/sync", { headers })).status).toBe(202);
    for (let i = 0; i < 50 && (await api.request("GET", "/api/admin/sync", { headers })).body.isRunning; i++) await new Promise((r) => setTimeout(r, 100));
    const output = read();
    expect(output).toContain("An admin job failed");
    expect(output).not.toContain(token);
    expect(output).not.toContain(token.split(".")[1]!);
    expect(output).not.toContain(api.org.alice.mail!);
  });

  test("a request with a stolen-looking token is refused and the token is not logged", async () => {
    const read = captureConsole();
    const token = await api.issuer.mintWithOtherKey({ tid: api.tenantId, oid: api.org.alice.id });
    expect((await api.request("GET", "/api/admin/settings", { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
    expect(read()).not.toContain(token.split(".")[1]!);
  });
});

describe("configuration is checked once at start", () => {
  test("services refuse to start in dev mode on Azure, naming the setting", () => {
    expect(() => loadConfig({ AUTH_MODE: "dev", STORAGE_TABLE_ENDPOINT: "https://x.table.core.windows.net", WEBSITE_SITE_NAME: "cascade" })).toThrow(/AUTH_MODE=dev is refused on Azure/);
  });

  test("a missing setting is named before anything is created", async () => {
    await expect(async () => createServices(loadConfig({ AUTH_MODE: "entra", STORAGE_CONNECTION_STRING: inject("azuriteConnectionString") }), { tabDir: "." })).rejects.toThrow(/AAD_APP_CLIENT_ID is missing[\s\S]*ALLOWED_TENANT_IDS or AAD_APP_TENANT_ID is missing/);
  });
});
