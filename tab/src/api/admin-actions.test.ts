import { describe, expect, it, vi } from "vitest";
import { ADMIN_SETTINGS_KEY, CYCLES_KEY, XLSX_TYPE, buildJobKey, createAdminActions, importMediaType } from "./admin-actions.js";
import type { ApiClient, RequestOptions } from "./client.js";
import { QueryCache } from "./query-cache.js";

function createFakeClient(answer: (path: string, options?: RequestOptions) => { data: unknown; etag?: string | null }) {
  const calls: Array<{ path: string; options: RequestOptions | undefined }> = [];
  const client: ApiClient = {
    request: vi.fn(async (path: string, options?: RequestOptions) => {
      calls.push({ path, options });
      const { data, etag = null } = answer(path, options);
      return { data, etag } as never;
    }),
  };
  return { client, calls };
}

describe("admin actions", () => {
  it("saves settings with PUT and If-Match, and keeps the new ETag", async () => {
    const { client, calls } = createFakeClient(() => ({ data: { isApprovalRequired: false }, etag: '"v2"' }));
    const cache = new QueryCache();
    const saved = await createAdminActions(client, cache).saveSettings({ isApprovalRequired: false, organisationGoalOwnerIds: [], reminders: {} }, '"v1"');
    expect(calls[0]).toEqual({ path: "/api/admin/settings", options: { method: "PUT", body: { isApprovalRequired: false, organisationGoalOwnerIds: [], reminders: {} }, ifMatch: '"v1"' } });
    expect(saved.etag).toBe('"v2"');
    expect(cache.peek(ADMIN_SETTINGS_KEY).data).toEqual(saved);
  });

  it("sends an import file with its media type and the confirmed mapping as an ASCII header", async () => {
    const { client, calls } = createFakeClient((path) => ({ data: path.includes("dryRun") ? { rows: 1 } : { id: "imp-1" } }));
    const actions = createAdminActions(client, new QueryCache());
    const file = new File(["Ref,Über\r\n"], "goals.csv", { type: "application/vnd.ms-excel" });
    await actions.previewImport({ file, mapping: { id: "Ref", description: "Über" } });
    expect(calls[0]).toEqual({ path: "/api/admin/imports?dryRun=true", options: { method: "POST", file: { body: file, type: "text/csv" }, headers: { "Import-Options": '{"mapping":{"id":"Ref","description":"\\u00dcber"}}' } } });
    expect(JSON.parse(calls[0]!.options!.headers!["Import-Options"]!)).toEqual({ mapping: { id: "Ref", description: "Über" } });
    expect(await actions.startImport({ file, mapping: null })).toBe("imp-1");
    expect(calls[1]).toEqual({ path: "/api/admin/imports", options: { method: "POST", file: { body: file, type: "text/csv" }, headers: {} } });
    expect(importMediaType({ name: "Goals.XLSX", type: "" })).toBe(XLSX_TYPE);
    expect(importMediaType({ name: "export", type: XLSX_TYPE })).toBe(XLSX_TYPE);
  });

  it("closes a cycle and marks the cycle list stale", async () => {
    const { client, calls } = createFakeClient(() => ({ data: { id: "2027 q1", status: "closed" } }));
    const cache = new QueryCache();
    cache.set(CYCLES_KEY, []);
    await createAdminActions(client, cache).closeCycle("2027 q1");
    expect(calls[0]!.path).toBe("/api/admin/cycles/2027%20q1/close");
    expect(cache.peek(CYCLES_KEY).isStale).toBe(true);
  });

  it("starts a job and shows its status at once", async () => {
    const status = { isRunning: true, job: { id: "j1" }, lastFinished: null };
    const { client, calls } = createFakeClient(() => ({ data: status }));
    const cache = new QueryCache();
    await createAdminActions(client, cache).startJob("erase", { personId: "p1" });
    expect(calls[0]).toEqual({ path: "/api/admin/erase", options: { method: "POST", body: { personId: "p1" } } });
    expect(cache.peek(buildJobKey("erase")).data).toEqual(status);
  });

  it("follows export pages to the end and merges their sections", async () => {
    const pages: Record<string, unknown> = {
      "/api/admin/export": { format: "cascade-export/1", tenantId: "t1", sections: { people: [{ id: "a" }] }, nextCursor: "c1" },
      "/api/admin/export?cursor=c1": { format: "cascade-export/1", tenantId: "t1", sections: { people: [{ id: "b" }], goals: [{ id: "g" }] }, nextCursor: "c/2" },
      "/api/admin/export?cursor=c%2F2": { format: "cascade-export/1", tenantId: "t1", sections: {}, nextCursor: null },
    };
    const { client } = createFakeClient((path) => ({ data: pages[path] }));
    const progress: number[] = [];
    const document = await createAdminActions(client, new QueryCache()).exportAll((n) => progress.push(n), new Date("2027-02-01T00:00:00Z"));
    expect(document).toEqual({ format: "cascade-export/1", tenantId: "t1", exportedAt: "2027-02-01T00:00:00.000Z", sections: { people: [{ id: "a" }, { id: "b" }], goals: [{ id: "g" }] } });
    expect(progress).toEqual([1, 3, 3]);
  });

  it("searches people with the text encoded", async () => {
    const { client, calls } = createFakeClient(() => ({ data: { items: [{ id: "p1" }] } }));
    expect(await createAdminActions(client, new QueryCache()).searchPeople("Ana & Bo")).toEqual([{ id: "p1" }]);
    expect(calls[0]!.path).toBe("/api/admin/people?q=Ana%20%26%20Bo");
  });
});
