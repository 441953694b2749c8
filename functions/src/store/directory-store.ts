/** The org chart in Table Storage. The layout and the write planning are pure (directory/org-packing.ts,
 * directory/org-plan.ts); this file reads, writes with ETags in per-partition transactions, and answers
 * the reader queries. Every key starts with the tenant id. */
import type { TableClient, TableEntityResult, TransactionAction } from "@azure/data-tables";
import type { DirectoryReader, DirectoryWriter } from "../domain/ports.js";
import type { Person } from "../domain/types.js";
import { decodeMembers, decodePeople, filedManagerOf, packRowKey, partitionName, partitionOf, shardOf, shardRowKey, toPatch, PARTITION_COUNT, SHARD_COUNT, type PersonPatch } from "../directory/org-packing.js";
import { applyToPacks, applyToShards, groupReports, markManager, packsTouchedBy, parsePackRowKey, planPackWrites, planShardWrites, type EntityWrite, type LoadedPack, type LoadedShard, type PersonChange, type StoredRef } from "../directory/org-plan.js";
import { walkManagerChain, walkSubtree } from "../directory/org-walk.js";
import { runLimited } from "../directory/run-limited.js";
import { assertEntityWithinLimits, getEntityOrNull, isStatus, makeKey, quoteOData, TABLE_LIMITS, TABLE_NAMES, type TableFactory } from "./tables.js";

const READ_CONCURRENCY = 16;
/** Above these counts a pass over all of a tenant's partitions beats point reads (measured on Azurite,
 * where per-request cost dominates; on Azure both are cheap). */
const SHARD_SCAN_THRESHOLD = SHARD_COUNT / 16;
const PACK_SCAN_THRESHOLD = 300;
const WRITE_CONCURRENCY = 8;
const MAX_ATTEMPTS = 3;
/** Strings travel as UTF-16 in the size the service counts; stay under its 4 MiB batch limit. */
const MAX_BATCH_CHARS = TABLE_LIMITS.maxBatchBytes / 2 - 256 * 1024;

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
}

export interface TableDirectory extends DirectoryReader, DirectoryWriter {
  readonly tables: string[];
  listPeople(tenantId: string): AsyncIterable<Person>;
  getPeople(tenantId: string, ids: Iterable<string>): Promise<Map<string, Person>>;
  applyUpdate(tenantId: string, update: DirectoryUpdate): Promise<ApplyResult>;
}

type Entity = TableEntityResult<Record<string, unknown>>;

const partitionKey = (tenantId: string, partition: number) => makeKey(tenantId, partitionName(partition));
const allPartitions = () => Array.from({ length: PARTITION_COUNT }, (_, p) => p);
const isConflict = (error: unknown) => isStatus(error, 409) || isStatus(error, 412);

function storedRef(entity: Entity): StoredRef {
  return { rowKey: entity.rowKey!, etag: entity.etag, sig: String(entity.sig ?? "") };
}

export function createTableDirectory(factory: TableFactory): TableDirectory {
  const people = factory.getClient(TABLE_NAMES.people);
  const reports = factory.getClient(TABLE_NAMES.reports);

  async function* queryPartition(client: TableClient, tenantId: string, partition: number, select?: string[]): AsyncIterable<Entity> {
    const queryOptions = { filter: `PartitionKey eq ${quoteOData(partitionKey(tenantId, partition))}`, ...(select ? { select } : {}) };
    yield* client.listEntities<Record<string, unknown>>({ queryOptions });
  }

  function toShard(shard: number, entity: Entity | null): LoadedShard {
    return { shard, stored: entity && storedRef(entity), people: new Map(entity ? decodePeople(entity).map((p) => [p.id, p]) : []) };
  }

  async function loadShards(tenantId: string, wanted: Set<number> | "all"): Promise<Map<number, LoadedShard>> {
    const shards = new Map<number, LoadedShard>();
    if (wanted === "all" || wanted.size > SHARD_SCAN_THRESHOLD) {
      for (let s = 0; s < SHARD_COUNT; s++) shards.set(s, toShard(s, null));
      await runLimited(allPartitions(), READ_CONCURRENCY, async (p) => {
        for await (const entity of queryPartition(people, tenantId, p)) {
          const shard = parseInt(entity.rowKey!.slice(1), 16);
          shards.set(shard, toShard(shard, entity));
        }
      });
      return shards;
    }
    await runLimited([...wanted], READ_CONCURRENCY, async (s) => {
      shards.set(s, toShard(s, await getEntityOrNull(people, partitionKey(tenantId, s % PARTITION_COUNT), shardRowKey(s))));
    });
    return shards;
  }

  function addChunk(pack: LoadedPack, entity: Entity): void {
    const { people: members, withReports } = decodeMembers(entity);
    pack.stored[parsePackRowKey(entity.rowKey!).chunk] = storedRef(entity);
    for (const person of members) pack.reports.set(person.id, person);
    for (const id of withReports) pack.withReports.add(id);
  }

  const emptyPack = (managerId: string): LoadedPack => ({ managerId, stored: [], reports: new Map(), withReports: new Set() });

  async function loadPack(tenantId: string, managerId: string): Promise<LoadedPack> {
    const pk = partitionKey(tenantId, partitionOf(managerId));
    const first = await getEntityOrNull<Record<string, unknown>>(reports, pk, packRowKey(managerId, 0));
    const pack = emptyPack(managerId);
    if (!first) return pack;
    const rest = Array.from({ length: Math.max(0, Number(first.chunks ?? 1) - 1) }, (_, i) => i + 1);
    const others = await runLimited(rest, READ_CONCURRENCY, (chunk) => getEntityOrNull<Record<string, unknown>>(reports, pk, packRowKey(managerId, chunk)));
    for (const entity of [first, ...others]) if (entity) addChunk(pack, entity);
    return pack;
  }

  /** Point reads for a few packs; for many, one pass over the partitions is cheaper. */
  async function loadPacks(tenantId: string, managerIds: Iterable<string>): Promise<Map<string, LoadedPack>> {
    const wanted = [...new Set(managerIds)];
    if (wanted.length <= PACK_SCAN_THRESHOLD) {
      const loaded = await runLimited(wanted, READ_CONCURRENCY, (id) => loadPack(tenantId, id));
      return new Map(loaded.map((pack) => [pack.managerId, pack]));
    }
    const packs = new Map(wanted.map((id) => [id, emptyPack(id)]));
    await runLimited(allPartitions(), READ_CONCURRENCY, async (p) => {
      for await (const entity of queryPartition(reports, tenantId, p)) {
        const pack = packs.get(parsePackRowKey(entity.rowKey!).managerId);
        if (pack) addChunk(pack, entity);
      }
    });
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

  function toTransactions(tenantId: string, writes: EntityWrite[]): TransactionAction[][] {
    const batches: TransactionAction[][] = [];
    let batch: TransactionAction[] = [];
    let chars = 0;
    for (const write of writes) {
      const entity = { partitionKey: partitionKey(tenantId, write.partition), rowKey: write.rowKey, ...write.props };
      assertEntityWithinLimits(entity);
      const size = JSON.stringify(entity).length;
      if (batch.length === TABLE_LIMITS.maxBatch || (batch.length > 0 && chars + size > MAX_BATCH_CHARS)) {
        batches.push(batch);
        batch = [];
        chars = 0;
      }
      batch.push(write.etag ? ["update", entity, "Replace", { etag: write.etag }] : ["create", entity]);
      chars += size;
    }
    if (batch.length > 0) batches.push(batch);
    return batches;
  }

  /** One partition at a time per partition (ordered), many partitions in parallel. */
  async function writeEntities(client: TableClient, tenantId: string, writes: EntityWrite[]): Promise<void> {
    const byPartition = new Map<number, EntityWrite[]>();
    for (const write of writes) {
      const group = byPartition.get(write.partition);
      if (group) group.push(write);
      else byPartition.set(write.partition, [write]);
    }
    await runLimited([...byPartition.values()], WRITE_CONCURRENCY, async (group) => {
      for (const actions of toTransactions(tenantId, group.filter((w) => w.props))) await client.submitTransaction(actions);
      for (const write of group.filter((w) => !w.props)) {
        await client.deleteEntity(partitionKey(tenantId, write.partition), write.rowKey, { etag: write.etag! });
      }
    });
  }

  async function planCompletePacks(tenantId: string, shards: Map<number, LoadedShard>): Promise<EntityWrite[]> {
    const grouped = groupReports([...shards.values()].flatMap((shard) => [...shard.people.values()]));
    const managers = new Set(grouped.keys());
    const stored = await listPackRefs(tenantId);
    const all = new Set([...grouped.keys(), ...stored.keys()]);
    return [...all].flatMap((m) => planPackWrites(m, grouped.get(m) ?? [], stored.get(m) ?? [], managers));
  }

  /** A manager whose pack became empty or non-empty gets their mark changed in their own manager's pack. */
  async function planIncrementalPacks(tenantId: string, changes: Map<string, PersonChange>, shards: Map<number, LoadedShard>): Promise<EntityWrite[]> {
    const packs = await loadPacks(tenantId, packsTouchedBy(changes));
    const flipped = applyToPacks(packs, changes);
    const found = await getPeople(tenantId, flipped.filter((id) => !shards.has(shardOf(id))));
    const filedUnder = new Map<string, string>();
    for (const id of flipped) {
      const person = shards.get(shardOf(id))?.people.get(id) ?? found.get(id);
      const managerId = person && filedManagerOf(person);
      if (managerId) filedUnder.set(id, managerId);
    }
    for (const [id, pack] of await loadPacks(tenantId, [...filedUnder.values()].filter((m) => !packs.has(m)))) packs.set(id, pack);
    for (const [id, managerId] of filedUnder) markManager(packs.get(managerId)!, id, packs.get(id)!.reports.size > 0);
    return [...packs.values()].flatMap((pack) => planPackWrites(pack.managerId, pack.reports.values(), pack.stored, pack.withReports));
  }

  async function applyOnce(tenantId: string, patches: PersonPatch[], removals: string[], isComplete: boolean): Promise<Map<string, PersonChange>> {
    const wanted = isComplete ? "all" : new Set([...patches.map((p) => p.id), ...removals].map(shardOf));
    const shards = await loadShards(tenantId, wanted);
    const changes = applyToShards(shards, patches, removals, isComplete, new Date().toISOString());
    if (changes.size === 0) return changes;
    const packWrites = isComplete ? await planCompletePacks(tenantId, shards) : await planIncrementalPacks(tenantId, changes, shards);
    // Packs first: a crash in between leaves shards (the source for a complete rewrite) unchanged.
    await writeEntities(reports, tenantId, packWrites);
    await writeEntities(people, tenantId, planShardWrites(shards, changes.keys()));
    return changes;
  }

  async function applyUpdate(tenantId: string, update: DirectoryUpdate): Promise<ApplyResult> {
    const patches = [...update.patches];
    const removals = [...(update.removals ?? [])];
    const changes = new Map<string, PersonChange>();
    for (let attempt = 1; ; attempt++) {
      try {
        for (const [id, change] of await applyOnce(tenantId, patches, removals, update.isComplete ?? false)) {
          changes.set(id, { before: changes.get(id)?.before ?? change.before, after: change.after });
        }
        break;
      } catch (error) {
        if (!isConflict(error) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
    let removed = 0;
    for (const change of changes.values()) if (!change.after) removed++;
    return { changes, written: changes.size - removed, removed };
  }

  async function getPeople(tenantId: string, ids: Iterable<string>): Promise<Map<string, Person>> {
    const wanted = new Set(ids);
    const shards = await loadShards(tenantId, new Set([...wanted].map(shardOf)));
    const found = new Map<string, Person>();
    for (const id of wanted) {
      const person = shards.get(shardOf(id))?.people.get(id);
      if (person) found.set(id, person);
    }
    return found;
  }

  const getPerson = async (tenantId: string, personId: string) => (await getPeople(tenantId, [personId])).get(personId) ?? null;
  const byName = (a: Person, b: Person) => a.displayName.localeCompare(b.displayName) || (a.id < b.id ? -1 : 1);

  return {
    tables: [TABLE_NAMES.people, TABLE_NAMES.reports],
    getPerson,
    getPeople,
    applyUpdate,
    getManagerChain: (tenantId, personId) => walkManagerChain(personId, (id) => getPerson(tenantId, id)),
    async listDirectReports(tenantId, managerId) {
      const pack = await loadPack(tenantId, managerId);
      return [...pack.reports.values()].filter((p) => p.id !== managerId).sort(byName);
    },
    listSubtree: (tenantId, managerId) =>
      walkSubtree(managerId, async (ids) => {
        const packs = await loadPacks(tenantId, ids);
        return new Map([...packs].map(([id, pack]) => [id, [...pack.reports.values()].sort(byName).map((person) => ({ person, hasReports: pack.withReports.has(person.id) }))]));
      }),
    async *listPeople(tenantId) {
      for (const p of allPartitions()) for await (const entity of queryPartition(people, tenantId, p)) yield* decodePeople(entity);
    },
    async upsertPeople(tenantId, list) {
      await applyUpdate(tenantId, { patches: list.map(toPatch) });
    },
    async removePeople(tenantId, ids) {
      await applyUpdate(tenantId, { patches: [], removals: ids });
    },
  };
}
