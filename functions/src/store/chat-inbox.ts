/** Per-person lists of cards, both in the INBOX_TABLE: the local chat's messages (development) and
 * the cards waiting for someone to install the app, delivered when they do. */
import type { TableClient } from "@azure/data-tables";
import { randomUUID } from "node:crypto";
import { AppError } from "../domain/errors.js";
import { invertTime } from "./goal-entity.js";
import { assertEntityWithinLimits, getEntityOrNull, isConflict, makeKey, quoteOData } from "./tables.js";

export interface InboxItem {
  id: string;
  card: unknown;
  sentAt: string;
  updatedAt: string;
}

export interface ChatInbox {
  addInboxItem(tenantId: string, userId: string, card: unknown, at: Date): Promise<InboxItem>;
  replaceInboxCard(tenantId: string, userId: string, id: string, card: unknown, at: Date): Promise<void>;
  /** The latest messages, oldest first. */
  listInbox(tenantId: string, userId: string, limit: number): Promise<InboxItem[]>;
  queueCard(tenantId: string, userId: string, card: unknown, at: Date): Promise<void>;
  /** Removes and returns the queued cards, oldest first. Each is claimed by deleting it with its
   * ETag, so two installs handled at once never deliver one card twice. */
  takeQueuedCards(tenantId: string, userId: string, limit: number): Promise<InboxItem[]>;
}

interface InboxEntity {
  partitionKey: string;
  rowKey: string;
  card: string;
  sentAt: string;
  updatedAt: string;
}

const inboxPartition = (tenantId: string, userId: string) => makeKey(tenantId, userId);
const queuePartition = (tenantId: string, userId: string) => makeKey(tenantId, userId, "queued");
const toItem = (e: InboxEntity): InboxItem => ({ id: e.rowKey, card: JSON.parse(e.card) as unknown, sentAt: e.sentAt, updatedAt: e.updatedAt });

async function createRow(table: TableClient, partitionKey: string, rowKey: string, card: unknown, sentAt: string): Promise<InboxItem> {
  const entity: InboxEntity = { partitionKey, rowKey, card: JSON.stringify(card), sentAt, updatedAt: sentAt };
  assertEntityWithinLimits(entity);
  await table.createEntity(entity);
  return toItem(entity);
}

async function listFirst(table: TableClient, partitionKey: string, limit: number): Promise<Array<InboxEntity & { etag: string }>> {
  const pages = table.listEntities<InboxEntity>({ queryOptions: { filter: `PartitionKey eq ${quoteOData(partitionKey)}` } }).byPage({ maxPageSize: limit });
  for await (const page of pages) return page.slice(0, limit).map((e) => ({ ...e, rowKey: e.rowKey!, partitionKey: e.partitionKey! }));
  return [];
}

export function createChatInbox(table: TableClient): ChatInbox {
  return {
    // Inverted time sorts newest first, so the latest messages are one short query away.
    addInboxItem: (tenantId, userId, card, at) => createRow(table, inboxPartition(tenantId, userId), `${invertTime(at.toISOString())}-${randomUUID()}`, card, at.toISOString()),
    async replaceInboxCard(tenantId, userId, id, card, at) {
      const entity = await getEntityOrNull<InboxEntity>(table, inboxPartition(tenantId, userId), id);
      if (!entity) throw new AppError("not_found", "The message was not found.");
      const next: InboxEntity = { partitionKey: entity.partitionKey, rowKey: id, card: JSON.stringify(card), sentAt: entity.sentAt, updatedAt: at.toISOString() };
      assertEntityWithinLimits(next);
      await table.updateEntity(next, "Replace", { etag: entity.etag });
    },
    async listInbox(tenantId, userId, limit) {
      return (await listFirst(table, inboxPartition(tenantId, userId), limit)).map(toItem).reverse();
    },
    async queueCard(tenantId, userId, card, at) {
      await createRow(table, queuePartition(tenantId, userId), `${String(at.getTime()).padStart(15, "0")}-${randomUUID()}`, card, at.toISOString());
    },
    async takeQueuedCards(tenantId, userId, limit) {
      const taken: InboxItem[] = [];
      for (const entity of await listFirst(table, queuePartition(tenantId, userId), limit)) {
        try {
          await table.deleteEntity(entity.partitionKey, entity.rowKey, { etag: entity.etag });
          taken.push(toItem(entity));
        } catch (error) {
          if (!isConflict(error, "gone", "stale")) throw error;
        }
      }
      return taken;
    },
  };
}
