/** The org chart in Table Storage. Layout, write planning and reads are pure (directory/org-packing.ts,
 * org-plan.ts, org-reader.ts); this file loads entities, writes them with ETags in per-partition
 * transactions, and retries an update whose reads went stale. Every key starts with the tenant id. */
import type { TableClient, TableEntityResult, TransactionAction } from "@azure/data-tables";
import type { DirectoryWriter } from "../domain/ports.js";
import type { Person } from "../domain/types.js";
import { decodeMembers, decodePeople, packRowKey, partitionName, partitionOf, shardOf, shardRowKey, toPatch, PARTITION_COUNT, SHARD_COUNT, type PersonPatch } from "./org-packing.js";
import { applyToShards, planShardWrites, shardsOf, type EntityWrite, type LoadedPack, type LoadedShard, type PersonChange, type StoredRef } from "./org-plan.js";
import { groupReports, packsTouchedBy, parsePackRowKey, planPackWrites, updatePacks, widenForMarks } from "./pack-plan.js";
import { createOrgReader, type OrgReader } from "./org-reader.js";
import { runLimited } from "../domain/run-limited.js";
import { isAppError } from "../domain/errors.js";
import { groupByPartition, plannedBy, sizeOf, toBatches, type PlannedWrites } from "./write-batches.js";
import { assertEntityWithinLimits, getEntityOrNull, isConflict, makeKey, quoteOData, TABLE_LIMITS, TABLE_NAMES, type TableFactory } from "./tables.js";

const READ_CONCURRENCY = 16;
const WRITE_CONCURRENCY = 8;
const MAX_ATTEMPTS = 3;
/** Wait before applying again after storage was too busy to answer in time. */
const BUSY_RETRY_DELAY_MS = 1000;
/** Above these counts one pass over all of a tenant's partitions beats reading by key. */
const SHARD_SCAN_THRESHOLD = SHARD_COUNT / 2;
const PACK_SCAN_THRESHOLD = 4000;
const KEYS_PER_QUERY = 14;
/** A partition is read in row-key ranges so no response grows with the tenant: at a million people one
 * partition's shards are ~4 MB, more than storage sends within the request timeout. Eight shards are
 * about 500 KB there; packs split by the first character of the manager id. */
const SHARDS_PER_RANGE = 8;
const PACK_RANGE_STARTS = [..."123456789abcdef"];
const BATCH_LIMITS = { maxCount: TABLE_LIMITS.maxBatch, maxChars: TABLE_LIMITS.maxBatchBytes / 2 - 256 * 1024 };

export interface DirectoryUpdate {
  patches: Iterable<PersonPatch>;
  removals?: Iterable<string>;
  /** The patches describe everyone: people not patched are removed. */
  isComplete?: boolean;
}

export interface ApplyResult {
  /** Only people whose stored state changed. */
  changes: Map<string, PersonChange>;
  written: number;
  removed: number;
  /** A person as stored now if the update read their shard: null when absent, undefined when not read. */
  lookup(id: string): Person | null | undefined;
}

export interface TableDirectory extends OrgReader, DirectoryWriter {
  readonly tables: string[];
  listPeople(tenantId: string): AsyncIterable<Person>;
  applyUpdate(tenantId: string, update: DirectoryUpdate): Promise<ApplyResult>;
}

type Entity = TableEntityResult<Record<string, unknown>>;

/** A complete update's patches by partition (null once applied) and the shards applied so far. */
interface CompleteInput {
  byPartition: Array<PersonPatch[] | null>;
  shards: Map<number, LoadedShard>;
}

/** A person as a patch that restores them exactly, for a retry. */
const asPatch = (person: Person): PersonPatch => ({ id: person.id, fields: person, updatedAt: person.updatedAt });

const partitionKey = (tenantId: string, partition: number) => makeKey(tenantId, partitionName(partition));
/** Partitions a listing reads ahead of the one it hands out. */
const LIST_AHEAD = 8;
const allPartitions = () => Array.from({ length: PARTITION_COUNT }, (_, p) => p);
const storedRef = (entity: Entity): StoredRef => ({ rowKey: entity.rowKey!, etag: entity.etag, sig: String(entity.sig ?? "") });
const emptyPack = (managerId: string): LoadedPack => ({ managerId, stored: [], reports: new Map(), withReports: new Set() });

function addChunk(pack: LoadedPack, entity: Entity): void {
  const { people, withReports } = decodeMembers(entity);
  pack.stored[parsePackRowKey(entity.rowKey!).chunk] = storedRef(entity);
  for (const person of people) pack.reports.set(person.id, person);
  for (const id of withReports) pack.withReports.add(id);
}

export function createTableDirectory(factory: TableFactory): TableDirectory {
  const people = factory.getClient(TABLE_NAMES.people);
  const reports = factory.getClient(TABLE_NAMES.reports);

  function queryPartition(client: TableClient, tenantId: string, partition: number, select?: string[]): AsyncIterable<Entity> {
    const queryOptions = { filter: `PartitionKey eq ${quoteOData(partitionKey(tenantId, partition))}`, ...(select ? { select } : {}) };
    return client.listEntities<Record<string, unknown>>({ queryOptions });
  }

  /** One query per row-key range of a partition, in key order; `starts` split the keys into ranges. */
  async function* queryRanges(client: TableClient, tenantId: string, partition: number, starts: string[]): AsyncIterable<Entity> {
    const pk = `PartitionKey eq ${quoteOData(partitionKey(tenantId, partition))}`;
    for (let i = 0; i <= starts.length; i++) {
      const from = i > 0 ? ` and RowKey ge ${quoteOData(starts[i - 1]!)}` : "";
      const to = i < starts.length ? ` and RowKey lt ${quoteOData(starts[i]!)}` : "";
      yield* client.listEntities<Record<string, unknown>>({ queryOptions: { filter: pk + from + to } });
    }
  }

  const shardRangeStarts = (partition: number) => Array.from({ length: SHARD_COUNT / PARTITION_COUNT / SHARDS_PER_RANGE - 1 }, (_, i) => shardRowKey(partition + (i + 1) * SHARDS_PER_RANGE * PARTITION_COUNT));
  const queryShards = (tenantId: string, partition: number) => queryRanges(people, tenantId, partition, shardRangeStarts(partition));
  const shardsIn = (partition: number) => Array.from({ length: SHARD_COUNT / PARTITION_COUNT }, (_, i) => partition + i * PARTITION_COUNT);

  const fileByPartition = (patches: Iterable<PersonPatch>): CompleteInput => {
    const byPartition = Array.from({ length: PARTITION_COUNT }, (): PersonPatch[] => []);
    for (const patch of patches) byPartition[partitionOf(patch.id)]!.push(patch);
    return { byPartition, shards: new Map() };
  };

  const toShard = (shard: number, entity: Entity | null): LoadedShard => ({ shard, stored: entity && storedRef(entity), people: new Map(entity ? decodePeople(entity).map((p) => [p.id, p]) : []) });

  async function loadAllShards(tenantId: string): Promise<Map<number, LoadedShard>> {
    const shards = new Map<number, LoadedShard>();
    for (let s = 0; s < SHARD_COUNT; s++) shards.set(s, toShard(s, null));
    await runLimited(allPartitions(), READ_CONCURRENCY, async (p) => {
      for await (const entity of queryShards(tenantId, p)) {
        const shard = parseInt(entity.rowKey!.slice(1), 16);
        shards.set(shard, toShard(shard, entity));
      }
    });
    return shards;
  }

  /** Reads entities by key: a point read where a partition has one, otherwise queries naming up to
   * 14 row keys each (a filter may hold 15 comparisons, one is the partition). Far fewer requests
   * than point reads, and no tenant-wide scan for a small update. */
  async function readByKeys(client: TableClient, tenantId: string, keys: Array<{ partition: number; rowKey: string }>): Promise<Entity[]> {
    const requests: Array<() => Promise<Entity[]>> = [];
    for (const [partition, group] of groupByPartition(keys)) {
      const pk = partitionKey(tenantId, partition);
      if (group.length === 1) {
        requests.push(async () => [await getEntityOrNull<Record<string, unknown>>(client, pk, group[0]!.rowKey)].filter((e): e is Entity => e !== null));
        continue;
      }
      for (let i = 0; i < group.length; i += KEYS_PER_QUERY) {
        const rowKeys = group.slice(i, i + KEYS_PER_QUERY).map((k) => `RowKey eq ${quoteOData(k.rowKey)}`);
        const filter = `PartitionKey eq ${quoteOData(pk)} and (${rowKeys.join(" or ")})`;
        requests.push(async () => {
          const found: Entity[] = [];
          for await (const entity of client.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) found.push(entity);
          return found;
        });
      }
    }
    return (await runLimited(requests, READ_CONCURRENCY, (read) => read())).flat();
  }

  async function loadShards(tenantId: string, wanted: Set<number>): Promise<Map<number, LoadedShard>> {
    if (wanted.size > SHARD_SCAN_THRESHOLD) return loadAllShards(tenantId);
    const shards = new Map([...wanted].map((s) => [s, toShard(s, null)]));
    for (const entity of await readByKeys(people, tenantId, [...wanted].map((s) => ({ partition: s % PARTITION_COUNT, rowKey: shardRowKey(s) })))) {
      const shard = parseInt(entity.rowKey!.slice(1), 16);
      shards.set(shard, toShard(shard, entity));
    }
    return shards;
  }

  async function loadPacks(tenantId: string, managerIds: string[]): Promise<Map<string, LoadedPack>> {
    const wanted = [...new Set(managerIds)];
    const packs = new Map(wanted.map((id) => [id, emptyPack(id)]));
    const addTo = (entity: Entity) => {
      const pack = packs.get(parsePackRowKey(entity.rowKey!).managerId);
      if (pack) addChunk(pack, entity);
    };
    if (wanted.length > PACK_SCAN_THRESHOLD) {
      await runLimited(allPartitions(), READ_CONCURRENCY, async (p) => {
        for await (const entity of queryRanges(reports, tenantId, p, PACK_RANGE_STARTS)) addTo(entity);
      });
      return packs;
    }
    const firstChunks = await readByKeys(reports, tenantId, wanted.map((id) => ({ partition: partitionOf(id), rowKey: packRowKey(id, 0) })));
    const laterKeys = firstChunks.flatMap((first) => Array.from({ length: Math.max(0, Number(first.chunks ?? 1) - 1) }, (_, i) => ({ partition: partitionOf(first.rowKey!), rowKey: packRowKey(first.rowKey!, i + 1) })));
    for (const entity of [...firstChunks, ...(await readByKeys(reports, tenantId, laterKeys))]) addTo(entity);
    return packs;
  }

  async function listPackRefs(tenantId: string): Promise<Map<string, StoredRef[]>> {
    const refs = new Map<string, StoredRef[]>();
    await runLimited(allPartitions(), READ_CONCURRENCY, async (p) => {
      for await (const entity of queryPartition(reports, tenantId, p, ["RowKey", "sig"])) {
        const { managerId, chunk } = parsePackRowKey(entity.rowKey!);
        const list = refs.get(managerId) ?? [];
        list[chunk] = storedRef(entity);
        refs.set(managerId, list);
      }
    });
    return refs;
  }

  /** Partitions in parallel; within one, transactions then ETag-guarded deletes, in order. */
  async function writePartitions(client: TableClient, tenantId: string, planned: PlannedWrites): Promise<void> {
    const toEntity = (w: EntityWrite) => ({ partitionKey: partitionKey(tenantId, w.partition), rowKey: w.rowKey, ...w.props });
    await runLimited([...planned.values()], WRITE_CONCURRENCY, async (plan) => {
      const writes = plan();
      for (const batch of toBatches(writes, BATCH_LIMITS, sizeOf)) {
        const actions = batch.map((w): TransactionAction => {
          const entity = toEntity(w);
          assertEntityWithinLimits(entity);
          return w.etag ? ["update", entity, "Replace", { etag: w.etag }] : ["create", entity];
        });
        await client.submitTransaction(actions);
      }
      for (const w of writes) if (!w.props) await client.deleteEntity(partitionKey(tenantId, w.partition), w.rowKey, { etag: w.etag! });
    });
  }

  /** With every shard in memory, packs are regrouped from people; only their signatures are read. */
  async function planPacksFromAll(tenantId: string, shards: Map<number, LoadedShard>, touched: Set<string> | null): Promise<PlannedWrites> {
    const grouped = groupReports([...shards.values()].flatMap((shard) => [...shard.people.values()]));
    const refs = await listPackRefs(tenantId);
    const personOf = (id: string) => shards.get(shardOf(id))?.people.get(id);
    const managers = touched ? widenForMarks(touched, (id) => refs.has(id), (id) => grouped.has(id), personOf) : new Set([...grouped.keys(), ...refs.keys()]);
    const managersWithReports = new Set(grouped.keys());
    return plannedBy(managers, partitionOf, (ids) => ids.flatMap((m) => planPackWrites(m, grouped.get(m) ?? [], refs.get(m) ?? [], managersWithReports)));
  }

  async function planPacksIncrementally(tenantId: string, changes: Map<string, PersonChange>, shards: Map<number, LoadedShard>): Promise<PlannedWrites> {
    const packs = await updatePacks(changes, shards, { loadPacks: (ids) => loadPacks(tenantId, ids), getPeople: (ids) => reader.getPeople(tenantId, ids) });
    return plannedBy(packs.values(), (pack) => partitionOf(pack.managerId), (group) => group.flatMap((pack) => planPackWrites(pack.managerId, pack.reports.values(), pack.stored, pack.withReports)));
  }

  /** A complete update, one partition at a time: its stored shards are read and brought to the new
   * state before the next partition's are, so only one copy of each person is ever held. A partition's
   * patches are let go once applied; a retry takes that partition's people from the attempt before. */
  async function applyComplete(tenantId: string, input: CompleteInput, now: string): Promise<Map<string, PersonChange>> {
    const changes = new Map<string, PersonChange>();
    await runLimited(allPartitions(), READ_CONCURRENCY, async (p) => {
      const own = new Map(shardsIn(p).map((s) => [s, toShard(s, null)]));
      for await (const entity of queryShards(tenantId, p)) {
        const shard = parseInt(entity.rowKey!.slice(1), 16);
        own.set(shard, toShard(shard, entity));
      }
      const patches = input.byPartition[p] ?? shardsIn(p).flatMap((s) => [...(input.shards.get(s)?.people.values() ?? [])].map(asPatch));
      for (const [id, change] of applyToShards(own, patches, [], true, now)) changes.set(id, change);
      input.byPartition[p] = null;
      for (const [number, shard] of own) input.shards.set(number, shard);
    });
    return changes;
  }

  async function applyOnce(tenantId: string, input: PersonPatch[] | CompleteInput, removals: string[], found: (changes: Map<string, PersonChange>) => void): Promise<Map<number, LoadedShard>> {
    const now = new Date().toISOString();
    let shards: Map<number, LoadedShard>;
    let changes: Map<string, PersonChange>;
    if (!Array.isArray(input)) {
      changes = await applyComplete(tenantId, input, now);
      shards = input.shards;
      for (const id of removals) {
        const shard = shards.get(shardOf(id))!;
        const before = shard.people.get(id);
        if (!before) continue;
        changes.set(id, { before: changes.has(id) ? changes.get(id)!.before : before, after: null });
        shard.people.delete(id);
      }
    } else {
      shards = await loadShards(tenantId, shardsOf([...input.map((p) => p.id), ...removals]));
      changes = applyToShards(shards, input, removals, false, now);
    }
    found(changes);
    if (changes.size === 0) return shards;
    const hasEveryone = shards.size === SHARD_COUNT;
    const packWrites = hasEveryone ? await planPacksFromAll(tenantId, shards, Array.isArray(input) ? packsTouchedBy(changes) : null) : await planPacksIncrementally(tenantId, changes, shards);
    // Packs first: after a crash in between, the shards still describe the old state, and the rerun
    // of the same update rewrites whatever packs differ.
    await writePartitions(reports, tenantId, packWrites);
    // Each partition's shards are encoded only when their turn to be written comes.
    await writePartitions(people, tenantId, plannedBy(shardsOf(changes.keys()), (s) => s % PARTITION_COUNT, (numbers) => planShardWrites(shards, numbers)));
    return shards;
  }

  async function applyUpdate(tenantId: string, update: DirectoryUpdate): Promise<ApplyResult> {
    const input = update.isComplete ? fileByPartition(update.patches) : [...update.patches];
    const removals = [...(update.removals ?? [])];
    const changes = new Map<string, PersonChange>();
    // Every attempt's changes count: a write of a failed attempt may have landed, and the next
    // attempt, reading it back, no longer sees that change.
    const found = (attempt: Map<string, PersonChange>) => {
      for (const [id, change] of attempt) changes.set(id, { before: changes.has(id) ? changes.get(id)!.before : change.before, after: change.after });
    };
    let shards = new Map<number, LoadedShard>();
    for (let attempt = 1; ; attempt++) {
      try {
        shards = await applyOnce(tenantId, input, removals, found);
        break;
      } catch (error) {
        // A write that timed out may have landed; the next attempt reads again and writes only what
        // still differs, so an update is never applied twice.
        const isBusy = isAppError(error) && error.code === "storage_unavailable";
        if (!(isBusy || isConflict(error, "exists", "stale")) || attempt >= MAX_ATTEMPTS) throw error;
        if (isBusy) await new Promise((resolve) => setTimeout(resolve, BUSY_RETRY_DELAY_MS * attempt));
      }
    }
    let removed = 0;
    for (const change of changes.values()) if (!change.after) removed++;
    const lookup = (id: string) => {
      const shard = shards.get(shardOf(id));
      return shard ? (shard.people.get(id) ?? null) : undefined;
    };
    return { changes, written: changes.size - removed, removed, lookup };
  }

  const reader = createOrgReader({ loadShards, loadPacks });

  return {
    ...reader,
    tables: [TABLE_NAMES.people, TABLE_NAMES.reports],
    applyUpdate,
    /** In partition order, reading a few partitions ahead of the one handed out. */
    async *listPeople(tenantId) {
      const readPartition = async (p: number) => {
        const entities: Entity[] = [];
        for await (const entity of queryShards(tenantId, p)) entities.push(entity);
        return entities;
      };
      const partitions = allPartitions();
      const ahead: Array<Promise<Entity[]>> = [];
      let next = 0;
      const readAhead = () => {
        while (next < partitions.length && ahead.length < LIST_AHEAD) {
          const read = readPartition(partitions[next++]!);
          // A read that fails after the caller stopped listening is not an unhandled rejection.
          read.catch(() => undefined);
          ahead.push(read);
        }
      };
      readAhead();
      while (ahead.length > 0) {
        const entities = await ahead.shift()!;
        readAhead();
        for (const entity of entities) yield* decodePeople(entity);
      }
    },
    async upsertPeople(tenantId, list) {
      await applyUpdate(tenantId, { patches: list.map(toPatch) });
    },
    async removePeople(tenantId, ids) {
      await applyUpdate(tenantId, { patches: [], removals: ids });
    },
  };
}
