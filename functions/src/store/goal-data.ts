/** Goals with their key results, audit trail and check-ins, and the indexes built from them. */
import { fromAuditEntity, fromCheckInEntity, fromGoalEntity, type GoalEntity } from "./goal-entity.js";
import { CASCADE_TABLE } from "./cascade-index.js";
import { PENDING_WRITES_TABLE } from "./pending-writes.js";
import { TABLE_NAMES, type TableFactory } from "./tables.js";
import { stripMetadata, type ErasureContext, type ExportRecord, type StoredEntity, type TenantDataStore } from "./tenant-data.js";
import { decideUsual, sweepTables, type SweepDecision } from "./tenant-sweep.js";

function toGoalRecords(entity: StoredEntity): ExportRecord[] {
  const rowKey = String(entity.rowKey);
  if (rowKey.startsWith("g|")) return entity["status"] === "deleted" ? [] : [{ section: "goals", record: fromGoalEntity(entity as unknown as GoalEntity) }];
  if (rowKey.startsWith("a|")) return [{ section: "audit", record: { ownerId: ownerOf(entity), ...fromAuditEntity(entity) } }];
  if (rowKey.startsWith("c|")) return [{ section: "checkIns", record: { ownerId: ownerOf(entity), ...fromCheckInEntity(entity) } }];
  return [{ section: "goalRows", record: stripMetadata(entity) }];
}

function ownerOf(entity: StoredEntity): string {
  return String(entity.partitionKey).split("|")[1] ?? "";
}

/** Other people's goals keep their history: the person's id becomes a placeholder, a goal waiting
 * for the person's approval waits for their successor, and a decided goal forgets its approver. */
function decideGoalRow(entity: StoredEntity, context: ErasureContext): SweepDecision {
  const usual = decideUsual(entity, context, "scrub");
  if (usual === "keep" || usual === "delete") return usual;
  if (entity["approverId"] === context.personId) usual.replace["approverId"] = entity["status"] === "pending_approval" ? (context.successorId ?? "") : "";
  return usual;
}

/** True when the JSON list of ids holds the id itself (whole values, never part of one). */
function isAmong(list: unknown, id: string): boolean {
  try {
    return (JSON.parse(String(list ?? "[]")) as unknown[]).includes(id);
  } catch {
    return false;
  }
}

export function createGoalData(factory: TableFactory): TenantDataStore {
  const table = (name: string, decide: (entity: StoredEntity) => SweepDecision) => ({ client: factory.getClient(name), name, decide });
  return {
    tables: [TABLE_NAMES.goals, TABLE_NAMES.goalIndex, TABLE_NAMES.children, CASCADE_TABLE, PENDING_WRITES_TABLE],
    exports: [{ table: TABLE_NAMES.goals, toRecords: toGoalRecords }],
    derived: {
      [TABLE_NAMES.goalIndex]: "goal id → owner pointers, rebuilt from goals",
      [TABLE_NAMES.children]: "parent → child links, rebuilt from goals' parentId",
      [CASCADE_TABLE]: "goal summaries per manager for the cascade views, rebuilt from goals and the org chart",
      [PENDING_WRITES_TABLE]: "goal writes in flight, whose indexes are repaired from goals at start",
    },
    erasePerson(context, report) {
      const remove = (entity: StoredEntity) => decideUsual(entity, context, "delete");
      const tables = [
        table(TABLE_NAMES.goals, (entity) => decideGoalRow(entity, context)),
        table(TABLE_NAMES.goalIndex, remove),
        table(TABLE_NAMES.children, remove),
        table(CASCADE_TABLE, remove),
        table(PENDING_WRITES_TABLE, (entity) => (isAmong(entity["ownerIds"], context.personId) ? "delete" : "keep")),
      ];
      return sweepTables(tables, context.tenantId, report);
    },
  };
}
