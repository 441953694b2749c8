/** The import's write path: many goals at once. Lookup rows first (the pointers by id, in transactions
 * per pointer shard; the rows under the parents, in transactions per parent), then each owner's goals
 * with their "imported" audit entries in table transactions of one partition and at most 100 operations. A goal and its audit entry always share a transaction, so
 * every goal that is written is complete; lookup rows written ahead of a goal that then fails are
 * harmless (readers check the goal itself) and are written again when the import resumes. */
import type { TransactionAction } from "@azure/data-tables";
import { AppError } from "../domain/errors.js";
import type { ImportGoalWrite, ImportGoalWriter } from "../domain/import/import-service.js";
import { runLimited } from "../domain/run-limited.js";
import type { Goal } from "../domain/types.js";
import { goalRowKey, toAuditEntity, toGoalEntity } from "./goal-entity.js";
import { childrenKey, toChildRow } from "./alignment-rows.js";
import { goalPointerAt } from "./goal-pointers.js";
import { assertEntityWithinLimits, deleteUnchanged, getEntityOrNull, isConflict, TABLE_LIMITS, TABLE_NAMES, type TableFactory } from "./tables.js";

const CONCURRENCY = 16;
/** Characters of serialised entities in one transaction: strings travel as UTF-16, so half the byte
 * limit, with a margin for the envelope. */
const MAX_BATCH_CHARS = TABLE_LIMITS.maxBatchBytes / 2 - 64 * 1024;

interface Batch {
  actions: TransactionAction[];
  goals: Goal[];
}

/** Splits one partition's entities into transactions within the operation and payload limits. */
export function toTransactions<T>(items: readonly T[], actionsOf: (item: T) => TransactionAction[]): Array<{ items: T[]; actions: TransactionAction[] }> {
  const batches: Array<{ items: T[]; actions: TransactionAction[] }> = [];
  let current: { items: T[]; actions: TransactionAction[] } = { items: [], actions: [] };
  let chars = 0;
  for (const item of items) {
    const actions = actionsOf(item);
    const size = actions.reduce((sum, a) => sum + JSON.stringify(a[1]).length, 0);
    if (current.actions.length > 0 && (current.actions.length + actions.length > TABLE_LIMITS.maxBatch || chars + size > MAX_BATCH_CHARS)) {
      batches.push(current);
      current = { items: [], actions: [] };
      chars = 0;
    }
    current.items.push(item);
    current.actions.push(...actions);
    chars += size;
  }
  if (current.actions.length > 0) batches.push(current);
  return batches;
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

function goalActions(write: ImportGoalWrite): TransactionAction[] {
  const entity = toGoalEntity(write.goal);
  assertEntityWithinLimits(entity);
  const audit = toAuditEntity(write.goal.tenantId, write.goal.ownerId, write.audit);
  return [write.etag ? ["update", { ...entity }, "Replace", { etag: write.etag }] : ["create", { ...entity }], ["create", audit]];
}

export function createImportGoalWriter(factory: TableFactory): ImportGoalWriter {
  const goals = factory.getClient(TABLE_NAMES.goals);
  const index = factory.getClient(TABLE_NAMES.goalIndex);
  const children = factory.getClient(TABLE_NAMES.children);

  async function writeLookups(tenantId: string, writes: readonly ImportGoalWrite[]): Promise<void> {
    const pointers = writes.filter((w) => !w.etag).map((w) => ({ ...goalPointerAt(tenantId, w.goal.id), ownerId: w.goal.ownerId }));
    const pointerBatches = [...groupBy(pointers, (p) => p.partitionKey).values()].flatMap((list) => toTransactions(list, (row): TransactionAction[] => [["upsert", row, "Replace"]]));
    await runLimited(pointerBatches, CONCURRENCY, (batch) => index.submitTransaction(batch.actions));
    const moved = writes.filter((w) => w.previous?.parentId && w.previous.parentId !== w.goal.parentId);
    await runLimited(moved, CONCURRENCY, (w) => deleteUnchanged(children, childrenKey(tenantId, w.previous!.parentId!), w.goal.id));
    const rows = writes.flatMap((w) => (w.goal.parentId ? [toChildRow({ ...w.goal, parentId: w.goal.parentId })] : []));
    // Merged, so the roll-up kept in a row stays until the views are rebuilt after the run.
    const batches = [...groupBy(rows, (r) => r.partitionKey).values()].flatMap((list) => toTransactions(list, (row): TransactionAction[] => [["upsert", row, "Merge"]]));
    await runLimited(batches, CONCURRENCY, (batch) => children.submitTransaction(batch.actions));
  }

  /** A transaction sent again after a timeout may find its goals written by the first attempt. */
  async function submitGoals(batch: Batch): Promise<void> {
    try {
      await goals.submitTransaction(batch.actions);
    } catch (error) {
      if (isConflict(error, "stale")) throw new AppError("precondition_failed", "A goal was changed in Cascade while the import ran.");
      if (!isConflict(error, "exists")) throw error;
      const found = await Promise.all(batch.goals.map((g) => getEntityOrNull<{ updatedAt?: string }>(goals, toGoalEntity(g).partitionKey, goalRowKey(g.id))));
      if (!found.every((e, i) => e !== null && e.updatedAt === batch.goals[i]!.updatedAt)) throw new AppError("conflict", "A goal the import creates exists already.");
    }
  }

  return {
    async writeGoals(tenantId, writes, written) {
      // A goal too large to store stops the run before anything is written.
      for (const write of writes) assertEntityWithinLimits(toGoalEntity(write.goal));
      await writeLookups(tenantId, writes);
      const byOwner = groupBy(writes, (w) => w.goal.ownerId);
      let failure: unknown = null;
      // Each owner's transactions are built when its turn comes, so the entities of only a few owners are held at once.
      await runLimited([...byOwner.values()], CONCURRENCY, async (list) => {
        for (const built of toTransactions(list, goalActions)) {
          if (failure) return;
          const batch: Batch = { actions: built.actions, goals: built.items.map((w) => w.goal) };
          try {
            await submitGoals(batch);
            written(batch.goals);
          } catch (error) {
            failure ??= error;
          }
        }
      });
      if (failure) throw failure;
    },
  };
}
