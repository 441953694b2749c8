/** The file ids an import has seen, per tenant: file id → the Cascade goal (and key result) it
 * became. Spread over a few partitions so that a 100k-row file is read in parallel and written in
 * batches; each row is written once, when its id is first seen, and never changed. */
import type { TransactionAction } from "@azure/data-tables";
import { fingerprint } from "../domain/admin.js";
import type { ImportMapping } from "../domain/import/import-plan.js";
import type { ImportMappingStore } from "../domain/import/import-service.js";
import { runLimited } from "../domain/run-limited.js";
import { assertEntityWithinLimits, getEntityOrNull, isConflict, makeKey, quoteOData, TABLE_LIMITS, type TableFactory } from "./tables.js";
import type { StoredEntity, TenantDataStore } from "./tenant-data.js";

export const IMPORT_IDS_TABLE = "importids";
const SHARDS = 16;
const WRITE_CONCURRENCY = 8;

type MappingEntity = {
  partitionKey: string;
  rowKey: string;
  fileId: string;
  goalId: string;
  keyResultId: string;
};

const shardOf = (fileId: string) => parseInt(fingerprint(fileId).slice(-4), 16) % SHARDS;
const partitionOf = (tenantId: string, shard: number) => makeKey(tenantId, "import", String(shard));

function toEntity(tenantId: string, mapping: ImportMapping): MappingEntity {
  return { partitionKey: partitionOf(tenantId, shardOf(mapping.fileId)), rowKey: Buffer.from(mapping.fileId, "utf8").toString("base64url"), fileId: mapping.fileId, goalId: mapping.goalId, keyResultId: mapping.keyResultId ?? "" };
}

export function createImportIds(factory: TableFactory): ImportMappingStore & { readonly tables: string[] } {
  const table = factory.getClient(IMPORT_IDS_TABLE);
  /** A batch sent again after a timeout finds rows it wrote itself: those that say the same are kept. */
  async function addOneByOne(batch: MappingEntity[]): Promise<void> {
    for (const entity of batch) {
      const stored = await getEntityOrNull<MappingEntity>(table, entity.partitionKey, entity.rowKey);
      if (!stored) await table.createEntity(entity);
      else if (stored.goalId !== entity.goalId || stored.keyResultId !== entity.keyResultId) throw new Error("An import id was remembered by another import at the same time; run the import again.");
    }
  }

  return {
    tables: [IMPORT_IDS_TABLE],
    async listMappings(tenantId) {
      const found = new Map<string, ImportMapping>();
      // A goal's id is kept once for the goal's mapping and its key results'.
      const goalIds = new Map<string, string>();
      await runLimited([...Array(SHARDS).keys()], SHARDS, async (shard) => {
        const query = { filter: `PartitionKey eq ${quoteOData(partitionOf(tenantId, shard))}`, select: ["fileId", "goalId", "keyResultId"] };
        for await (const row of table.listEntities<MappingEntity>({ queryOptions: query })) {
          let goalId = goalIds.get(row.goalId);
          if (goalId === undefined) goalIds.set(row.goalId, (goalId = row.goalId));
          found.set(row.fileId, { fileId: row.fileId, goalId, keyResultId: row.keyResultId || null });
        }
      });
      return found;
    },
    async addMappings(tenantId, mappings) {
      const byPartition = new Map<string, MappingEntity[]>();
      for (const mapping of mappings) {
        const entity = toEntity(tenantId, mapping);
        assertEntityWithinLimits(entity);
        const list = byPartition.get(entity.partitionKey) ?? [];
        list.push(entity);
        byPartition.set(entity.partitionKey, list);
      }
      const batches = [...byPartition.values()].flatMap((list) => Array.from({ length: Math.ceil(list.length / TABLE_LIMITS.maxBatch) }, (_, i) => list.slice(i * TABLE_LIMITS.maxBatch, (i + 1) * TABLE_LIMITS.maxBatch)));
      await runLimited(batches, WRITE_CONCURRENCY, async (batch) => {
        try {
          await table.submitTransaction(batch.map((entity): TransactionAction => ["create", entity]));
        } catch (error) {
          if (!isConflict(error, "exists")) throw error;
          await addOneByOne(batch);
        }
      });
    },
  };
}

/** The ids hold no one's personal data; they are exported so a tenant's data leaves complete. */
export function createImportIdsData(): TenantDataStore {
  return {
    tables: [IMPORT_IDS_TABLE],
    exports: [{ table: IMPORT_IDS_TABLE, toRecords: (entity: StoredEntity) => [{ section: "importIds", record: { fileId: entity["fileId"], goalId: entity["goalId"], keyResultId: entity["keyResultId"] || null } }] }],
    derived: {},
    erasePerson: async () => ({}),
  };
}
