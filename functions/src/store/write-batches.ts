/** Groups planned entity writes into table transactions: one partition each, at most 100 operations
 * and under the 4 MiB payload limit (Azurite does not enforce it, the service does). */
import type { EntityWrite } from "./org-plan.js";

export interface BatchLimits {
  maxCount: number;
  /** Characters of serialised entities; strings travel as UTF-16, so half the byte limit and a margin. */
  maxChars: number;
}

export function groupByPartition<T extends { partition: number }>(items: Iterable<T>): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const item of items) {
    const group = groups.get(item.partition);
    if (group) group.push(item);
    else groups.set(item.partition, [item]);
  }
  return groups;
}

/** Inserts and updates of one partition, in batches; deletes are left to the caller. */
export function toBatches(writes: EntityWrite[], limits: BatchLimits, sizeOf: (write: EntityWrite) => number): EntityWrite[][] {
  const batches: EntityWrite[][] = [];
  let batch: EntityWrite[] = [];
  let chars = 0;
  for (const write of writes) {
    if (!write.props) continue;
    const size = sizeOf(write);
    if (batch.length === limits.maxCount || (batch.length > 0 && chars + size > limits.maxChars)) {
      batches.push(batch);
      batch = [];
      chars = 0;
    }
    batch.push(write);
    chars += size;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}

/** Writes of one partition, planned only when that partition's turn comes, to bound memory. */
export type PlannedWrites = Map<number, () => EntityWrite[]>;

export function plannedBy<T>(items: Iterable<T>, partitionOfItem: (item: T) => number, plan: (items: T[]) => EntityWrite[]): PlannedWrites {
  const groups = groupByPartition([...items].map((item) => ({ partition: partitionOfItem(item), item })));
  return new Map([...groups].map(([p, group]) => [p, () => plan(group.map((g) => g.item))]));
}

/** Characters an entity takes on the wire, near enough for batch limits without serialising it twice. */
export function sizeOf(write: EntityWrite): number {
  let size = write.rowKey.length + 256;
  for (const [key, value] of Object.entries(write.props ?? {})) size += key.length + (typeof value === "string" ? value.length : 16) + 8;
  return size;
}
