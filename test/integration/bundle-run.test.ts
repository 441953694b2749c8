/** The bundled app, run as a separate process: the code that loads on first use (route modules, zod, jose,
 * the domain) must work from its chunks, not only from the sources the other tests import. */
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { findFreePort } from "../../functions/dev/free-port.js";
import { stopChild } from "../../functions/dev/stop-child.js";
import { createLocalHostBuildOptions } from "../../functions/scripts/bundle-config.js";
import { loadConfig } from "../../functions/src/config.js";
import { createServices } from "../../functions/src/composition/services.js";
import { buildCycle, buildGoalBody } from "../support/api-harness.js";
import { buildSmallOrg } from "../support/org-builder.js";
import { startTestIssuer, type TestIssuer } from "../support/test-issuer.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const outdir = mkdtempSync(join(tmpdir(), "cascade-bundle-run-"));
const tenantId = randomUUID();
const org = buildSmallOrg();
let issuer: TestIssuer;
let child: ChildProcess;
let baseUrl: string;

async function waitUntilListening(process: ChildProcess): Promise<string> {
  let output = "";
  return new Promise((resolve, reject) => {
    process.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const url = /"url":"([^"]+)"/.exec(output)?.[1];
      if (url) resolve(url);
    });
    process.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    process.once("exit", (code) => reject(new Error(`the bundled app exited with code ${code}:\n${output}`)));
  });
}

beforeAll(async () => {
  await build({ ...createLocalHostBuildOptions(ROOT, outdir), logLevel: "silent" });
  writeFileSync(join(outdir, "package.json"), '{ "type": "module" }\n');
  issuer = await startTestIssuer();
  const env = {
    AUTH_MODE: "entra",
    AAD_APP_CLIENT_ID: issuer.clientId,
    ALLOWED_TENANT_IDS: tenantId,
    ENTRA_JWKS_URL: issuer.jwksUrl,
    ENTRA_AUTHORITY_HOST: issuer.authorityHost,
    STORAGE_CONNECTION_STRING: inject("azuriteConnectionString"),
    LOG_LEVEL: "error",
  };
  const services = await createServices(loadConfig(env), { tabDir: outdir });
  await services.directory.upsertPeople(tenantId, org.all);
  await services.goalDeps.cycles.saveCycle(buildCycle(tenantId));
  const port = await findFreePort();
  child = spawn(process.execPath, [join(outdir, "local-host.js"), "--port", String(port)], { env: { PATH: process.env.PATH, ...env, CASCADE_DATA_DIR: "" }, stdio: ["ignore", "pipe", "pipe"] });
  baseUrl = await waitUntilListening(child);
}, 120_000);

afterAll(async () => {
  if (child) await stopChild(child, "SIGTERM");
  await issuer?.close();
  rmSync(outdir, { recursive: true, force: true });
});

async function call(method: string, path: string, body?: unknown): Promise<{ status: number; type: string; body: any }> {
  const token = await issuer.mint({ tid: tenantId, oid: org.alice.id, name: org.alice.displayName });
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (body !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(`${baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: response.status, type: response.headers.get("content-type") ?? "", body: await response.json() };
}

describe("the bundled app in its own process", () => {
  it("answers health, then creates and reads a goal through the handlers it loads on first use", async () => {
    expect((await fetch(`${baseUrl}/api/health`)).status).toBe(200);
    const created = await call("POST", "/api/goals", buildGoalBody());
    expect(created.status).toBe(201);
    const read = await call("GET", `/api/goals/${created.body.id}`);
    expect(read).toMatchObject({ status: 200, body: { id: created.body.id, ownerId: org.alice.id, title: buildGoalBody().title } });
  });

  it("explains a bad body with zod's English messages, and a bad token without a stack", async () => {
    const invalid = await call("POST", "/api/goals", buildGoalBody({ weight: "heavy", keyResults: [] }));
    expect(invalid.status).toBe(400);
    expect(invalid.type).toContain("application/problem+json");
    expect(JSON.stringify(invalid.body.errors)).toMatch(/expected number/i);
    const unsigned = await fetch(`${baseUrl}/api/goals`, { headers: { authorization: "Bearer not.a.token" } });
    expect(unsigned.status).toBe(401);
    expect(await unsigned.json()).toMatchObject({ status: 401, detail: expect.any(String) });
  });
});
