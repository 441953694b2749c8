/** Dashboard snapshots and the change stamps that invalidate them. One partition per manager:
 * a stamp row and one snapshot row per cycle, so a fresh dashboard is two point reads. */
import type { DashboardSnapshots } from "../domain/dashboard-service.js";
import type { Dashboard } from "../domain/dashboard.js";
import { getEntityOrNull, makeKey, TABLE_LIMITS, type TableFactory } from "./tables.js";

export const DASHBOARDS_TABLE = "dashboards";
const STAMP_ROW = "stamp";
const CHUNK_CHARS = TABLE_LIMITS.maxStringChars - 1024;
/** A snapshot larger than this is not kept (a very large subtree); it is computed each time. */
const MAX_CHUNKS = 24;

const snapshotRow = (cycleId: string) => makeKey("snap", cycleId);

export function splitChunks(text: string): Record<string, string> {
  const chunks: Record<string, string> = {};
  for (let i = 0; i * CHUNK_CHARS < text.length; i++) chunks[`p${i}`] = text.slice(i * CHUNK_CHARS, (i + 1) * CHUNK_CHARS);
  return chunks;
}

export function joinChunks(entity: Record<string, unknown>, count: number): string {
  let text = "";
  for (let i = 0; i < count; i++) text += String(entity[`p${i}`] ?? "");
  return text;
}

export function createDashboardStore(factory: TableFactory): DashboardSnapshots & { readonly tables: string[] } {
  const table = factory.getClient(DASHBOARDS_TABLE);
  const partition = (tenantId: string, managerId: string) => makeKey(tenantId, managerId);
  return {
    tables: [DASHBOARDS_TABLE],
    async readFresh(tenantId, managerId, cycleId, now, maxAgeMs) {
      const pk = partition(tenantId, managerId);
      const [stamp, snapshot] = await Promise.all([
        getEntityOrNull<{ changedAt: string }>(table, pk, STAMP_ROW),
        getEntityOrNull<Record<string, unknown>>(table, pk, snapshotRow(cycleId)),
      ]);
      if (!snapshot) return null;
      const computedAt = Date.parse(String(snapshot["computedAt"]));
      if (!(now.getTime() - computedAt < maxAgeMs)) return null;
      if (stamp && Date.parse(stamp.changedAt) >= computedAt) return null;
      return JSON.parse(joinChunks(snapshot, Number(snapshot["chunks"]))) as Dashboard;
    },
    async write(tenantId, managerId, cycleId, dashboard, computedAt) {
      const chunks = splitChunks(JSON.stringify(dashboard));
      const count = Object.keys(chunks).length;
      if (count > MAX_CHUNKS) return;
      await table.upsertEntity({ partitionKey: partition(tenantId, managerId), rowKey: snapshotRow(cycleId), computedAt: computedAt.toISOString(), chunks: count, ...chunks }, "Replace");
    },
    async markChanged(tenantId, managerIds, at) {
      const changedAt = at.toISOString();
      await Promise.all(managerIds.map((id) => table.upsertEntity({ partitionKey: partition(tenantId, id), rowKey: STAMP_ROW, changedAt }, "Replace")));
    },
  };
}
