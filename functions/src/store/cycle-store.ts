/** Cycles and tenant settings: small per-tenant partitions. */
import type { CycleRepository } from "../domain/ports.js";
import type { TenantPolicy } from "../domain/goal-context.js";
import type { Cycle } from "../domain/types.js";
import { getEntityOrNull, quoteOData, type TableFactory } from "./tables.js";

export const CYCLES_TABLE = "cycles";
export const SETTINGS_TABLE = "settings";

interface CycleEntity {
  partitionKey: string;
  rowKey: string;
  name: string;
  startDate: string;
  endDate: string;
  status: string;
  /** Absent on rows written before close-out could be opened early. */
  closeOutOpenedAt?: string;
}

export function createCycleStore(factory: TableFactory): CycleRepository & { readonly tables: string[] } {
  const table = factory.getClient(CYCLES_TABLE);
  const toCycle = (tenantId: string, e: CycleEntity): Cycle => ({ tenantId, id: e.rowKey, name: e.name, startDate: e.startDate, endDate: e.endDate, status: e.status as Cycle["status"], ...(e.closeOutOpenedAt ? { closeOutOpenedAt: e.closeOutOpenedAt } : {}) });
  return {
    tables: [CYCLES_TABLE],
    async listCycles(tenantId) {
      const cycles: Cycle[] = [];
      for await (const e of table.listEntities<CycleEntity>({ queryOptions: { filter: `PartitionKey eq ${quoteOData(tenantId)}` } })) cycles.push(toCycle(tenantId, e));
      return cycles.sort((a, b) => a.startDate.localeCompare(b.startDate));
    },
    async getCycle(tenantId, cycleId) {
      const entity = await getEntityOrNull<CycleEntity>(table, tenantId, cycleId);
      return entity ? toCycle(tenantId, entity) : null;
    },
    async saveCycle(cycle) {
      const { tenantId, id, name, startDate, endDate, status } = cycle;
      await table.upsertEntity({ partitionKey: tenantId, rowKey: id, name, startDate, endDate, status, ...(cycle.closeOutOpenedAt ? { closeOutOpenedAt: cycle.closeOutOpenedAt } : {}) }, "Replace");
    },
  };
}

export const DEFAULT_POLICY: TenantPolicy = { isApprovalRequired: true, organisationGoalOwnerIds: [], isProactiveInstallEnabled: false };

export interface SettingsStore {
  readonly tables: string[];
  getPolicy(tenantId: string): Promise<TenantPolicy>;
  savePolicy(tenantId: string, policy: TenantPolicy): Promise<void>;
  /** Small named markers per tenant (for example, that the demo data was seeded). */
  hasMarker(tenantId: string, name: string): Promise<boolean>;
  setMarker(tenantId: string, name: string): Promise<void>;
}

export function createSettingsStore(factory: TableFactory): SettingsStore {
  const table = factory.getClient(SETTINGS_TABLE);
  return {
    tables: [SETTINGS_TABLE],
    async getPolicy(tenantId) {
      const entity = await getEntityOrNull<{ policy: string }>(table, tenantId, "policy");
      return entity ? { ...DEFAULT_POLICY, ...(JSON.parse(entity.policy) as Partial<TenantPolicy>) } : DEFAULT_POLICY;
    },
    async savePolicy(tenantId, policy) {
      await table.upsertEntity({ partitionKey: tenantId, rowKey: "policy", policy: JSON.stringify(policy) }, "Replace");
    },
    async hasMarker(tenantId, name) {
      return (await getEntityOrNull(table, tenantId, `marker|${name}`)) !== null;
    },
    async setMarker(tenantId, name) {
      await table.upsertEntity({ partitionKey: tenantId, rowKey: `marker|${name}`, at: new Date().toISOString() }, "Replace");
    },
  };
}
