/** Kudos and comments, approval requests and the cards sent, chat registrations, app installs
 * Cascade made for people, team roll-ups, and the dashboard caches of earlier versions. */
import { APP_INSTALLS_TABLE } from "./app-install-store.js";
import { APPROVAL_CARDS_TABLE, INBOX_TABLE } from "./card-store.js";
import { CONVERSATIONS_TABLE } from "./conversation-store.js";
import { FEEDBACK_TABLE } from "./feedback-store.js";
import { ROLLUPS_TABLE } from "./rollup-store.js";
import type { TableFactory } from "./tables.js";
import { collectValues, stripMetadata, type ErasureContext, type ExportRecord, type StoredEntity, type TenantDataStore } from "./tenant-data.js";
import { decideUsual, mentionsName, sweepTables, type SweepDecision } from "./tenant-sweep.js";

const PERSON_FIELDS = ["fromId", "toId", "authorId"];

function withoutKeys(entity: StoredEntity): Record<string, unknown> {
  const { partitionKey: _pk, rowKey: _rk, ...rest } = stripMetadata(entity);
  return rest;
}

/** Kudos given or received and comments written by the person go; others' words keep, scrubbed. */
function decideFeedback(entity: StoredEntity, context: ErasureContext): SweepDecision {
  if (PERSON_FIELDS.some((field) => entity[field] === context.personId)) return "delete";
  return decideUsual(entity, context, "scrub");
}

/** A card or cached view that speaks of the person (by id, or by name or mail as whole words) or of
 * one of their goals (by its id as a whole value) is dropped as a whole: it is a copy, and losing one
 * for a namesake costs little. */
function decideByMention(entity: StoredEntity, context: ErasureContext): SweepDecision {
  const usual = decideUsual(entity, context, "delete");
  if (usual !== "keep") return usual;
  const values = collectValues(entity);
  return [...context.goalIds].some((id) => values.has(id)) || mentionsName(entity, context) ? "delete" : "keep";
}

function toFeedbackRecords(entity: StoredEntity): ExportRecord[] {
  const rowKey = String(entity.rowKey);
  const section = rowKey.startsWith("k|") ? "kudos" : rowKey.startsWith("m|") ? "comments" : "feedbackRows";
  return [{ section, record: withoutKeys(entity) }];
}

function toApprovalRecords(entity: StoredEntity): ExportRecord[] {
  const record = withoutKeys(entity);
  const approverId = String(entity.partitionKey).split("|")[1] ?? "";
  return [{ section: "approvalRequests", record: { approverId, goalId: entity.rowKey, ...record, sent: record["sent"] ? JSON.parse(String(record["sent"])) : null } }];
}

/** Cards of the local chat, and cards waiting for someone to install the app. */
function toInboxRecords(entity: StoredEntity): ExportRecord[] {
  const [, userId = "", list = "chat"] = String(entity.partitionKey).split("|");
  return [{ section: "chatCards", record: { userId, list, id: entity.rowKey, sentAt: entity["sentAt"], updatedAt: entity["updatedAt"], card: JSON.parse(String(entity["card"] ?? "null")) } }];
}

function toConversationRecords(entity: StoredEntity): ExportRecord[] {
  return [{ section: "conversations", record: { userId: entity.rowKey, ...withoutKeys(entity) } }];
}

/** Cascade's install attempts per person, and the tenant's last install problem. */
function toAppInstallRecords(entity: StoredEntity): ExportRecord[] {
  return [{ section: "appInstalls", record: { key: entity.rowKey, ...withoutKeys(entity) } }];
}

/** Dashboard figures and change stamps that versions before the team roll-ups kept per manager. Nothing
 * writes or reads them now; a tenant that has them still has them erased, exported as derived and removed. */
export const DASHBOARDS_TABLE = "dashboards";

export function createActivityData(factory: TableFactory): TenantDataStore {
  const table = (name: string, decide: (entity: StoredEntity) => SweepDecision) => ({ client: factory.getClient(name), name, decide });
  return {
    tables: [FEEDBACK_TABLE, APPROVAL_CARDS_TABLE, INBOX_TABLE, CONVERSATIONS_TABLE, APP_INSTALLS_TABLE, DASHBOARDS_TABLE, ROLLUPS_TABLE],
    exports: [
      { table: FEEDBACK_TABLE, toRecords: toFeedbackRecords },
      { table: APPROVAL_CARDS_TABLE, toRecords: toApprovalRecords },
      { table: INBOX_TABLE, toRecords: toInboxRecords },
      { table: CONVERSATIONS_TABLE, toRecords: toConversationRecords },
      { table: APP_INSTALLS_TABLE, toRecords: toAppInstallRecords },
    ],
    derived: {
      [DASHBOARDS_TABLE]: "dashboard figures cached per manager by earlier versions, no longer used",
      [ROLLUPS_TABLE]: "team roll-ups per person and cycle, kept from goals and the org chart and rebuilt from them",
    },
    erasePerson(context, report) {
      const tables = [
        table(FEEDBACK_TABLE, (entity) => decideFeedback(entity, context)),
        table(APPROVAL_CARDS_TABLE, (entity) => decideUsual(entity, context, "delete")),
        table(INBOX_TABLE, (entity) => decideByMention(entity, context)),
        table(CONVERSATIONS_TABLE, (entity) => decideUsual(entity, context, "delete")),
        table(APP_INSTALLS_TABLE, (entity) => decideUsual(entity, context, "delete")),
        table(DASHBOARDS_TABLE, (entity) => decideByMention(entity, context)),
        // The person left the directory first, which took their rows and contributions out of every
        // chain; what still names them or their goals is a leftover copy and goes.
        table(ROLLUPS_TABLE, (entity) => decideByMention(entity, context)),
      ];
      return sweepTables(tables, context.tenantId, report);
    },
  };
}
