/** The rows of the children index (a goal under the goal it is aligned to), with the alignment roll-up
 * kept in them (domain/alignment-rollups.ts). One partition per parent goal, one row per aligned goal. */
import { toAlignedRow, type AlignedRow, type AlignmentRows } from "../domain/alignment-rollups.js";
import { AppError } from "../domain/errors.js";
import type { Goal } from "../domain/types.js";
import { getEntityOrNull, isConflict, makeKey, prefixUpperBound, quoteOData, TABLE_NAMES, type TableFactory } from "./tables.js";

export const childrenKey = (tenantId: string, parentId: string) => makeKey(tenantId, parentId);

type Entity = Record<string, unknown> & { partitionKey?: string; rowKey?: string; etag?: string };

/** The row's summary of the goal; what is kept about the goals below is left out, for a write that
 * merges it in without touching those. */
export function toChildRow(goal: Goal & { parentId: string }) {
  const { rolledUpProgress: _rolled, alignedCount: _count, ...summary } = toEntity(goal.tenantId, goal.parentId, { ...toAlignedRow(goal, []), rolledUpProgress: null, alignedCount: null });
  return summary as Entity & { partitionKey: string; rowKey: string };
}

const text = (value: unknown): string | null => (typeof value === "string" && value !== "" ? value : null);
const count = (value: unknown): number | null => (typeof value === "number" && Number.isFinite(value) ? value : null);

export function fromChildRow(entity: Entity): AlignedRow {
  return {
    id: String(entity.rowKey),
    ownerId: String(entity.ownerId ?? ""),
    cycleId: String(entity.cycleId ?? ""),
    isTopLevel: entity.isTopLevel === true,
    status: String(entity.status ?? "draft") as AlignedRow["status"],
    title: String(entity.title ?? ""),
    weight: typeof entity.weight === "number" ? entity.weight : 1,
    visibility: entity.visibility === "private" ? "private" : "public",
    flags: (text(entity.flags)?.split(",") ?? []) as AlignedRow["flags"],
    progress: count(entity.progress) ?? 0,
    confidence: text(entity.confidence) as AlignedRow["confidence"],
    lastCheckInAt: text(entity.lastCheckInAt),
    dueDate: text(entity.dueDate),
    updatedAt: String(entity.updatedAt ?? ""),
    rolledUpProgress: count(entity.rolledUpProgress),
    alignedCount: count(entity.alignedCount),
  };
}

function toEntity(tenantId: string, parentId: string, row: AlignedRow): Entity {
  const entity: Entity = {
    partitionKey: childrenKey(tenantId, parentId),
    rowKey: row.id,
    ownerId: row.ownerId,
    cycleId: row.cycleId,
    isTopLevel: row.isTopLevel,
    status: row.status,
    title: row.title,
    weight: row.weight,
    visibility: row.visibility,
    flags: row.flags.join(","),
    progress: row.progress,
    updatedAt: row.updatedAt,
    confidence: row.confidence ?? "",
    lastCheckInAt: row.lastCheckInAt ?? "",
    dueDate: row.dueDate ?? "",
  };
  if (row.rolledUpProgress !== null) entity.rolledUpProgress = row.rolledUpProgress;
  if (row.alignedCount !== null) entity.alignedCount = row.alignedCount;
  return entity;
}

const lostRace = () => new AppError("precondition_failed", "The goals aligned below changed while the roll-up was being recomputed.");

export function createAlignmentRows(factory: TableFactory): AlignmentRows & { readonly tables: string[] } {
  const table = factory.getClient(TABLE_NAMES.children);

  async function* query(filter: string): AsyncIterable<Entity> {
    yield* table.listEntities<Entity>({ queryOptions: { filter } });
  }

  return {
    tables: [TABLE_NAMES.children],
    async read(tenantId, parentId, goalId) {
      const entity = await getEntityOrNull<Entity>(table, childrenKey(tenantId, parentId), goalId);
      return entity ? { value: fromChildRow(entity), etag: entity.etag } : null;
    },
    async list(tenantId, parentId) {
      const rows: AlignedRow[] = [];
      for await (const entity of query(`PartitionKey eq ${quoteOData(childrenKey(tenantId, parentId))}`)) rows.push(fromChildRow(entity));
      return rows;
    },
    async write(tenantId, parentId, goalId, row, etag) {
      try {
        if (row === null) {
          if (etag) await table.deleteEntity(childrenKey(tenantId, parentId), goalId, { etag });
          return;
        }
        const entity = toEntity(tenantId, parentId, row);
        if (etag) await table.updateEntity(entity as never, "Replace", { etag });
        else await table.createEntity(entity as never);
      } catch (error) {
        if (isConflict(error, "stale", "exists")) throw lostRace();
        if (isConflict(error, "gone")) {
          if (row === null) return;
          throw lostRace();
        }
        throw error;
      }
    },
    async *listAll(tenantId) {
      const from = makeKey(tenantId, "");
      for await (const entity of query(`PartitionKey ge ${quoteOData(from)} and PartitionKey lt ${quoteOData(prefixUpperBound(from))}`)) {
        yield { parentId: String(entity.partitionKey).slice(from.length), row: { value: fromChildRow(entity), etag: String(entity.etag) } };
      }
    },
  };
}
