/** Admin bookkeeping, one small partition per tenant: the settings version stamp, the status of
 * admin jobs, and the admin log (settings changes, cycle closes, erasures). */
import { randomUUID } from "node:crypto";
import type { JobKind, JobPort, JobRecord } from "../domain/admin-jobs.js";
import type { AdminLogEntry, VersionPort } from "../domain/admin.js";
import { AppError } from "../domain/errors.js";
import { invertTime } from "./goal-entity.js";
import { assertEntityWithinLimits, filterByPrefix, getEntityOrNull, isConflict, makeKey, type TableFactory } from "./tables.js";

export const ADMIN_TABLE = "admin";

export type { AdminLogEntry };

export interface AdminStore extends VersionPort, JobPort {
  readonly tables: string[];
  addLogEntry(tenantId: string, entry: AdminLogEntry): Promise<void>;
  /** Newest first. */
  listLog(tenantId: string, limit: number): Promise<AdminLogEntry[]>;
}

const versionRow = (name: string) => makeKey("version", name);
const jobRow = (kind: JobKind) => makeKey("job", kind);
const LOG_PREFIX = "log|";

function rethrowStale(error: unknown, what: string): never {
  if (isConflict(error, "stale", "exists")) throw new AppError("precondition_failed", `The ${what} changed meanwhile.`);
  throw error;
}

export function createAdminStore(factory: TableFactory): AdminStore {
  const table = factory.getClient(ADMIN_TABLE);

  /** Creates the row when `etag` is null, otherwise replaces it only if unchanged. */
  async function writeConditionally(entity: { partitionKey: string; rowKey: string } & Record<string, unknown>, etag: string | null, what: string): Promise<string> {
    assertEntityWithinLimits(entity);
    try {
      const response = etag === null ? await table.createEntity(entity) : await table.updateEntity(entity, "Replace", { etag });
      return response.etag ?? "";
    } catch (error) {
      rethrowStale(error, what);
    }
  }

  return {
    tables: [ADMIN_TABLE],
    async readVersion(tenantId, name) {
      return (await getEntityOrNull(table, makeKey(tenantId), versionRow(name)))?.etag ?? null;
    },
    async claimVersion(tenantId, name, current) {
      await writeConditionally({ partitionKey: makeKey(tenantId), rowKey: versionRow(name), claimedAt: new Date().toISOString() }, current, "settings");
    },
    async readJobs(tenantId, kind) {
      const entity = await getEntityOrNull<{ record: string }>(table, makeKey(tenantId), jobRow(kind));
      if (!entity) return { record: { latest: null, lastFinished: null }, etag: null };
      return { record: JSON.parse(entity.record) as JobRecord, etag: entity.etag };
    },
    async writeJobs(tenantId, kind, record, etag) {
      return writeConditionally({ partitionKey: makeKey(tenantId), rowKey: jobRow(kind), record: JSON.stringify(record) }, etag, "job status");
    },
    async addLogEntry(tenantId, entry) {
      const entity = { partitionKey: makeKey(tenantId), rowKey: LOG_PREFIX + makeKey(invertTime(entry.at), entry.id || randomUUID()), ...entry, details: JSON.stringify(entry.details) };
      assertEntityWithinLimits(entity);
      await table.createEntity(entity);
    },
    async listLog(tenantId, limit) {
      const entries: AdminLogEntry[] = [];
      const pages = table.listEntities<Record<string, unknown>>({ queryOptions: { filter: filterByPrefix(makeKey(tenantId), LOG_PREFIX) } }).byPage({ maxPageSize: limit });
      for await (const page of pages) {
        for (const e of page) entries.push(toLogEntry(e));
        if (entries.length >= limit) break;
      }
      return entries.slice(0, limit);
    },
  };
}

export function toLogEntry(entity: Record<string, unknown>): AdminLogEntry {
  return {
    id: String(entity["id"]),
    at: String(entity["at"]),
    actorId: String(entity["actorId"]),
    action: String(entity["action"]),
    details: JSON.parse(String(entity["details"] ?? "{}")) as AdminLogEntry["details"],
  };
}
