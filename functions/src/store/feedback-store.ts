/** Kudos and comments, in one partition per goal: "k|" rows for kudos (keyed by id, so a replayed
 * card action collides and is written once), "m|" rows for comments (newest first). */
import type { GoalComment, Kudos } from "../contracts/feedback.js";
import type { FeedbackRepository } from "../domain/feedback.js";
import { invertTime } from "./goal-entity.js";
import { assertEntityWithinLimits, filterByPrefix, isConflict, makeKey, type TableFactory } from "./tables.js";

export const FEEDBACK_TABLE = "feedback";

export function createFeedbackStore(factory: TableFactory): FeedbackRepository & { readonly tables: string[] } {
  const table = factory.getClient(FEEDBACK_TABLE);
  const partition = (tenantId: string, goalId: string) => makeKey(tenantId, goalId);
  return {
    tables: [FEEDBACK_TABLE],
    async addKudos(tenantId, kudos) {
      const entity = { partitionKey: partition(tenantId, kudos.goalId), rowKey: makeKey("k", kudos.id), ...kudos };
      assertEntityWithinLimits(entity);
      try {
        await table.createEntity(entity);
        return true;
      } catch (error) {
        if (isConflict(error, "exists")) return false;
        throw error;
      }
    },
    async listKudos(tenantId, goalId) {
      const items: Kudos[] = [];
      const filter = filterByPrefix(partition(tenantId, goalId), "k|");
      for await (const e of table.listEntities<Kudos>({ queryOptions: { filter } })) {
        items.push({ id: e.id, goalId: e.goalId, fromId: e.fromId, toId: e.toId, message: e.message, at: e.at });
      }
      return items.sort((a, b) => b.at.localeCompare(a.at));
    },
    async addComment(tenantId, comment) {
      const entity = { partitionKey: partition(tenantId, comment.goalId), rowKey: makeKey("m", invertTime(comment.at), comment.id), ...comment };
      assertEntityWithinLimits(entity);
      await table.createEntity(entity);
    },
    async listComments(tenantId, goalId, limit) {
      const items: GoalComment[] = [];
      const filter = filterByPrefix(partition(tenantId, goalId), "m|");
      for await (const page of table.listEntities<GoalComment>({ queryOptions: { filter } }).byPage({ maxPageSize: limit })) {
        for (const e of page) items.push({ id: e.id, goalId: e.goalId, authorId: e.authorId, text: e.text, at: e.at });
        if (items.length >= limit) break;
      }
      return items.slice(0, limit);
    },
  };
}
