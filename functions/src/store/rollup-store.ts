/** Team roll-ups in Table Storage (see domain/team-rollup-service.ts). One partition per person:
 * their own contribution per cycle (o|cycle), and for each direct report the report's subtree roll-up
 * per cycle (t|cycle|report) and head count (p|report). A dashboard is one query of the manager's
 * partition; a chain step is one query of the person's partition. Roll-ups are JSON, split over
 * properties p0, p1, … when longer than one string property holds. */
import type { TableClient, TableEntityResult, TransactionAction } from "@azure/data-tables";
import { AppError } from "../domain/errors.js";
import type { RollUpRecordValue } from "../domain/team-rollup-rebuild.js";
import type { RollUpRows, RollUpSlot } from "../domain/team-rollup-service.js";
import type { RollUp } from "../domain/team-rollups.js";
import { assertEntityWithinLimits, filterByPrefix, isConflict, joinChunks, makeKey, prefixUpperBound, quoteOData, splitChunks, TABLE_LIMITS, type TableFactory } from "./tables.js";
import { tenantFilter } from "./tenant-data.js";
import { toTransactions } from "./import-goal-writes.js";
import { runLimited } from "../domain/run-limited.js";

export const ROLLUPS_TABLE = "rollups";

type Entity = TableEntityResult<Record<string, unknown>>;

/** A stored row, for the rebuild and for checks. */
export type RollUpRecord = RollUpRecordValue;

export interface RollUpStore extends RollUpRows {
  readonly tables: string[];
  listAll(tenantId: string): Promise<RollUpRecord[]>;
  /** Makes the tenant's rows these: writes what differs, deletes the rest, but leaves a row that
   * another writer changed, created or deleted after this listed the rows. Returns the rows changed. */
  replaceAll(tenantId: string, records: readonly RollUpRecord[]): Promise<number>;
}

export function slotRowKey(slot: RollUpSlot): string {
  switch (slot.kind) {
    case "own":
      return makeKey("o", slot.cycleId);
    case "team":
      return makeKey("t", slot.cycleId, slot.reportId);
    case "people":
      return makeKey("p", slot.reportId);
  }
}

export function parseSlot(rowKey: string): RollUpSlot | null {
  const kind = rowKey.slice(0, 2);
  const rest = rowKey.slice(2);
  if (kind === "o|") return { kind: "own", cycleId: rest };
  if (kind === "p|") return { kind: "people", reportId: rest };
  const last = rest.lastIndexOf("|");
  if (kind === "t|" && last > 0) return { kind: "team", cycleId: rest.slice(0, last), reportId: rest.slice(last + 1) };
  return null;
}

const rangeFilter = (prefix: string) => `(RowKey ge ${quoteOData(prefix)} and RowKey lt ${quoteOData(prefixUpperBound(prefix))})`;

function toValue(entity: Entity): RollUp | number {
  if (typeof entity["people"] === "number") return entity["people"];
  return JSON.parse(joinChunks(entity, Number(entity["chunks"]))) as RollUp;
}

function toProps(value: RollUp | number): Record<string, unknown> {
  if (typeof value === "number") return { people: value };
  const chunks = splitChunks(JSON.stringify(value));
  return { chunks: Object.keys(chunks).length, ...chunks };
}

/** A row as stored, for writers that fill the table in bulk (benchmarks seeding a large org). */
export function toRollUpEntity(tenantId: string, record: RollUpRecord): { partitionKey: string; rowKey: string } & Record<string, unknown> {
  return { partitionKey: makeKey(tenantId, record.at), rowKey: slotRowKey(record.slot), ...toProps(record.value) };
}

/** Transactions of a rebuild sent at once. */
const BULK_CONCURRENCY = 16;

const lostRace = () => new AppError("precondition_failed", "The roll-up changed while it was being recomputed.");

export function createRollUpStore(factory: TableFactory): RollUpStore {
  const table: TableClient = factory.getClient(ROLLUPS_TABLE);
  const partition = (tenantId: string, personId: string) => makeKey(tenantId, personId);

  async function query(filter: string, select?: string[]): Promise<Entity[]> {
    const found: Entity[] = [];
    for await (const entity of table.listEntities<Record<string, unknown>>({ queryOptions: { filter, ...(select ? { select } : {}) } })) found.push(entity);
    return found;
  }

  async function deleteRows(pk: string, rowKeys: string[]): Promise<void> {
    for (let i = 0; i < rowKeys.length; i += TABLE_LIMITS.maxBatch) {
      const actions = rowKeys.slice(i, i + TABLE_LIMITS.maxBatch).map((rowKey): TransactionAction => ["delete", { partitionKey: pk, rowKey }]);
      try {
        await table.submitTransaction(actions);
      } catch (error) {
        if (!isConflict(error, "gone")) throw error;
        // One of them went meanwhile: delete the rest one by one.
        for (const [, entity] of actions) await table.deleteEntity(entity.partitionKey, entity.rowKey).catch((e: unknown) => { if (!isConflict(e, "gone")) throw e; });
      }
    }
  }

  /** Sends conditional writes of one partition together; when one of them lost to another writer,
   * sends them one at a time and leaves the rows that changed meanwhile as they are. Returns how many
   * went through. */
  async function submitUnlessChanged(actions: TransactionAction[]): Promise<number> {
    try {
      await table.submitTransaction(actions);
      return actions.length;
    } catch (error) {
      if (!isConflict(error)) throw error;
    }
    let done = 0;
    for (const action of actions) {
      try {
        await table.submitTransaction([action]);
        done++;
      } catch (error) {
        if (!isConflict(error)) throw error;
      }
    }
    return done;
  }

  const partitionRowKeys = async (pk: string) => (await query(`PartitionKey eq ${quoteOData(pk)}`, ["RowKey"])).map((e) => e.rowKey!);

  async function put(pk: string, rowKey: string, value: RollUp | number, etag: string | null): Promise<void> {
    const entity = { partitionKey: pk, rowKey, ...toProps(value) };
    assertEntityWithinLimits(entity);
    try {
      if (etag) await table.updateEntity(entity, "Replace", { etag });
      else await table.createEntity(entity);
    } catch (error) {
      if (isConflict(error)) throw lostRace();
      throw error;
    }
  }

  return {
    tables: [ROLLUPS_TABLE],
    async read(tenantId, at, slot) {
      try {
        const entity = await table.getEntity<Record<string, unknown>>(partition(tenantId, at), slotRowKey(slot));
        return { value: toValue(entity), etag: entity.etag };
      } catch (error) {
        if (isConflict(error, "gone")) return null;
        throw error;
      }
    },
    async write(tenantId, at, slot, value, etag) {
      const pk = partition(tenantId, at);
      const rowKey = slotRowKey(slot);
      if (value !== null) return put(pk, rowKey, value, etag);
      if (!etag) return;
      try {
        await table.deleteEntity(pk, rowKey, { etag });
      } catch (error) {
        if (isConflict(error, "stale")) throw lostRace();
        if (!isConflict(error, "gone")) throw error;
      }
    },
    async readBelow(tenantId, personId, cycleId) {
      const pk = partition(tenantId, personId);
      const ownKey = slotRowKey({ kind: "own", cycleId });
      const rows = await query(`PartitionKey eq ${quoteOData(pk)} and (RowKey eq ${quoteOData(ownKey)} or ${rangeFilter(makeKey("t", cycleId, ""))})`);
      let own: RollUp | null = null;
      const reports = new Map<string, RollUp>();
      for (const row of rows) {
        const slot = parseSlot(row.rowKey!);
        if (slot?.kind === "own") own = toValue(row) as RollUp;
        else if (slot?.kind === "team" && slot.cycleId === cycleId) reports.set(slot.reportId, toValue(row) as RollUp);
      }
      return { own, reports };
    },
    async readPeopleBelow(tenantId, personId) {
      const rows = await query(filterByPrefix(partition(tenantId, personId), "p|"));
      return new Map(rows.map((row) => [row.rowKey!.slice(2), Number(row["people"])]));
    },
    async listCyclesAt(tenantId, personId) {
      const cycles = new Set<string>();
      for (const rowKey of await partitionRowKeys(partition(tenantId, personId))) {
        const slot = parseSlot(rowKey);
        if (slot && slot.kind !== "people") cycles.add(slot.cycleId);
      }
      return [...cycles];
    },
    async dropPartition(tenantId, personId) {
      const pk = partition(tenantId, personId);
      await deleteRows(pk, await partitionRowKeys(pk));
    },
    async dropReport(tenantId, managerId, reportId) {
      const pk = partition(tenantId, managerId);
      const about = (rowKey: string) => {
        const slot = parseSlot(rowKey);
        return slot !== null && slot.kind !== "own" && slot.reportId === reportId;
      };
      await deleteRows(pk, (await partitionRowKeys(pk)).filter(about));
    },
    async readTeam(tenantId, managerId, cycleId) {
      const rows = await query(`PartitionKey eq ${quoteOData(partition(tenantId, managerId))} and (${rangeFilter("p|")} or ${rangeFilter(makeKey("t", cycleId, ""))})`);
      const people = new Map<string, number>();
      const rollUps = new Map<string, RollUp>();
      for (const row of rows) {
        const slot = parseSlot(row.rowKey!);
        if (slot?.kind === "people") people.set(slot.reportId, Number(row["people"]));
        else if (slot?.kind === "team" && slot.cycleId === cycleId) rollUps.set(slot.reportId, toValue(row) as RollUp);
      }
      return { people, rollUps };
    },
    async listAll(tenantId) {
      const records: RollUpRecord[] = [];
      for (const row of await query(tenantFilter(tenantId))) {
        const slot = parseSlot(row.rowKey!);
        if (slot) records.push({ at: row.partitionKey!.slice(tenantId.length + 1), slot, value: toValue(row) });
      }
      return records;
    },
    async replaceAll(tenantId, records) {
      // Every write and delete is conditional on the version listed here: a row the incremental upkeep
      // wrote, created or deleted after this listing is newer than the rebuild's figures and is kept.
      const stored = new Map((await query(tenantFilter(tenantId))).map((row) => [`${row.partitionKey}\n${row.rowKey}`, row]));
      const byPartition = new Map<string, TransactionAction[]>();
      const add = (pk: string, action: TransactionAction) => {
        const list = byPartition.get(pk);
        if (list) list.push(action);
        else byPartition.set(pk, [action]);
      };
      for (const record of records) {
        const pk = partition(tenantId, record.at);
        const rowKey = slotRowKey(record.slot);
        const key = `${pk}\n${rowKey}`;
        const current = stored.get(key);
        stored.delete(key);
        if (current && JSON.stringify(toValue(current)) === JSON.stringify(record.value)) continue;
        const entity = { partitionKey: pk, rowKey, ...toProps(record.value) };
        assertEntityWithinLimits(entity);
        add(pk, current ? ["update", entity, "Replace", { etag: current.etag }] : ["create", entity]);
      }
      const batches = [...byPartition.values()].flatMap((list) => toTransactions(list, (action): TransactionAction[] => [action]));
      const written = await runLimited(batches, BULK_CONCURRENCY, (batch) => submitUnlessChanged(batch.actions));
      // A transaction cannot make a delete conditional, so the rows to delete (few: a rebuild mostly
      // finds rows to write) go one request each.
      const deleted = await runLimited([...stored.values()], BULK_CONCURRENCY, async (row) => {
        try {
          await table.deleteEntity(row.partitionKey!, row.rowKey!, { etag: row.etag });
          return 1;
        } catch (error) {
          if (isConflict(error, "stale", "gone")) return 0;
          throw error;
        }
      });
      return [...written, ...deleted].reduce((sum, n) => sum + n, 0);
    },
  };
}
