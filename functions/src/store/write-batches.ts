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

/** Inserts and updates of one partition, in batches; deletes are left to the caller. Consecutive
 * writes of one group start a new batch rather than straddle two, unless the group alone exceeds the limits. */
export function toBatches(planned: EntityWrite[], limits: BatchLimits, sizeOf: (write: EntityWrite) => number): EntityWrite[][] {
  const writes = planned.filter((write) => write.props !== null);
  const batches: EntityWrite[][] = [];
  let batch: EntityWrite[] = [];
  let chars = 0;
  const flush = () => {
    if (batch.length > 0) batches.push(batch);
    batch = [];
    chars = 0;
  };
  for (let start = 0; start < writes.length; ) {
    let end = start + 1;
    const group = writes[start]!.group;
    if (group !== undefined) while (end < writes.length && writes[end]!.group === group) end++;
    const members = writes.slice(start, end);
    const sizes = members.map(sizeOf);
    const total = sizes.reduce((a, b) => a + b, 0);
    if (batch.length + members.length > limits.maxCount || (batch.length > 0 && chars + total > limits.maxChars)) flush();
    members.forEach((write, i) => {
      if (batch.length === limits.maxCount || (batch.length > 0 && chars + sizes[i]! > limits.maxChars)) flush();
      batch.push(write);
      chars += sizes[i]!;
    });
    start = end;
  }
  flush();
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
