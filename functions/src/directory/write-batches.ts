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
