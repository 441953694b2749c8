/** The org chart in Table Storage. Layout, write planning and reads are pure (directory/org-packing.ts,
 * org-plan.ts, org-reader.ts); this file loads entities, writes them with ETags in per-partition
 * transactions, and retries an update whose reads went stale. Every key starts with the tenant id. */
import type { TableClient, TableEntityResult, TransactionAction } from "@azure/data-tables";
import type { DirectoryWriter } from "../domain/ports.js";
import type { Person } from "../domain/types.js";
import { decodeMembers, decodePeople, packRowKey, sliceCount, parseShardRowKey, partitionName, partitionOf, shardOf, shardRangeEnd, shardRowKey, subShardOf, subShardRowKey, toPatch, PARTITION_COUNT, SHARD_COUNT, SPLIT_ABOVE_PEOPLE, type PersonPatch } from "./org-packing.js";
import { addShardRow, applyToShards, emptyShard, knownPerson, needsRewrite, shardsOf, streamShardWrites, type EntityWrite, type LoadedPack, type LoadedShard, type PersonChange, type ShardLayout, type StoredRef } from "./org-plan.js";
import { groupReports, packsTouchedBy, parsePackRowKey, planPackWrites, updatePacks, widenForMarks } from "./pack-plan.js";
import { createOrgReader, type OrgReader } from "./org-reader.js";
import { createBoundedMap } from "../bounded-map.js";
import { runLimited } from "../domain/run-limited.js";
import { isStorageBusy } from "./storage-timeout.js";
import { groupByPartition, plannedBy, sizeOf, streamBatches, type PlannedWrites } from "./write-batches.js";
import { assertEntityWithinLimits, getEntityOrNull, isConflict, makeKey, quoteOData, TABLE_LIMITS, TABLE_NAMES, type TableFactory } from "./tables.js";

const READ_CONCURRENCY = 16;
const WRITE_CONCURRENCY = 8;
const MAX_ATTEMPTS = 3;
/** Wait before applying again after storage was too busy to answer in time. */
const BUSY_RETRY_DELAY_MS = 1000;
/** Point reads are small and cheap to serve, so more of them are kept in flight than queries. */
const KEY_READ_CONCURRENCY = 32;
/** In a tenant marked split, up to this many people are read by key, one point read each, rather than
 * by a range query of each of their shards: their sub-shard rows are all that holds them, and a range
 * reads the shard's sixteen (the local emulator tests every row of the table for any filter). */
const KEY_READ_PEOPLE = 64;
/** A tenant's split mark is read again after this long: only a complete sync changes it. */
const SPLIT_RECHECK_MS = 60_000;
/** Shards a query reads by key range (two comparisons each). */
const RANGES_PER_QUERY = 7;
/** Above these counts one pass over all of a tenant's partitions (1,024 range queries) beats reading
 * by key: by key reads only what is named, but one request per row, and past about a quarter of a
 * million-person tenant's rows the pass is the shorter way. */
const SHARD_SCAN_THRESHOLD = SHARD_COUNT / 2;
const SHARD_KEY_SCAN_THRESHOLD = 16 * 1024;
const PACK_SCAN_THRESHOLD = 16 * 1024;
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
  /** Only people whose stored state changed. A complete update leaves out the people it added (a first
   * sync adds everyone): they are in `added`, count in `written`, and `lookup` finds them. */
  changes: Map<string, PersonChange>;
  /** The people a complete update added, by id (an incremental update lists its additions in `changes`). */
  added: ReadonlySet<string>;
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

/** What one attempt changed. A complete update keeps the people it added apart, as ids only: a first
 * sync would otherwise hold a change object for everyone. */
interface Changed {
  changes: Map<string, PersonChange>;
  added: Set<string>;
}

/** A complete update's patches by partition (null once applied), the shards applied so far and the
 * layout they are written in. */
interface CompleteInput {
  byPartition: Array<PersonPatch[] | null>;
  shards: Map<number, LoadedShard>;
  layout: ShardLayout;
  /** The tenant's split-layout mark as last read, if there is one. */
  splitMark?: StoredRef | null;
}

/** A row of the tenant's first people partition, kept while every shard is in sub-shard rows: an
 * incremental update that finds it reads only the sub-shard rows it needs, not each shard's whole row.
 * A complete update writes it once its shards are all split, and deletes it before writing them whole. */
const SPLIT_MARK_ROW = "layout";

/** A person as a patch that restores them exactly, for a retry. */
const asPatch = (person: Person): PersonPatch => ({ id: person.id, fields: person, updatedAt: person.updatedAt });

const partitionKey = (tenantId: string, partition: number) => makeKey(tenantId, partitionName(partition));
/** Partitions a listing reads ahead of the one it hands out. */
const LIST_AHEAD = 8;
const allPartitions = () => Array.from({ length: PARTITION_COUNT }, (_, p) => p);
/** A row as read; its slices are counted when the whole row was read (a listing of signatures selects only them). */
const storedRef = (entity: Entity): StoredRef => ({ rowKey: entity.rowKey!, etag: entity.etag, sig: String(entity.sig ?? ""), ...(typeof entity.n === "number" ? { slices: sliceCount(entity) } : {}) });
const emptyPack = (managerId: string): LoadedPack => ({ managerId, stored: [], reports: new Map(), withReports: new Set() });

function addChunk(pack: LoadedPack, entity: Entity): void {
  const { people, withReports } = decodeMembers(entity);
  pack.stored[parsePackRowKey(entity.rowKey!).chunk] = storedRef(entity);
  for (const person of people) pack.reports.set(person.id, person);
  for (const id of withReports) pack.withReports.add(id);
}

export interface TableDirectoryOptions {
  /** A complete update of more people than this writes every shard in sub-shard rows. */
  splitAbovePeople?: number;
}

export function createTableDirectory(factory: TableFactory, options: TableDirectoryOptions = {}): TableDirectory {
  const splitAbovePeople = options.splitAbovePeople ?? SPLIT_ABOVE_PEOPLE;
  const people = factory.getClient(TABLE_NAMES.people);
  const reports = factory.getClient(TABLE_NAMES.reports);
  /** Whether each tenant was marked split when last looked at, and when. */
  const splitTenants = createBoundedMap<string, { isSplit: boolean; at: number }>(10_000);

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
    let count = 0;
    for (const patch of patches) {
      byPartition[partitionOf(patch.id)]!.push(patch);
      count++;
    }
    return { byPartition, shards: new Map(), layout: count > splitAbovePeople ? "split" : "whole" };
  };

  /** Files a people row into its shard, which is created as given when not yet seen. */
  const fileRow = (shards: Map<number, LoadedShard>, entity: Entity, create: (shard: number) => LoadedShard) => {
    const parsed = parseShardRowKey(entity.rowKey!);
    if (!parsed) return;
    let shard = shards.get(parsed.shard);
    if (!shard) shards.set(parsed.shard, (shard = create(parsed.shard)));
    addShardRow(shard, storedRef(entity), decodePeople(entity));
  };

  async function loadAllShards(tenantId: string): Promise<Map<number, LoadedShard>> {
    const shards = new Map<number, LoadedShard>();
    for (let s = 0; s < SHARD_COUNT; s++) shards.set(s, emptyShard(s, "all", "keep"));
    await runLimited(allPartitions(), READ_CONCURRENCY, async (p) => {
      for await (const entity of queryShards(tenantId, p)) fileRow(shards, entity, (s) => emptyShard(s, "all", "keep"));
    });
    return shards;
  }

  /** Whole shards by key range (a whole row and any sub-shard rows): seven shards a query. */
  async function readShardRanges(tenantId: string, wanted: Set<number>): Promise<Map<number, LoadedShard>> {
    const shards = new Map([...wanted].map((s) => [s, emptyShard(s, "all", "keep")]));
    const requests: Array<() => Promise<Entity[]>> = [];
    for (const [partition, group] of groupByPartition([...wanted].map((shard) => ({ partition: shard % PARTITION_COUNT, shard })))) {
      const pk = `PartitionKey eq ${quoteOData(partitionKey(tenantId, partition))}`;
      for (let i = 0; i < group.length; i += RANGES_PER_QUERY) {
        const ranges = group.slice(i, i + RANGES_PER_QUERY).map(({ shard }) => `(RowKey ge ${quoteOData(shardRowKey(shard))} and RowKey lt ${quoteOData(shardRangeEnd(shard))})`);
        const filter = `${pk} and (${ranges.join(" or ")})`;
        requests.push(async () => {
          const found: Entity[] = [];
          for await (const entity of people.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) found.push(entity);
          return found;
        });
      }
    }
    for (const entity of (await runLimited(requests, READ_CONCURRENCY, (read) => read())).flat()) fileRow(shards, entity, (s) => emptyShard(s, "all", "keep"));
    return shards;
  }

  /** Reads entities by key, one point read each. A filter naming several row keys of a partition with
   * "or" is served as a scan of the partition, not as lookups (and the local emulator scans the whole
   * table for any filter), so point reads are the cheapest way to the rows named. */
  async function readByKeys(client: TableClient, tenantId: string, keys: Array<{ partition: number; rowKey: string }>): Promise<Entity[]> {
    const found = await runLimited(keys, KEY_READ_CONCURRENCY, (key) => getEntityOrNull<Record<string, unknown>>(client, partitionKey(tenantId, key.partition), key.rowKey));
    return found.filter((entity): entity is Entity => entity !== null);
  }

  const isMarkedSplit = async (tenantId: string) => (await getEntityOrNull(people, partitionKey(tenantId, 0), SPLIT_MARK_ROW)) !== null;

  /** Whether the tenant is marked split, as read at most a minute ago. */
  async function isSplitLately(tenantId: string): Promise<boolean> {
    const known = splitTenants.get(tenantId);
    if (known && Date.now() - known.at < SPLIT_RECHECK_MS) return known.isSplit;
    const isSplit = await isMarkedSplit(tenantId);
    splitTenants.set(tenantId, { isSplit, at: Date.now() });
    return isSplit;
  }

  /** People by id: their whole shards by key range, a request per partition, where the shards are whole
   * rows (a partition of them is small) or few. In a tenant marked split, a few people, or people in
   * more shards than there are partitions, are read as an update reads them: the sub-shard row of
   * each, by key, rather than every row of each of their shards. */
  async function loadPeople(tenantId: string, ids: Set<string>): Promise<Map<number, LoadedShard>> {
    if (ids.size <= KEY_READ_PEOPLE && (await isSplitLately(tenantId))) {
      const shards = await loadForUpdate(tenantId, ids, true);
      const missed = [...ids].filter((id) => !shards.get(shardOf(id))?.people.has(id));
      if (missed.length === 0) return shards;
      // Absent, or the tenant was written whole again since its mark was read: their shards say which.
      splitTenants.delete(tenantId);
      for (const [number, shard] of await readShardRanges(tenantId, new Set(missed.map(shardOf)))) shards.set(number, shard);
      return shards;
    }
    const wanted = new Set([...ids].map(shardOf));
    if (wanted.size > SHARD_SCAN_THRESHOLD) return loadAllShards(tenantId);
    if (wanted.size <= PARTITION_COUNT || !(await isMarkedSplit(tenantId))) return readShardRanges(tenantId, wanted);
    return loadForUpdate(tenantId, ids, true);
  }

  /** For an incremental update: of each shard holding the people, the whole row and the rows of their
   * sub-shards only, so a large tenant's update reads (and rewrites) a fraction of each shard. In a
   * tenant marked split there is no whole row to read, and new rows are sub-shard rows. */
  async function loadForUpdate(tenantId: string, ids: Iterable<string>, isKnownSplit = false): Promise<Map<number, LoadedShard>> {
    const subs = new Map<number, Set<number>>();
    for (const id of ids) {
      const shard = shardOf(id);
      const set = subs.get(shard) ?? new Set<number>();
      set.add(subShardOf(id));
      subs.set(shard, set);
    }
    // Looking for the split mark costs a request; it saves one key per shard, so only many shards repay it.
    const isMarked = () => isMarkedSplit(tenantId);
    const isSplit = isKnownSplit || (subs.size > PARTITION_COUNT && (await isMarked()));
    const keys: Array<{ partition: number; rowKey: string }> = [];
    for (const [shard, set] of subs) {
      const partition = shard % PARTITION_COUNT;
      if (!isSplit) keys.push({ partition, rowKey: shardRowKey(shard) });
      for (const sub of set) keys.push({ partition, rowKey: subShardRowKey(shard, sub) });
    }
    if (keys.length > SHARD_KEY_SCAN_THRESHOLD) {
      const all = await loadAllShards(tenantId);
      if (isSplit) for (const shard of all.values()) shard.layout = "split";
      return all;
    }
    const shards = new Map([...subs].map(([shard, set]) => [shard, emptyShard(shard, set, isSplit ? "split" : "keep")]));
    for (const entity of await readByKeys(people, tenantId, keys)) fileRow(shards, entity, (s) => emptyShard(s, new Set(), "keep"));
    // Where none of the rows read exists, a new row is written: a whole row, unless the tenant is marked
    // split, which then has to be asked.
    const unplaced = [...shards.values()].filter((shard) => shard.layout === "keep" && shard.rows.size === 0);
    if (unplaced.length > 0 && (await isMarked())) for (const shard of unplaced) shard.layout = "split";
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
      // Deletes wait until every transaction of the partition is sent.
      const deletes: EntityWrite[] = [];
      function* writes(): Generator<EntityWrite> {
        for (const write of plan()) {
          if (!write.props) deletes.push(write);
          yield write;
        }
      }
      for (const batch of streamBatches(writes(), BATCH_LIMITS, sizeOf)) {
        const actions = batch.map((w): TransactionAction => {
          const entity: Record<string, unknown> & { partitionKey: string; rowKey: string } = toEntity(w);
          assertEntityWithinLimits(entity);
          if (!w.etag) return ["create", entity];
          if (w.slicesBefore === undefined) return ["update", entity, "Replace", { etag: w.etag }];
          // A row read whole is merged into: Table Storage charges a merge as a replace, and the emulator
          // updates a merged row in place where it removes and re-inserts a replaced one (work that grows
          // with the table). The slices the content no longer fills are emptied.
          for (let k = sliceCount(entity); k < w.slicesBefore; k++) entity[`d${k}`] = "";
          return ["update", entity, "Merge", { etag: w.etag }];
        });
        await client.submitTransaction(actions);
      }
      for (const w of deletes) await client.deleteEntity(partitionKey(tenantId, w.partition), w.rowKey, { etag: w.etag! });
    });
  }

  /** With every shard in memory, packs are regrouped from people; only their signatures are read. */
  async function planPacksFromAll(tenantId: string, shards: Map<number, LoadedShard>, touched: Set<string> | null): Promise<PlannedWrites> {
    function* everyone(): Iterable<Person> {
      for (const shard of shards.values()) yield* shard.people.values();
    }
    const grouped = groupReports(everyone());
    const refs = await listPackRefs(tenantId);
    const personOf = (id: string) => knownPerson(shards, id) ?? undefined;
    const managers = touched ? widenForMarks(touched, (id) => refs.has(id), (id) => grouped.has(id), personOf) : new Set([...grouped.keys(), ...refs.keys()]);
    const managersWithReports = new Set(grouped.keys());
    return plannedBy(managers, partitionOf, function* (ids) {
      for (const m of ids) yield* planPackWrites(m, grouped.get(m) ?? [], refs.get(m) ?? [], managersWithReports);
    });
  }

  async function planPacksIncrementally(tenantId: string, changes: Map<string, PersonChange>, shards: Map<number, LoadedShard>): Promise<PlannedWrites> {
    const packs = await updatePacks(changes, shards, { loadPacks: (ids) => loadPacks(tenantId, ids), getPeople: (ids) => reader.getPeople(tenantId, ids) });
    return plannedBy(packs.values(), (pack) => partitionOf(pack.managerId), function* (group) {
      for (const pack of group) yield* planPackWrites(pack.managerId, pack.reports.values(), pack.stored, pack.withReports);
    });
  }

  /** A complete update, one partition at a time: its stored shards are read and brought to the new
   * state before the next partition's are, so only one copy of each person is ever held. A partition's
   * patches are let go once applied; a retry takes that partition's people from the attempt before. */
  async function applyComplete(tenantId: string, input: CompleteInput, now: string): Promise<Changed> {
    const changes = new Map<string, PersonChange>();
    const added = new Set<string>();
    input.splitMark = null;
    await runLimited(allPartitions(), READ_CONCURRENCY, async (p) => {
      const own = new Map(shardsIn(p).map((s) => [s, emptyShard(s, "all", input.layout)]));
      for await (const entity of queryShards(tenantId, p)) {
        if (p === 0 && entity.rowKey === SPLIT_MARK_ROW) input.splitMark = storedRef(entity);
        else fileRow(own, entity, (s) => emptyShard(s, "all", input.layout));
      }
      const patches = input.byPartition[p] ?? shardsIn(p).flatMap((s) => [...(input.shards.get(s)?.people.values() ?? [])].map(asPatch));
      for (const [id, change] of applyToShards(own, patches, [], true, now)) {
        if (change.before) changes.set(id, change);
        else added.add(id);
      }
      input.byPartition[p] = null;
      for (const [number, shard] of own) input.shards.set(number, shard);
    });
    return { changes, added };
  }

  async function applyOnce(tenantId: string, input: PersonPatch[] | CompleteInput, removals: string[], found: (changed: Changed) => void): Promise<Map<number, LoadedShard>> {
    const now = new Date().toISOString();
    let shards: Map<number, LoadedShard>;
    let changed: Changed;
    if (!Array.isArray(input)) {
      changed = await applyComplete(tenantId, input, now);
      shards = input.shards;
      for (const id of removals) {
        const shard = shards.get(shardOf(id))!;
        const before = shard.people.get(id);
        if (!before) continue;
        const wasAdded = changed.added.delete(id);
        changed.changes.set(id, { before: wasAdded ? null : (changed.changes.get(id)?.before ?? before), after: null });
        shard.people.delete(id);
      }
    } else {
      shards = await loadForUpdate(tenantId, [...input.map((p) => p.id), ...removals]);
      changed = { changes: applyToShards(shards, input, removals, false, now), added: new Set() };
    }
    found(changed);
    const { changes, added } = changed;
    // A complete update also rewrites the shards whose rows are not in its layout.
    const toWrite = shardsOf([...changes.keys(), ...added]);
    for (const shard of shards.values()) if (needsRewrite(shard)) toWrite.add(shard.shard);
    const complete = Array.isArray(input) ? null : input;
    if (complete?.splitMark && complete.layout !== "split") {
      await people.deleteEntity(partitionKey(tenantId, 0), SPLIT_MARK_ROW, { etag: complete.splitMark.etag });
      complete.splitMark = null;
    }
    if (toWrite.size > 0) await writeChanges(tenantId, input, changes, added, shards, toWrite);
    if (complete && !complete.splitMark && complete.layout === "split") {
      await people.upsertEntity({ partitionKey: partitionKey(tenantId, 0), rowKey: SPLIT_MARK_ROW, n: 0 }, "Replace");
    }
    return shards;
  }

  async function writeChanges(tenantId: string, input: PersonPatch[] | CompleteInput, changes: Map<string, PersonChange>, added: Set<string>, shards: Map<number, LoadedShard>, toWrite: Set<number>): Promise<void> {
    if (changes.size > 0 || added.size > 0) {
      const hasEveryone = shards.size === SHARD_COUNT && [...shards.values()].every((shard) => shard.read === "all");
      const packWrites = hasEveryone ? await planPacksFromAll(tenantId, shards, Array.isArray(input) ? packsTouchedBy(changes) : null) : await planPacksIncrementally(tenantId, changes, shards);
      // Packs first: after a crash in between, the shards still describe the old state, and the rerun
      // of the same update rewrites whatever packs differ.
      await writePartitions(reports, tenantId, packWrites);
    }
    // Each partition's shards are encoded only when their turn to be written comes.
    await writePartitions(people, tenantId, plannedBy(toWrite, (s) => s % PARTITION_COUNT, (numbers) => streamShardWrites(shards, numbers)));
  }

  async function applyUpdate(tenantId: string, update: DirectoryUpdate): Promise<ApplyResult> {
    const input = update.isComplete ? fileByPartition(update.patches) : [...update.patches];
    const removals = [...(update.removals ?? [])];
    let changes = new Map<string, PersonChange>();
    let added = new Set<string>();
    // Every attempt's changes count: a write of a failed attempt may have landed, and the next
    // attempt, reading it back, no longer sees that change. The first attempt's are taken as they are
    // (a first sync of a million people adds a million).
    const found = (attempt: Changed) => {
      if (changes.size === 0 && added.size === 0) {
        ({ changes, added } = attempt);
        return;
      }
      for (const [id, change] of attempt.changes) {
        if (added.has(id)) {
          // Added by an earlier attempt: still an addition, unless this attempt removes them again.
          if (change.after) continue;
          added.delete(id);
          changes.set(id, { before: null, after: null });
          continue;
        }
        changes.set(id, { before: changes.has(id) ? changes.get(id)!.before : change.before, after: change.after });
      }
      for (const id of attempt.added) if (!changes.has(id)) added.add(id);
    };
    let shards = new Map<number, LoadedShard>();
    for (let attempt = 1; ; attempt++) {
      try {
        shards = await applyOnce(tenantId, input, removals, found);
        break;
      } catch (error) {
        // A write that timed out may have landed; the next attempt reads again and writes only what
        // still differs, so an update is never applied twice.
        const isBusy = isStorageBusy(error);
        if (!(isBusy || isConflict(error, "exists", "stale")) || attempt >= MAX_ATTEMPTS) throw error;
        if (isBusy) await new Promise((resolve) => setTimeout(resolve, BUSY_RETRY_DELAY_MS * attempt));
      }
    }
    let removed = 0;
    for (const change of changes.values()) if (!change.after) removed++;
    const lookup = (id: string) => knownPerson(shards, id);
    return { changes, added, written: changes.size - removed + added.size, removed, lookup };
  }

  const reader = createOrgReader({ loadPeople, loadPacks });

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
        // A person found in both a whole row and a sub-shard row is listed once, as in a read.
        const shards = new Map<number, LoadedShard>();
        for (const entity of entities) fileRow(shards, entity, (s) => emptyShard(s, "all", "keep"));
        for (const shard of shards.values()) yield* shard.people.values();
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
