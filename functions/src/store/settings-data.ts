/** Cycles, the tenant policy and the admin's own bookkeeping. */
import { ADMIN_TABLE, toLogEntry } from "./admin-store.js";
import { PIN_ROW_PREFIX } from "./channel-pin-store.js";
import { CYCLES_TABLE, SETTINGS_TABLE } from "./cycle-store.js";
import type { TableFactory } from "./tables.js";
import { parseStoredJson, stripMetadata, type ErasureContext, type ExportRecord, type StoredEntity, type TenantDataStore } from "./tenant-data.js";
import { decideUsual, sweepTables, type SweepDecision } from "./tenant-sweep.js";

function toCycleRecords(entity: StoredEntity): ExportRecord[] {
  const { partitionKey: _pk, rowKey, ...rest } = stripMetadata(entity);
  return [{ section: "cycles", record: { id: rowKey, ...rest } }];
}

function toSettingsRecords(entity: StoredEntity): ExportRecord[] {
  const { partitionKey: _pk, rowKey, ...rest } = stripMetadata(entity);
  if (rowKey.startsWith(PIN_ROW_PREFIX)) return [{ section: "settings", record: { kind: "channel_pin", ...rest } }];
  if (rowKey === "policy") return [{ section: "settings", record: { kind: "policy", ...(JSON.parse(String(rest["policy"] ?? "{}")) as object) } }];
  return [{ section: "settings", record: { kind: "marker", name: rowKey.replace(/^marker\|/, ""), ...rest } }];
}

function toAdminRecords(entity: StoredEntity): ExportRecord[] {
  const rowKey = String(entity.rowKey);
  if (rowKey.startsWith("log|")) return [{ section: "adminLog", record: toLogEntry(entity) }];
  if (rowKey.startsWith("job|")) return [{ section: "adminJobs", record: JSON.parse(String(entity["record"] ?? "null")) }];
  return [];
}

/** The person stops being an organisation-goal owner; the rest of the policy stays. */
function decidePolicy(entity: StoredEntity, context: ErasureContext): SweepDecision {
  const policy = entity.rowKey === "policy" ? (parseStoredJson(String(entity["policy"] ?? "")) as { organisationGoalOwnerIds?: unknown } | undefined) : undefined;
  const owners = Array.isArray(policy?.organisationGoalOwnerIds) ? (policy.organisationGoalOwnerIds as unknown[]) : [];
  if (!owners.includes(context.personId)) return decideUsual(entity, context, "scrub");
  return { replace: { ...stripMetadata(entity), policy: JSON.stringify({ ...policy, organisationGoalOwnerIds: owners.filter((id) => id !== context.personId) }) } };
}

export function createSettingsData(factory: TableFactory): TenantDataStore {
  const table = (name: string, decide: (entity: StoredEntity) => SweepDecision) => ({ client: factory.getClient(name), name, decide });
  return {
    tables: [CYCLES_TABLE, SETTINGS_TABLE, ADMIN_TABLE],
    exports: [
      { table: CYCLES_TABLE, toRecords: toCycleRecords },
      { table: SETTINGS_TABLE, toRecords: toSettingsRecords },
      { table: ADMIN_TABLE, toRecords: toAdminRecords },
    ],
    derived: {},
    erasePerson(context, report) {
      const tables = [
        table(CYCLES_TABLE, (entity) => decideUsual(entity, context, "scrub")),
        table(SETTINGS_TABLE, (entity) => decidePolicy(entity, context)),
        table(ADMIN_TABLE, (entity) => decideUsual(entity, context, "scrub")),
      ];
      return sweepTables(tables, context.tenantId, report);
    },
  };
}
