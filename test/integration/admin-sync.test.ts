import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import type { JobProgress } from "../../functions/src/domain/admin-jobs.js";
import { DEMO_ADMIN_IDS, DEMO_PEOPLE, DEMO_TENANT_ID } from "../../functions/src/directory/demo-org.js";
import { startCascade, type RunningCascade } from "../../functions/dev/start-cascade.js";
import { randomUUID } from "node:crypto";
import { createDemoSyncRunner, createGraphSyncRunner } from "../../functions/src/composition/admin-sync.js";
import { createTableDirectory } from "../../functions/src/store/directory-store.js";
import { createSyncStateStore } from "../../functions/src/store/sync-state-store.js";
import { startFakeEntra } from "../fakes/fake-entra.js";
import { startFakeGraph } from "../fakes/fake-graph.js";
import { generateOrg } from "../fakes/org-generator.js";
import { startApiHarness, type ApiHarness, type RequestOptions } from "../support/api-harness.js";

let api: ApiHarness;
let asAdmin: RequestOptions;
beforeAll(async () => {
  api = await startApiHarness(inject("azuriteConnectionString"));
  asAdmin = { headers: { authorization: `Bearer ${await api.tokenFor(api.org.outsider, { roles: ["Cascade.Admin"] })}` } };
});
afterAll(async () => api?.stop());

async function waitForIdle(request: () => Promise<{ body: any }>): Promise<any> {
  for (let i = 0; i < 100; i++) {
    const { body } = await request();
    if (!body.isRunning) return body;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("the sync did not finish");
}

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe("directory sync on demand", () => {
  test("without Graph credentials it says so instead of pretending", async () => {
    const status = await api.request("GET", "/api/admin/sync", asAdmin);
    expect(status.body).toMatchObject({ isAvailable: false, isRunning: false, job: null });
    const started = await api.request("POST", "/api/admin/sync", asAdmin);
    expect(started.status).toBe(503);
    expect(started.body.code).toBe("unavailable");
  });

  test("shows progress while running, refuses a second run, then the last result", async () => {
    const release = gate();
    const reported = gate();
    api.services.admin.runSync = async (_tenantId, report: (p: JobProgress) => void) => {
      report({ phase: "people", done: 250, total: 1000 });
      reported.open();
      await release.opened;
      return { people: 1000, changed: 3 };
    };
    const started = await api.request("POST", "/api/admin/sync", asAdmin);
    expect(started.status).toBe(202);
    expect(started.headers.get("location")).toBe("/api/admin/sync");
    expect(started.body.job).toMatchObject({ kind: "sync", state: "running", requestedBy: api.org.outsider.id });
    await reported.opened;
    const running = await api.request("GET", "/api/admin/sync", asAdmin);
    expect(running.body).toMatchObject({ isAvailable: true, isRunning: true, job: { state: "running", progress: { phase: "people", done: 250, total: 1000 } } });
    const second = await api.request("POST", "/api/admin/sync", asAdmin);
    expect(second.status).toBe(409);
    expect(second.body.job.id).toBe(started.body.job.id);
    release.open();
    const done = await waitForIdle(() => api.request("GET", "/api/admin/sync", asAdmin));
    expect(done).toMatchObject({ isRunning: false, job: { state: "succeeded", result: { people: 1000, changed: 3 } }, lastFinished: { id: started.body.job.id } });
  });

  test("a failed run is reported, and the next one can start", async () => {
    api.services.admin.runSync = async () => {
      throw new Error("Graph returned 403 for mail ada@contoso.example");
    };
    expect((await api.request("POST", "/api/admin/sync", asAdmin)).status).toBe(202);
    const failed = await waitForIdle(() => api.request("GET", "/api/admin/sync", asAdmin));
    expect(failed.job.state).toBe("failed");
    expect(failed.job.error).not.toContain("ada");
    api.services.admin.runSync = async () => ({ people: 6 });
    expect((await api.request("POST", "/api/admin/sync", asAdmin)).status).toBe(202);
    expect((await waitForIdle(() => api.request("GET", "/api/admin/sync", asAdmin))).job.state).toBe("succeeded");
  });
});

describe("in local development the sync reloads the demo organisation", () => {
  let cascade: RunningCascade;
  beforeAll(async () => {
    cascade = await startCascade({ env: { AUTH_MODE: "dev", STORAGE_CONNECTION_STRING: inject("azuriteConnectionString"), LOG_LEVEL: "error" }, port: 0, isSeeded: false });
  });
  afterAll(async () => cascade?.stop());

  test("dev mode offers the sync", async () => {
    const { token } = await cascade.services.dev!.issuer.mint({ tenantId: DEMO_TENANT_ID, userId: DEMO_ADMIN_IDS[0]!, name: "Admin", roles: ["Cascade.Admin"] });
    const res = await fetch(`${cascade.url}/api/admin/sync`, { headers: { authorization: `Bearer ${token}` } });
    expect(((await res.json()) as { isAvailable: boolean }).isAvailable).toBe(true);
  });

  test("the demo sync loads the demo organisation, with progress", async () => {
    api.services.admin.runSync = createDemoSyncRunner(api.services.directory);
    expect((await api.request("POST", "/api/admin/sync", asAdmin)).status).toBe(202);
    const done = await waitForIdle(() => api.request("GET", "/api/admin/sync", asAdmin));
    expect(done.job).toMatchObject({ state: "succeeded", result: { source: "demo", people: DEMO_PEOPLE.length }, progress: { done: DEMO_PEOPLE.length, total: DEMO_PEOPLE.length } });
    expect((await api.services.directory.getPerson(api.tenantId, DEMO_PEOPLE[10]!.id))?.displayName).toBe(DEMO_PEOPLE[10]!.displayName);
  });
});

describe("in Azure the sync reads Microsoft Graph", () => {
  test("an admin's sync loads the org chart from Graph with progress and counts", async () => {
    const entra = await startFakeEntra();
    const clientId = randomUUID();
    const clientSecret = randomUUID();
    entra.registerClient(api.tenantId, clientId, clientSecret);
    const users = generateOrg({ size: 300, seed: 7 });
    const graph = await startFakeGraph({ tenantId: api.tenantId, users, verifyKey: entra.verifyKey, deltaPageSize: 50 });
    try {
      const changes: unknown[] = [];
      const syncState = createSyncStateStore(api.services.tables);
      const runSync = createGraphSyncRunner({
        config: { entra: { ...api.services.config.entra, clientId, clientSecret, authorityHost: entra.url }, graphBaseUrl: graph.url },
        directory: createTableDirectory(api.services.tables),
        syncState,
        onChanges: async (_tenantId, found) => void changes.push(...found),
      });
      expect(runSync).not.toBeNull();
      api.services.admin.runSync = runSync;
      expect((await api.request("POST", "/api/admin/sync", asAdmin)).status).toBe(202);
      const done = await waitForIdle(() => api.request("GET", "/api/admin/sync", asAdmin));
      expect(done.job).toMatchObject({ state: "succeeded", result: { mode: "full", usersSeen: 300 }, progress: { phase: "done", done: 300 } });
      const someone = users[42]!;
      expect((await api.services.directory.getPerson(api.tenantId, someone.id))?.displayName).toBe(someone.displayName);
    } finally {
      await graph.close();
      await entra.close();
    }
  });

  test("without the app's credential there is no Graph sync", () => {
    const config = { entra: { ...api.services.config.entra, clientSecret: undefined }, graphBaseUrl: "https://graph.microsoft.com/v1.0" };
    expect(createGraphSyncRunner({ config, directory: createTableDirectory(api.services.tables), syncState: createSyncStateStore(api.services.tables), onChanges: async () => undefined })).toBeNull();
  });
});
