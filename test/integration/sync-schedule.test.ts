import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { runScheduledSync, SYNC_TIMER_ACTOR } from "../../functions/src/jobs/sync-job.js";
import { startApiHarness, type ApiHarness, type RequestOptions } from "../support/api-harness.js";

let api: ApiHarness;
let asAdmin: RequestOptions;
beforeAll(async () => {
  api = await startApiHarness(inject("azuriteConnectionString"));
  asAdmin = { headers: { authorization: `Bearer ${await api.tokenFor(api.org.ceo, { roles: ["Cascade.Admin"] })}` } };
});
afterAll(async () => api?.stop());

describe("the scheduled org-chart sync", () => {
  test("without Graph credentials each tenant is skipped with the reason", async () => {
    api.services.admin.runSync = null;
    const outcomes = await runScheduledSync(api.services, [api.tenantId]);
    expect(outcomes).toEqual([{ tenantId: api.tenantId, skipped: "No Graph credentials are configured for the directory sync." }]);
  });

  test("runs the same job as Sync now, so the Admin view shows its result", async () => {
    const calls: string[] = [];
    api.services.admin.runSync = async (tenantId, report) => {
      calls.push(tenantId);
      report({ phase: "people", done: 6, total: 6 });
      return { people: 6, changed: 0 };
    };
    const [outcome] = await runScheduledSync(api.services, [api.tenantId]);
    expect(calls).toEqual([api.tenantId]);
    expect(outcome).toMatchObject({ tenantId: api.tenantId, job: { state: "succeeded", requestedBy: SYNC_TIMER_ACTOR, result: { people: 6 } } });
    const status = await api.request("GET", "/api/admin/sync", asAdmin);
    expect(status.body).toMatchObject({ isRunning: false, job: { state: "succeeded", requestedBy: SYNC_TIMER_ACTOR } });
  });

  test("leaves a run already in progress alone", async () => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    api.services.admin.runSync = async () => {
      await released;
      return { people: 6 };
    };
    const manual = await api.request("POST", "/api/admin/sync", asAdmin);
    expect(manual.status).toBe(202);
    const [outcome] = await runScheduledSync(api.services, [api.tenantId]);
    expect(outcome).toMatchObject({ tenantId: api.tenantId, skipped: expect.stringContaining("already running") });
    release();
  });
});
