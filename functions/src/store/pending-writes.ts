/** Goal writes in flight, one row each: recorded before a goal changes and removed once the goal and
 * every index kept beside it are written. Rows left behind by a process that died in between say
 * which goals' indexes to bring in line; the table only ever holds the writes in flight, so reading
 * it whole at start is cheap. */
import type { PendingWrite, PendingWrites } from "../domain/write-intents.js";
import { isConflict, makeKey, quoteOData, type TableFactory } from "./tables.js";

export const PENDING_WRITES_TABLE = "pendingwrites";
/** One repair pass reads at most this many rows; a later pass takes the rest. */
const MAX_PER_PASS = 5_000;

interface PendingEntity {
  partitionKey: string;
  rowKey: string;
  tenantId: string;
  goalId: string;
  ownerIds: string;
  parentIds: string;
  startedAt: string;
}

export function createPendingWrites(factory: TableFactory): PendingWrites & { readonly tables: string[] } {
  const table = factory.getClient(PENDING_WRITES_TABLE);
  const locate = (write: Pick<PendingWrite, "tenantId" | "goalId" | "writeId">) => ({ partitionKey: makeKey(write.tenantId, write.goalId), rowKey: write.writeId });
  return {
    tables: [PENDING_WRITES_TABLE],
    async open(write) {
      const entity: PendingEntity = { ...locate(write), tenantId: write.tenantId, goalId: write.goalId, ownerIds: JSON.stringify(write.ownerIds), parentIds: JSON.stringify(write.parentIds), startedAt: write.startedAt };
      await table.createEntity(entity);
    },
    async close(write) {
      const { partitionKey, rowKey } = locate(write);
      // An intent row is written once and never changed, so any version of it may go; the writer and
      // a repair may both remove it, and whichever comes second finds it gone.
      await table.deleteEntity(partitionKey, rowKey, { etag: "*" }).catch((error: unknown) => {
        if (!isConflict(error, "gone")) throw error;
      });
    },
    async listStartedBefore(time) {
      const found: PendingWrite[] = [];
      const rows = table.listEntities<PendingEntity>({ queryOptions: { filter: `startedAt lt ${quoteOData(time)}` } });
      for await (const row of rows) {
        found.push({ tenantId: row.tenantId, goalId: row.goalId, writeId: row.rowKey, ownerIds: JSON.parse(row.ownerIds) as string[], parentIds: JSON.parse(row.parentIds) as string[], startedAt: row.startedAt });
        if (found.length >= MAX_PER_PASS) break;
      }
      return found;
    },
  };
}
