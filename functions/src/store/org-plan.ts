/** Plans the entity writes for a directory update, given what was read: the people shards here, the
 * packs of reports in pack-plan.ts. Pure: the store does the I/O. Every write of an existing entity
 * carries the ETag it was read with; new entities are creates. */
import type { Person } from "../domain/types.js";
import { applyPatch, encodePeople, parseShardRowKey, shardOf, shardRowKey, subShardOf, subShardRowKey, PARTITION_COUNT, type PersonPatch } from "./org-packing.js";

export interface StoredRef {
  rowKey: string;
  etag: string;
  sig: string;
  /** How many data slices the row holds, when the whole row was read. */
  slices?: number;
}

/** How a shard's people are written: all in the shard's row, each in their sub-shard's row, or
 * ("keep", an incremental update) in the whole row where one was read or none of the rows read
 * exists, else each in their sub-shard's row. */
export type ShardLayout = "whole" | "split" | "keep";

/** A shard as read. Its people are the union of its rows; someone found in both the whole row and
 * their sub-shard's row is taken from the sub-shard's. */
export interface LoadedShard {
  shard: number;
  /** The rows found, by row key. */
  rows: Map<string, StoredRef>;
  /** The sub-shards read, besides the whole row: every one, or those listed. */
  read: "all" | Set<number>;
  people: Map<string, Person>;
  layout: ShardLayout;
}

export function emptyShard(shard: number, read: LoadedShard["read"], layout: ShardLayout): LoadedShard {
  return { shard, rows: new Map(), read, people: new Map(), layout };
}

/** Adds one stored row of the shard, with its decoded people. */
export function addShardRow(shard: LoadedShard, ref: StoredRef, people: Person[]): void {
  const isSub = parseShardRowKey(ref.rowKey)?.sub !== null;
  shard.rows.set(ref.rowKey, ref);
  // A whole row never holds two people of one id, nor a sub-shard row, so only a whole row's copy can lose.
  for (const person of people) if (isSub || !shard.people.has(person.id)) shard.people.set(person.id, person);
}

/** A person as the loaded shards know them: null when surely absent, undefined when their rows were not read. */
export function knownPerson(shards: ReadonlyMap<number, LoadedShard>, id: string): Person | null | undefined {
  const shard = shards.get(shardOf(id));
  if (!shard || (shard.read !== "all" && !shard.read.has(subShardOf(id)))) return undefined;
  return shard.people.get(id) ?? null;
}

export interface LoadedPack {
  managerId: string;
  /** Stored chunks, in chunk order. */
  stored: StoredRef[];
  reports: Map<string, Person>;
  /** Reports who have reports of their own. */
  withReports: Set<string>;
}

/** The stored slice count a rewrite of the row carries, when known. */
export const slicesOf = (stored: StoredRef | undefined): Pick<EntityWrite, "slicesBefore"> => (stored?.slices === undefined ? {} : { slicesBefore: stored.slices });

/** props null deletes; etag null creates. */
export interface EntityWrite {
  partition: number;
  rowKey: string;
  props: Record<string, string | number> | null;
  etag: string | null;
  /** The data slices the row held when read, if known: the write then merges, and empties the slices
   * its content no longer fills. */
  slicesBefore?: number;
  /** Writes of one group go in one transaction when they fit in one. */
  group?: number;
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

/** The row a person of the shard is written to. */
function rowOf(shard: LoadedShard, id: string): string {
  const whole = shardRowKey(shard.shard);
  if (shard.layout === "whole") return whole;
  const sub = subShardRowKey(shard.shard, subShardOf(id));
  if (shard.layout === "split") return sub;
  return shard.rows.has(whole) || shard.rows.size === 0 ? whole : sub;
}

const EMPTY_SIG = encodePeople([]).sig;

/** Whether a shard's rows are not yet as its layout wants: a row of the other layout, or an empty row to delete. */
export function needsRewrite(shard: LoadedShard): boolean {
  if (shard.layout === "keep") return false;
  for (const [rowKey, ref] of shard.rows) if (ref.sig === EMPTY_SIG || (parseShardRowKey(rowKey)?.sub === null) !== (shard.layout === "whole")) return true;
  return false;
}

/** Each shard's rows, rewritten where their content changed. A shard's writes share a group, so a
 * change of layout (whole row out, sub-shard rows in) is one transaction: a row that loses its last
 * person is written empty within it (ETag-guarded; deletes cannot carry an ETag in a transaction),
 * and a row found empty is deleted after the transactions. */
export function planShardWrites(shards: Map<number, LoadedShard>, shardNumbers: Iterable<number>): EntityWrite[] {
  return [...streamShardWrites(shards, shardNumbers)];
}

/** As planShardWrites, one shard at a time as the writes are taken, so a shard is encoded only when
 * its transaction is next. */
export function* streamShardWrites(shards: Map<number, LoadedShard>, shardNumbers: Iterable<number>): Generator<EntityWrite> {
  for (const number of shardNumbers) {
    const writes: EntityWrite[] = [];
    const shard = shards.get(number)!;
    const partition = number % PARTITION_COUNT;
    const byRow = new Map<string, Person[]>([...shard.rows.keys()].map((rowKey) => [rowKey, []]));
    for (const person of shard.people.values()) {
      const rowKey = rowOf(shard, person.id);
      const list = byRow.get(rowKey);
      if (list) list.push(person);
      else byRow.set(rowKey, [person]);
    }
    for (const [rowKey, people] of [...byRow].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const stored = shard.rows.get(rowKey);
      if (people.length === 0 && stored?.sig === EMPTY_SIG) {
        writes.push({ partition, rowKey, props: null, etag: stored.etag, group: number });
        continue;
      }
      if (people.length === 0 && !stored) continue;
      const { props, sig } = encodePeople(people);
      if (stored?.sig !== sig) writes.push({ partition, rowKey, props, etag: stored?.etag ?? null, ...slicesOf(stored), group: number });
    }
    yield* writes;
  }
}
