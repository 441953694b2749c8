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
  return [...streamBatches(planned, limits, sizeOf)];
}

/** As toBatches, taking the writes only as each batch fills: writes planned lazily are encoded one
 * batch at a time, so their encodings do not outlive the transaction that sends them. */
export function* streamBatches(planned: Iterable<EntityWrite>, limits: BatchLimits, sizeOf: (write: EntityWrite) => number): Generator<EntityWrite[]> {
  let batch: EntityWrite[] = [];
  let chars = 0;
  function* place(members: EntityWrite[]): Generator<EntityWrite[]> {
    const sizes = members.map(sizeOf);
    const total = sizes.reduce((a, b) => a + b, 0);
    if (batch.length + members.length > limits.maxCount || (batch.length > 0 && chars + total > limits.maxChars)) {
      if (batch.length > 0) yield batch;
      batch = [];
      chars = 0;
    }
    for (let i = 0; i < members.length; i++) {
      if (batch.length === limits.maxCount || (batch.length > 0 && chars + sizes[i]! > limits.maxChars)) {
        yield batch;
        batch = [];
        chars = 0;
      }
      batch.push(members[i]!);
      chars += sizes[i]!;
    }
    // A full batch goes at once: nothing more can join it.
    if (batch.length === limits.maxCount) {
      yield batch;
      batch = [];
      chars = 0;
    }
  }
  let members: EntityWrite[] = [];
  for (const write of planned) {
    if (write.props === null) continue;
    const isSameGroup = members.length > 0 && write.group !== undefined && write.group === members[0]!.group;
    if (members.length > 0 && !isSameGroup) {
      yield* place(members);
      members = [];
    }
    members.push(write);
  }
  if (members.length > 0) yield* place(members);
  if (batch.length > 0) yield batch;
}

/** Writes of one partition, planned only when that partition's turn comes and, where the plan is
 * lazy, as its transactions are sent, to bound memory. */
export type PlannedWrites = Map<number, () => Iterable<EntityWrite>>;

export function plannedBy<T>(items: Iterable<T>, partitionOfItem: (item: T) => number, plan: (items: T[]) => Iterable<EntityWrite>): PlannedWrites {
  const groups = groupByPartition([...items].map((item) => ({ partition: partitionOfItem(item), item })));
  return new Map([...groups].map(([p, group]) => [p, () => plan(group.map((g) => g.item))]));
}

/** Characters an entity takes on the wire, near enough for batch limits without serialising it twice. */
export function sizeOf(write: EntityWrite): number {
  let size = write.rowKey.length + 256;
  for (const [key, value] of Object.entries(write.props ?? {})) size += key.length + (typeof value === "string" ? value.length : 16) + 8;
  return size;
}
