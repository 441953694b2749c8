/** Dashboard snapshots and the change stamps that invalidate them. One partition per manager:
 * a stamp row and one snapshot row per cycle, so a fresh dashboard is two point reads. */
import type { DashboardSnapshots } from "../domain/dashboard-service.js";
import type { Dashboard } from "../contracts/views.js";
import { createBoundedMap } from "../bounded-map.js";
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

/** Parsed snapshots this instance has read or written, reused while the stamp row (a small point read)
 * says nothing changed since. The stamp stays the one source of truth, so every instance agrees. */
const MEMO_MAX = 500;

interface Memo {
  computedAt: number;
  dashboard: Dashboard;
}

export function createDashboardStore(factory: TableFactory): DashboardSnapshots & { readonly tables: string[] } {
  const table = factory.getClient(DASHBOARDS_TABLE);
  const partition = (tenantId: string, managerId: string) => makeKey(tenantId, managerId);
  const memos = createBoundedMap<string, Memo>(MEMO_MAX);
  const readStamp = (pk: string) => getEntityOrNull<{ changedAt: string }>(table, pk, STAMP_ROW);

  async function readSnapshot(pk: string, cycleId: string): Promise<Memo | null> {
    const entity = await getEntityOrNull<Record<string, unknown>>(table, pk, snapshotRow(cycleId));
    if (!entity) return null;
    return { computedAt: Date.parse(String(entity["computedAt"])), dashboard: JSON.parse(joinChunks(entity, Number(entity["chunks"]))) as Dashboard };
  }

  return {
    tables: [DASHBOARDS_TABLE],
    /** The dashboard returned may be shared with other callers: read it, do not change it. */
    async readFresh(tenantId, managerId, cycleId, now, maxAgeMs) {
      const pk = partition(tenantId, managerId);
      const key = makeKey(pk, cycleId);
      const known = memos.get(key);
      const usable = known && now.getTime() - known.computedAt < maxAgeMs ? known : null;
      const [stamp, loaded] = await Promise.all([readStamp(pk), usable ? null : readSnapshot(pk, cycleId)]);
      const isCurrent = (memo: Memo | null): memo is Memo =>
        memo !== null && now.getTime() - memo.computedAt < maxAgeMs && !(stamp && Date.parse(stamp.changedAt) >= memo.computedAt);
      // A remembered snapshot that went stale may have been recomputed by another instance meanwhile.
      const candidate = usable && !isCurrent(usable) ? await readSnapshot(pk, cycleId) : (usable ?? loaded);
      if (!isCurrent(candidate)) return null;
      memos.set(key, candidate);
      return candidate.dashboard;
    },
    async write(tenantId, managerId, cycleId, dashboard, computedAt) {
      const chunks = splitChunks(JSON.stringify(dashboard));
      const count = Object.keys(chunks).length;
      if (count > MAX_CHUNKS) return;
      const pk = partition(tenantId, managerId);
      await table.upsertEntity({ partitionKey: pk, rowKey: snapshotRow(cycleId), computedAt: computedAt.toISOString(), chunks: count, ...chunks }, "Replace");
      memos.set(makeKey(pk, cycleId), { computedAt: computedAt.getTime(), dashboard });
    },
    async markChanged(tenantId, managerIds, at) {
      const changedAt = at.toISOString();
      await Promise.all(managerIds.map((id) => table.upsertEntity({ partitionKey: partition(tenantId, id), rowKey: STAMP_ROW, changedAt }, "Replace")));
    },
  };
}
