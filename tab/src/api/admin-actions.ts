/** The admin operations the Admin view performs. Reads are hooks (use-admin.ts); these write and
 * mark the affected reads stale. */
import type { ApiClient } from "./client.js";
import type { QueryCache } from "./query-cache.js";
import type { AdminSettingsInput, AdminSettingsView, CycleInput, DirectoryPerson, ExportPage, ImportPreview, ImportRequest, ImportStatus, JobKind, JobStatusView, VersionedSettings } from "./admin-types.js";
import type { CycleView, ItemList } from "./types.js";

export const ADMIN_SETTINGS_KEY = "admin-settings";
export const ADMIN_LOG_KEY = "admin-log";
export const CYCLES_KEY = "cycles";
export const buildJobKey = (kind: JobKind) => `admin-job-${kind}`;

export interface ExportDocument {
  format: string;
  tenantId: string;
  exportedAt: string;
  sections: Record<string, unknown[]>;
}

export interface AdminActions {
  /** Fails with a 412 ApiError when someone else changed the settings since `etag` was read. */
  saveSettings(input: AdminSettingsInput, etag: string): Promise<VersionedSettings>;
  createCycle(input: CycleInput): Promise<CycleView>;
  closeCycle(cycleId: string): Promise<CycleView>;
  /** Opens the cycle's close-out before it ends; owners get a close-out card. */
  openCloseOut(cycleId: string): Promise<CycleView>;
  startJob(kind: JobKind, body?: unknown): Promise<JobStatusView>;
  searchPeople(text: string): Promise<DirectoryPerson[]>;
  /** A dry run: what importing the sheet would do, with nothing written. */
  previewImport(request: ImportRequest): Promise<ImportPreview>;
  /** Starts the import job; answers its id. */
  startImport(request: ImportRequest): Promise<string>;
  readImport(id: string): Promise<ImportStatus>;
  /** Reads every export page; `onPage` hears how many records have arrived so far. */
  exportAll(onPage: (records: number) => void, now?: Date): Promise<ExportDocument>;
}

const JOB_PATHS: Record<JobKind, string> = { sync: "/api/admin/sync", erase: "/api/admin/erase" };

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The media type the import route reads the file as: a workbook by its name or type, otherwise CSV
 * (browsers on Windows often call a CSV file application/vnd.ms-excel). */
export function importMediaType(file: Pick<File, "name" | "type">): string {
  return file.type === XLSX_TYPE || /\.xlsx$/i.test(file.name) ? XLSX_TYPE : "text/csv";
}

/** The Import-Options header: JSON with characters beyond ASCII written as \u escapes, as headers must be. */
export function encodeImportOptions(request: Pick<ImportRequest, "mapping">): Record<string, string> {
  if (!request.mapping) return {};
  const json = JSON.stringify({ mapping: request.mapping }).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  return { "Import-Options": json };
}

export function mergeExportPage(document: ExportDocument, page: ExportPage): number {
  let added = 0;
  for (const [name, records] of Object.entries(page.sections)) {
    (document.sections[name] ??= []).push(...records);
    added += records.length;
  }
  return added;
}

export function createAdminActions(client: ApiClient, cache: QueryCache): AdminActions {
  const refresh = (...keys: string[]) => cache.invalidate((key) => keys.includes(key));
  return {
    async saveSettings(input, etag) {
      const { data, etag: next } = await client.request<AdminSettingsView>("/api/admin/settings", { method: "PUT", body: input, ifMatch: etag });
      const saved = { settings: data, etag: next ?? "" };
      cache.set(ADMIN_SETTINGS_KEY, saved);
      refresh("me", ADMIN_LOG_KEY);
      return saved;
    },
    async createCycle(input) {
      const { data } = await client.request<CycleView>("/api/cycles", { method: "POST", body: input });
      refresh(CYCLES_KEY);
      return data;
    },
    async closeCycle(cycleId) {
      const { data } = await client.request<CycleView>(`/api/admin/cycles/${encodeURIComponent(cycleId)}/close`, { method: "POST" });
      refresh(CYCLES_KEY, ADMIN_LOG_KEY);
      return data;
    },
    async openCloseOut(cycleId) {
      const { data } = await client.request<CycleView>(`/api/admin/cycles/${encodeURIComponent(cycleId)}/close-out`, { method: "POST" });
      refresh(CYCLES_KEY, ADMIN_LOG_KEY);
      return data;
    },
    async startJob(kind, body) {
      const { data } = await client.request<JobStatusView>(JOB_PATHS[kind], { method: "POST", body });
      cache.set(buildJobKey(kind), data);
      return data;
    },
    async searchPeople(text) {
      return (await client.request<ItemList<DirectoryPerson>>(`/api/admin/people?q=${encodeURIComponent(text)}`)).data.items;
    },
    async previewImport(request) {
      const options = { method: "POST" as const, file: { body: request.file, type: importMediaType(request.file) }, headers: encodeImportOptions(request) };
      return (await client.request<ImportPreview>("/api/admin/imports?dryRun=true", options)).data;
    },
    async startImport(request) {
      const options = { method: "POST" as const, file: { body: request.file, type: importMediaType(request.file) }, headers: encodeImportOptions(request) };
      const { data } = await client.request<{ id: string }>("/api/admin/imports", options);
      refresh(ADMIN_LOG_KEY);
      return data.id;
    },
    async readImport(id) {
      return (await client.request<ImportStatus>(`/api/admin/imports/${encodeURIComponent(id)}`)).data;
    },
    async exportAll(onPage, now = new Date()) {
      let cursor: string | null = null;
      let document: ExportDocument | null = null;
      let records = 0;
      do {
        const path: string = cursor ? `/api/admin/export?cursor=${encodeURIComponent(cursor)}` : "/api/admin/export";
        const page: ExportPage = (await client.request<ExportPage>(path)).data;
        document ??= { format: page.format, tenantId: page.tenantId, exportedAt: now.toISOString(), sections: {} };
        records += mergeExportPage(document, page);
        onPage(records);
        cursor = page.nextCursor;
      } while (cursor);
      return document;
    },
  };
}
