/** Who was sent a cycle's close-out card, and which cycles' close-out has been announced to everyone.
 * Kept in the reminders table beside the other per-person sending state, so the tenant export and a
 * person's erasure cover it: one partition per tenant for the cycles, one per cycle for the people.
 *
 * A person's row is claimed before their card is sent and settled after, the claim conditional,
 * so two runs at once never both send, and a run that stops half-way is resumed by the next one
 * without sending again to anyone settled. A claim left by a run that stopped is taken over once
 * it is older than the claim's lifetime. */
import { REMINDERS_TABLE } from "./reminder-store.js";
import { deleteUnchanged, getEntityOrNull, isConflict, makeKey, quoteOData, type TableFactory } from "./tables.js";

/** Long enough for one run to send a tenant's cards; a claim older than this was left by a run that stopped. */
export const CLOSE_OUT_CLAIM_MS = 15 * 60 * 1000;

export interface CloseOutNoticeStore {
  /** The cycles whose close-out every owner has been told about. */
  listAnnouncedCycles(tenantId: string): Promise<Set<string>>;
  /** Records, once, that the cycle's close-out was announced; a second record changes nothing. */
  markAnnounced(tenantId: string, cycleId: string, at: Date): Promise<void>;
  /** The claim (its ETag) when this run may send the person's card: nobody sent it, and no other run
   * is sending it now; null otherwise. */
  claimPerson(tenantId: string, cycleId: string, personId: string, now: Date): Promise<string | null>;
  /** Settles the person's card for good: sent to their chat, or left for the app install (unreachable). */
  settlePerson(tenantId: string, cycleId: string, personId: string, outcome: "sent" | "unreachable", at: Date): Promise<void>;
  /** Gives the claim back when the card did not go out, so that a later run may try again; a claim
   * another run has taken over since is left alone. */
  releasePerson(tenantId: string, cycleId: string, personId: string, claim: string): Promise<void>;
}

interface NoticeEntity {
  partitionKey: string;
  rowKey: string;
  status: "claimed" | "sent" | "unreachable" | "announced";
  at: string;
}

export function createCloseOutNoticeStore(factory: TableFactory): CloseOutNoticeStore {
  const table = factory.getClient(REMINDERS_TABLE);
  const cyclePartition = (tenantId: string) => makeKey(tenantId, "closeout");
  const peoplePartition = (tenantId: string, cycleId: string) => makeKey(tenantId, "closeout", cycleId);

  /** The new row's ETag, or null when the row exists already. */
  async function createOnce(entity: NoticeEntity): Promise<string | null> {
    try {
      return (await table.createEntity(entity)).etag ?? "";
    } catch (error) {
      if (isConflict(error, "exists")) return null;
      throw error;
    }
  }

  return {
    async listAnnouncedCycles(tenantId) {
      const cycles = new Set<string>();
      const filter = `PartitionKey eq ${quoteOData(cyclePartition(tenantId))}`;
      for await (const e of table.listEntities<NoticeEntity>({ queryOptions: { filter, select: ["RowKey"] } })) cycles.add(e.rowKey!);
      return cycles;
    },
    async markAnnounced(tenantId, cycleId, at) {
      await createOnce({ partitionKey: cyclePartition(tenantId), rowKey: cycleId, status: "announced", at: at.toISOString() });
    },
    async claimPerson(tenantId, cycleId, personId, now) {
      const entity: NoticeEntity = { partitionKey: peoplePartition(tenantId, cycleId), rowKey: personId, status: "claimed", at: now.toISOString() };
      const created = await createOnce(entity);
      if (created !== null) return created;
      const current = await getEntityOrNull<NoticeEntity>(table, entity.partitionKey, personId);
      if (!current) return createOnce(entity);
      if (current.status !== "claimed" || now.getTime() - Date.parse(current.at) < CLOSE_OUT_CLAIM_MS) return null;
      try {
        return (await table.updateEntity(entity, "Replace", { etag: current.etag })).etag ?? "";
      } catch (error) {
        if (isConflict(error, "stale", "gone")) return null;
        throw error;
      }
    },
    async settlePerson(tenantId, cycleId, personId, outcome, at) {
      await table.upsertEntity({ partitionKey: peoplePartition(tenantId, cycleId), rowKey: personId, status: outcome, at: at.toISOString() }, "Replace");
    },
    async releasePerson(tenantId, cycleId, personId, claim) {
      await deleteUnchanged(table, peoplePartition(tenantId, cycleId), personId, claim);
    },
  };
}
