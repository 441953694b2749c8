/** Moves a goal into another owner's partition with its audit trail and check-ins. Order matters:
 * the source row is marked as moving (with the ETag that was read), then copies are written (upserts,
 * so a retry repeats them harmlessly), then the goal-by-id pointer flips to the new owner, then the
 * source row is deleted with the mark's ETag. If someone changed the source meanwhile, the move is
 * undone and fails as stale; if the process stops half way, the goal is never lost: the pointer names
 * a complete copy, at worst beside a leftover source row that still carries the mark.
 * The copy carries a mark of its own (movingFrom) until the caller saves the moved goal once more
 * through the repository, which brings the children index and everything that watches goal writes up
 * to date and writes the row without the mark. Until then the copy may still be undone, so a read that
 * guesses the owner (from the goal's id or a cached owner) does not take it for the goal and asks the
 * pointer instead. */
import type { TableClient, TransactionAction } from "@azure/data-tables";
import type { GoalMover } from "../domain/cascade-ports.js";
import { AppError } from "../domain/errors.js";
import type { Versioned } from "../domain/ports.js";
import type { Goal } from "../domain/types.js";
import { auditRowPrefix, checkInRowPrefix, goalRowKey, ownerPartition, toGoalEntity } from "./goal-entity.js";
import { goalPointerAt } from "./goal-pointers.js";
import { assertEntityWithinLimits, deleteUnchanged, filterByPrefix, isConflict, TABLE_LIMITS, TABLE_NAMES, type TableFactory } from "./tables.js";

const METADATA = new Set(["etag", "timestamp", "odata.etag", "odata.metadata"]);

type Row = Record<string, unknown> & { partitionKey: string; rowKey: string };

async function listHistory(goals: TableClient, partitionKey: string, goalId: string): Promise<Row[]> {
  const rows: Row[] = [];
  for (const prefix of [auditRowPrefix(goalId), checkInRowPrefix(goalId)]) {
    for await (const entity of goals.listEntities<Record<string, unknown>>({ queryOptions: { filter: filterByPrefix(partitionKey, prefix) } })) {
      const row = Object.fromEntries(Object.entries(entity).filter(([key]) => !METADATA.has(key))) as Row;
      rows.push(row);
    }
  }
  return rows;
}

/** Strings travel as UTF-16 in the size the service counts; stay well under its 4 MiB batch limit. */
const MAX_BATCH_CHARS = TABLE_LIMITS.maxBatchBytes / 2 - 256 * 1024;

/** Same-partition rows in transactions of at most 100 actions and within the batch size limit. */
async function submitInBatches(goals: TableClient, actions: TransactionAction[]): Promise<void> {
  let batch: TransactionAction[] = [];
  let chars = 0;
  for (const action of actions) {
    const size = JSON.stringify(action[1]).length;
    if (batch.length === TABLE_LIMITS.maxBatch || (batch.length > 0 && chars + size > MAX_BATCH_CHARS)) {
      await goals.submitTransaction(batch);
      batch = [];
      chars = 0;
    }
    batch.push(action);
    chars += size;
  }
  if (batch.length > 0) await goals.submitTransaction(batch);
}

const stale = () => new AppError("precondition_failed", "The goal was changed by someone else since you loaded it. Reload to see the latest version.");

export function createGoalMover(factory: TableFactory): GoalMover {
  const goals = factory.getClient(TABLE_NAMES.goals);
  const index = factory.getClient(TABLE_NAMES.goalIndex);
  const pointTo = (goal: Goal, ownerId: string) => index.upsertEntity({ ...goalPointerAt(goal.tenantId, goal.id), ownerId }, "Replace");

  /** Puts the pointer back and removes the copies; the source row was never deleted. */
  async function undo(from: Goal, to: Goal, copies: Row[], copyEtag: string | undefined): Promise<void> {
    await pointTo(from, from.ownerId);
    const target = ownerPartition(to.tenantId, to.ownerId);
    await deleteUnchanged(goals, target, goalRowKey(to.id), copyEtag);
    await submitInBatches(goals, copies.map((row): TransactionAction => ["delete", { partitionKey: target, rowKey: row.rowKey }])).catch(() => undefined);
  }

  /** Marks the source row first (ETag-checked, so a concurrent change fails the move before anything is
   * copied): readers that found the row through a cached owner see the mark and ask the pointer. */
  async function markMoving(source: Versioned<Goal>, ownerId: string): Promise<string> {
    try {
      const response = await goals.updateEntity({ ...toGoalEntity(source.value), movingTo: ownerId }, "Replace", { etag: source.etag });
      return response.etag ?? "";
    } catch (error) {
      if (isConflict(error, "stale", "gone")) throw stale();
      throw error;
    }
  }

  async function unmark(source: Goal, etag: string): Promise<void> {
    await goals.updateEntity({ ...toGoalEntity(source) }, "Replace", { etag }).catch(() => undefined);
  }

  async function copyAndPoint(from: Goal, moved: Goal, copies: Row[]): Promise<string | undefined> {
    await submitInBatches(goals, copies.map((row): TransactionAction => ["upsert", row, "Replace"]));
    const entity = { ...toGoalEntity(moved), movingFrom: from.ownerId };
    assertEntityWithinLimits(entity);
    const created = await goals.upsertEntity(entity, "Replace");
    await pointTo(moved, moved.ownerId);
    return created.etag;
  }

  async function moveGoal(source: Versioned<Goal>, moved: Goal): Promise<Versioned<Goal>> {
    const from = source.value;
    if (moved.id !== from.id || moved.tenantId !== from.tenantId || moved.ownerId === from.ownerId) throw new Error("A move keeps the goal and tenant and changes the owner");
    const sourcePartition = ownerPartition(from.tenantId, from.ownerId);
    const history = await listHistory(goals, sourcePartition, from.id);
    const copies = history.map((row) => ({ ...row, partitionKey: ownerPartition(moved.tenantId, moved.ownerId) }));
    const markEtag = await markMoving(source, moved.ownerId);
    let copyEtag: string | undefined;
    try {
      copyEtag = await copyAndPoint(from, moved, copies);
    } catch (error) {
      await undo(from, moved, copies, undefined).catch(() => undefined);
      await unmark(from, markEtag);
      throw error;
    }
    try {
      await goals.deleteEntity(sourcePartition, goalRowKey(from.id), { etag: markEtag });
    } catch (error) {
      // Someone changed the source while it was copied (their write removed the mark): theirs stands.
      await undo(from, moved, copies, copyEtag);
      if (isConflict(error, "stale", "gone")) throw stale();
      throw error;
    }
    await submitInBatches(goals, history.map((row): TransactionAction => ["delete", { partitionKey: sourcePartition, rowKey: row.rowKey }])).catch(() => undefined);
    return { value: moved, etag: copyEtag ?? "" };
  }

  return { moveGoal };
}
