/** Where each person can be reached in chat: the personal conversation stored when they installed
 * the app. One small row per person, keyed by tenant and person. */
import { assertEntityWithinLimits, getEntityOrNull, isConflict, makeKey, quoteOData, type TableFactory } from "./tables.js";

export const CONVERSATIONS_TABLE = "conversations";

/** "teams": a real Teams conversation reached through Bot Service; "local": the local chat panel. */
export type ConversationKind = "teams" | "local";

export interface ConversationRecord {
  tenantId: string;
  /** Entra object id of the person. */
  userId: string;
  kind: ConversationKind;
  conversationId: string;
  serviceUrl: string;
  botId: string;
  /** The person's Teams id (MRI) in this conversation; Adaptive Card refresh lists people by it. */
  userMri: string;
  updatedAt: string;
}

interface ConversationEntity {
  partitionKey: string;
  rowKey: string;
  kind: string;
  conversationId: string;
  serviceUrl: string;
  botId: string;
  userMri: string;
  updatedAt: string;
}

export interface ConversationStore {
  readonly tables: string[];
  getConversation(tenantId: string, userId: string): Promise<ConversationRecord | null>;
  saveConversation(record: ConversationRecord): Promise<void>;
  removeConversation(tenantId: string, userId: string): Promise<void>;
  /** The Bot Service address of any Teams chat of the tenant (a tenant's chats share a region's
   * address); null when the tenant has none yet. */
  findServiceUrl(tenantId: string): Promise<string | null>;
}

function toRecord(tenantId: string, entity: ConversationEntity): ConversationRecord {
  return {
    tenantId,
    userId: entity.rowKey,
    kind: entity.kind === "local" ? "local" : "teams",
    conversationId: entity.conversationId,
    serviceUrl: entity.serviceUrl,
    botId: entity.botId,
    userMri: entity.userMri,
    updatedAt: entity.updatedAt,
  };
}

export function createConversationStore(factory: TableFactory): ConversationStore {
  const table = factory.getClient(CONVERSATIONS_TABLE);
  const partition = (tenantId: string) => makeKey(tenantId);
  return {
    tables: [CONVERSATIONS_TABLE],
    async getConversation(tenantId, userId) {
      const entity = await getEntityOrNull<ConversationEntity>(table, partition(tenantId), userId);
      return entity ? toRecord(tenantId, entity) : null;
    },
    async saveConversation(record) {
      const entity: ConversationEntity = {
        partitionKey: partition(record.tenantId),
        rowKey: record.userId,
        kind: record.kind,
        conversationId: record.conversationId,
        serviceUrl: record.serviceUrl,
        botId: record.botId,
        userMri: record.userMri,
        updatedAt: record.updatedAt,
      };
      assertEntityWithinLimits(entity);
      // Last install wins: a reinstall legitimately replaces the old conversation.
      await table.upsertEntity(entity, "Replace");
    },
    async removeConversation(tenantId, userId) {
      const entity = await getEntityOrNull<ConversationEntity>(table, partition(tenantId), userId);
      if (!entity) return;
      // With the ETag read, an install that lands in between is not deleted by an older uninstall.
      await table.deleteEntity(partition(tenantId), userId, { etag: entity.etag }).catch((error: unknown) => {
        if (!isConflict(error, "gone", "stale")) throw error;
      });
    },
    async findServiceUrl(tenantId) {
      const filter = `PartitionKey eq ${quoteOData(partition(tenantId))} and kind eq 'teams'`;
      const pages = table.listEntities<ConversationEntity>({ queryOptions: { filter, select: ["serviceUrl"] } }).byPage({ maxPageSize: 1 });
      for await (const page of pages) {
        const found = page.find((entity) => entity.serviceUrl);
        if (found) return found.serviceUrl;
      }
      return null;
    },
  };
}
