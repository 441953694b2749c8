import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { buildSecurityHeaders, FRAME_ANCESTORS, serveStatic } from "./static-files.js";

const root = mkdtempSync(join(tmpdir(), "cascade-tab-"));
writeFileSync(join(root, "index.html"), "<!doctype html><title>Cascade</title>");
mkdirSync(join(root, "assets"));
writeFileSync(join(root, "assets", "app-1234.js"), "console.log(1)");

function readPolicy(headers: unknown): Map<string, string[]> {
  const csp = (headers as Record<string, string>)["content-security-policy"] ?? "";
  return new Map(csp.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
}

describe("the tab is served with security headers", () => {
  test("Teams and Microsoft 365 hosts may frame it, and nobody else", async () => {
    const response = await serveStatic(root, "/");
    const policy = readPolicy(response.headers);
    expect(policy.get("frame-ancestors")).toEqual(FRAME_ANCESTORS);
    const hosts = ["https://teams.microsoft.com", "https://*.teams.microsoft.com", "https://*.office.com", "https://*.microsoft365.com", "https://outlook.office.com", "https://outlook.office365.com", "https://*.cloud.microsoft"];
    for (const host of hosts) {
      expect(policy.get("frame-ancestors")).toContain(host);
    }
    expect(policy.get("frame-ancestors")).not.toContain("*");
    expect(policy.get("frame-ancestors")!.every((source) => source === "'self'" || source.startsWith("https://"))).toBe(true);
  });

  test("scripts only from the app's own origin; no plugins; API calls to the same origin", async () => {
    const policy = readPolicy((await serveStatic(root, "/index.html")).headers);
    expect(policy.get("default-src")).toEqual(["'self'"]);
    expect(policy.get("script-src")).toEqual(["'self'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("connect-src")).toEqual(["'self'"]);
    expect(policy.get("base-uri")).toEqual(["'self'"]);
  });

  test("in Entra mode the page may reach Entra ID for sign-in, and nothing else besides its own origin", async () => {
    const policy = readPolicy((await serveStatic(root, "/", buildSecurityHeaders("https://login.microsoftonline.com"))).headers);
    expect(policy.get("connect-src")).toEqual(["'self'", "https://login.microsoftonline.com"]);
    expect(policy.get("frame-src")).toEqual(["'self'", "https://login.microsoftonline.com"]);
    expect(policy.get("script-src")).toEqual(["'self'"]);
  });

  test("every file carries the headers, and unknown paths fall back to the app shell", async () => {
    for (const path of ["/", "/assets/app-1234.js", "/team?view=admin"]) {
      const response = await serveStatic(root, path.split("?")[0]!);
      const headers = response.headers as Record<string, string>;
      expect(response.status).toBe(200);
      expect(headers["content-security-policy"]).toContain("frame-ancestors");
      expect(headers["x-content-type-options"]).toBe("nosniff");
      expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    }
  });

  test("paths outside the tab folder are not served", async () => {
    for (const path of ["/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fetc%2fhostname"]) {
      const response = await serveStatic(root, path);
      const body = response.body ? Buffer.from(response.body as Uint8Array).toString("utf8") : "";
      expect(response.status === 404 || body.includes("<title>Cascade</title>")).toBe(true);
      expect(body).not.toMatch(/root:|localhost/);
    }
  });
});
