/** Plans the entity writes for a directory update, given what was read: the people shards here, the
 * packs of reports in pack-plan.ts. Pure: the store does the I/O. Every write of an existing entity
 * carries the ETag it was read with; new entities are creates. */
import type { Person } from "../domain/types.js";
import { applyPatch, encodePeople, shardOf, shardRowKey, PARTITION_COUNT, type PersonPatch } from "./org-packing.js";

export interface StoredRef {
  rowKey: string;
  etag: string;
  sig: string;
}

export interface LoadedShard {
  shard: number;
  stored: StoredRef | null;
  people: Map<string, Person>;
}

export interface LoadedPack {
  managerId: string;
  /** Stored chunks, in chunk order. */
  stored: StoredRef[];
  reports: Map<string, Person>;
  /** Reports who have reports of their own. */
  withReports: Set<string>;
}

/** props null deletes; etag null creates. */
export interface EntityWrite {
  partition: number;
  rowKey: string;
  props: Record<string, string | number> | null;
  etag: string | null;
}

export interface PersonChange {
  before: Person | null;
  after: Person | null;
}

/** Applies patches and removals to the loaded shards and returns who really changed. When the update
 * is complete (a full sync), everyone not patched is removed. */
export function applyToShards(shards: Map<number, LoadedShard>, patches: Iterable<PersonPatch>, removals: Iterable<string>, isComplete: boolean, now: string): Map<string, PersonChange> {
  const changes = new Map<string, PersonChange>();
  const record = (id: string, before: Person | null, after: Person | null) => {
    const first = changes.get(id);
    changes.set(id, { before: first ? first.before : before, after });
  };
  const patched = new Set<string>();
  for (const patch of patches) {
    patched.add(patch.id);
    const shard = shards.get(shardOf(patch.id))!;
    const before = shard.people.get(patch.id) ?? null;
    const after = applyPatch(before, patch, now);
    if (after === before) continue;
    shard.people.set(patch.id, after);
    record(patch.id, before, after);
  }
  const remove = (id: string) => {
    const shard = shards.get(shardOf(id));
    const before = shard?.people.get(id);
    if (!shard || !before) return;
    shard.people.delete(id);
    record(id, before, null);
  };
  for (const id of removals) remove(id);
  if (isComplete) {
    for (const shard of shards.values()) for (const id of [...shard.people.keys()]) if (!patched.has(id)) remove(id);
  }
  return changes;
}

/** The shards holding the given people. */
export function shardsOf(ids: Iterable<string>): Set<number> {
  const numbers = new Set<number>();
  for (const id of ids) numbers.add(shardOf(id));
  return numbers;
}

export function planShardWrites(shards: Map<number, LoadedShard>, shardNumbers: Iterable<number>): EntityWrite[] {
  const writes: EntityWrite[] = [];
  for (const number of shardNumbers) {
    const shard = shards.get(number)!;
    const partition = number % PARTITION_COUNT;
    const rowKey = shardRowKey(number);
    if (shard.people.size === 0) {
      if (shard.stored) writes.push({ partition, rowKey, props: null, etag: shard.stored.etag });
      continue;
    }
    const { props, sig } = encodePeople([...shard.people.values()]);
    if (shard.stored?.sig !== sig) writes.push({ partition, rowKey, props, etag: shard.stored?.etag ?? null });
  }
  return writes;
}
