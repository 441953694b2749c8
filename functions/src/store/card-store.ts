/** Cards the app sent: one record per approval request (where its card went, or that it waits
 * for the approver to install the app), and the local chat inbox used in development. */
import { AppError } from "../domain/errors.js";
import type { ConversationKind } from "./conversation-store.js";
import { createChatInbox, type ChatInbox, type InboxItem } from "./chat-inbox.js";
import { assertEntityWithinLimits, getEntityOrNull, isConflict, makeKey, quoteOData, type TableFactory } from "./tables.js";

export const APPROVAL_CARDS_TABLE = "approvalcards";
export const INBOX_TABLE = "devinbox";

/** Enough to update a sent message later, in Teams or in the local inbox. */
export interface SentCardRef {
  kind: ConversationKind;
  tenantId: string;
  userId: string;
  conversationId: string;
  serviceUrl: string;
  botId: string;
  activityId: string;
}

/** pending: waiting for a decision; decided: the card shows the outcome; moved: another manager decides now. */
export type ApprovalState = "pending" | "decided" | "moved";

export interface ApprovalCardRecord {
  tenantId: string;
  approverId: string;
  goalId: string;
  ownerId: string;
  /** The goal version the request was made for. */
  version: string;
  state: ApprovalState;
  /** "waiting": the approver has no conversation with the app yet, so only the tab shows the card. */
  delivery: "sent" | "waiting";
  sent: SentCardRef | null;
  isReapproval: boolean;
  submittedAt: string;
  updatedAt: string;
}

interface ApprovalEntity {
  partitionKey: string;
  rowKey: string;
  ownerId: string;
  version: string;
  state: string;
  delivery: string;
  sent: string;
  isReapproval: boolean;
  submittedAt: string;
  updatedAt: string;
}

export type { InboxItem };

export interface CardStore extends ChatInbox {
  readonly tables: string[];
  getApproval(tenantId: string, approverId: string, goalId: string): Promise<{ record: ApprovalCardRecord; etag: string } | null>;
  /** Without an ETag the record is replaced (a new request supersedes the old); with one, a stale
   * write fails. Returns the record's new ETag. */
  saveApproval(record: ApprovalCardRecord, etag: string | null): Promise<string>;
  listApprovals(tenantId: string, approverId: string, state: ApprovalState): Promise<ApprovalCardRecord[]>;
}

const approverPartition = (tenantId: string, approverId: string) => makeKey(tenantId, approverId);

function toApproval(tenantId: string, approverId: string, e: ApprovalEntity): ApprovalCardRecord {
  return {
    tenantId,
    approverId,
    goalId: e.rowKey,
    ownerId: e.ownerId,
    version: e.version,
    state: e.state as ApprovalState,
    delivery: e.delivery === "sent" ? "sent" : "waiting",
    sent: e.sent ? (JSON.parse(e.sent) as SentCardRef) : null,
    isReapproval: e.isReapproval,
    submittedAt: e.submittedAt,
    updatedAt: e.updatedAt,
  };
}

function toApprovalEntity(r: ApprovalCardRecord): ApprovalEntity {
  return {
    partitionKey: approverPartition(r.tenantId, r.approverId),
    rowKey: r.goalId,
    ownerId: r.ownerId,
    version: r.version,
    state: r.state,
    delivery: r.delivery,
    sent: r.sent ? JSON.stringify(r.sent) : "",
    isReapproval: r.isReapproval,
    submittedAt: r.submittedAt,
    updatedAt: r.updatedAt,
  };
}


export function createCardStore(factory: TableFactory): CardStore {
  const approvals = factory.getClient(APPROVAL_CARDS_TABLE);
  const inbox = factory.getClient(INBOX_TABLE);
  return {
    ...createChatInbox(inbox),
    tables: [APPROVAL_CARDS_TABLE, INBOX_TABLE],
    async getApproval(tenantId, approverId, goalId) {
      const entity = await getEntityOrNull<ApprovalEntity>(approvals, approverPartition(tenantId, approverId), goalId);
      return entity ? { record: toApproval(tenantId, approverId, entity), etag: entity.etag } : null;
    },
    async saveApproval(record, etag) {
      const entity = toApprovalEntity(record);
      assertEntityWithinLimits(entity);
      if (etag === null) return (await approvals.upsertEntity(entity, "Replace")).etag ?? "";
      try {
        return (await approvals.updateEntity(entity, "Replace", { etag })).etag ?? "";
      } catch (error) {
        if (isConflict(error, "stale")) throw new AppError("precondition_failed", "The approval record changed meanwhile.");
        throw error;
      }
    },
    async listApprovals(tenantId, approverId, state) {
      const filter = `PartitionKey eq ${quoteOData(approverPartition(tenantId, approverId))} and state eq ${quoteOData(state)}`;
      const records: ApprovalCardRecord[] = [];
      for await (const e of approvals.listEntities<ApprovalEntity>({ queryOptions: { filter } })) records.push(toApproval(tenantId, approverId, e));
      return records;
    },
  };
}
