/** Goals in Table Storage. A goal, its audit trail and its check-ins share the owner's partition, so
 * a change and its audit entry land in one transaction. Two small indexes answer "goal by id" and
 * "children of a goal" without scanning. */
import type { TableTransactionResponse, TransactionAction } from "@azure/data-tables";
import { AppError } from "../domain/errors.js";
import type { GoalFilter, GoalRepository, GoalWrite, Versioned } from "../domain/ports.js";
import type { AuditEntry, CheckIn, Goal } from "../domain/types.js";
import type { Page } from "../contracts/common.js";
import type { CheckInReader } from "../domain/checkins.js";
import type { RepairDeps } from "../domain/write-intents.js";
import { isSummaryUnchanged } from "../domain/cascade-ports.js";
import { ownerNamedBy } from "../domain/goal-ids.js";
import { createBoundedMap } from "../bounded-map.js";
import { auditRowPrefix, checkInRowPrefix, fromAuditEntity, fromCheckInEntity, fromGoalEntity, goalRowKey, ownerPartition, toAuditEntity, toCheckInEntity, toGoalEntity, type GoalEntity } from "./goal-entity.js";
import { goalPointerAt, legacyGoalPointerAt } from "./goal-pointers.js";
import { childrenKey, toChildRow } from "./alignment-rows.js";
import { assertEntityWithinLimits, deleteUnchanged, filterByPrefix, getEntityOrNull, isConflict, makeKey, prefixUpperBound, quoteOData, TABLE_LIMITS, TABLE_NAMES, type TableFactory } from "./tables.js";

const DELETED = "deleted";
/** Goal id → owner, for goals this instance has seen living elsewhere than their id names (ids made
 * before ids named their owner, goals handed to someone else), so a read by id usually skips the
 * pointer row. A guessed owner is only trusted when the row it leads to is a live goal that is not
 * being moved away nor still arriving; anything else falls back to the pointer, which is always right. */
const OWNER_HINTS_MAX = 100_000;
/** The goals this instance read or wrote last, for an edit that follows the read of the goal it
 * changes (the tab shows a goal, then saves the change with its ETag): the edit starts from the version
 * held here and its write is guarded by that version's ETag, so one round trip less and never a write
 * over a version it did not see. A goal's row is a few kilobytes (about 40 at most, every text at its
 * input limit), so the rows held take a few megabytes, and never more than about 80. */
const RECENT_GOALS_MAX = 2_000;

/** A row read from a guessed partition is the goal only when it is live and no move is under way. */
const isSettledGoal = (entity: GoalEntity | null): entity is GoalEntity => entity !== null && entity.status !== DELETED && !entity.movingTo && !entity.movingFrom;

export const indexKey = (tenantId: string, goalId: string) => makeKey(tenantId, goalId);
/** The ETag of a transaction's first action (the goal). Sub-responses come back in request order; only
 * inserts name their row key, so an update's ETag cannot be looked up by key. */
function firstEtag(response: TableTransactionResponse): string {
  return response.subResponses[0]?.etag ?? "";
}

function mapWriteError(error: unknown): never {
  // A write guarded by an ETag finds the row gone when the goal was removed since that version.
  if (isConflict(error, "stale", "gone")) throw new AppError("precondition_failed", "The goal was changed by someone else since you loaded it. Reload to see the latest version.");
  if (isConflict(error, "exists")) throw new AppError("conflict", "The goal already exists.");
  throw error;
}

export function createGoalStore(factory: TableFactory): GoalRepository & CheckInReader & Pick<RepairDeps, "repairGoalRows"> & { readonly tables: string[]; listTenantGoals(tenantId: string): Promise<Goal[]> } {
  const goals = factory.getClient(TABLE_NAMES.goals);
  const index = factory.getClient(TABLE_NAMES.goalIndex);
  const children = factory.getClient(TABLE_NAMES.children);
  const hints = createBoundedMap<string, string>(OWNER_HINTS_MAX);
  /** Rows as stored, which no caller holds: each edit that starts from one gets a goal of its own. */
  const recent = createBoundedMap<string, { row: GoalEntity; etag: string }>(RECENT_GOALS_MAX);
  const keep = (row: GoalEntity, etag: string) => recent.set(indexKey(row.tenantId, row.id), { row, etag });

  async function readGoal(tenantId: string, ownerId: string, goalId: string): Promise<Versioned<Goal> | null> {
    const entity = await getEntityOrNull<GoalEntity>(goals, ownerPartition(tenantId, ownerId), goalRowKey(goalId));
    if (!entity || entity.status === DELETED) return null;
    if (isSettledGoal(entity)) keep(entity, entity.etag);
    return { value: fromGoalEntity(entity), etag: entity.etag };
  }

  async function readPointer(tenantId: string, goalId: string): Promise<{ ownerId: string } | null> {
    const at = goalPointerAt(tenantId, goalId);
    const legacy = legacyGoalPointerAt(tenantId, goalId);
    return (await getEntityOrNull<{ ownerId: string }>(index, at.partitionKey, at.rowKey)) ?? (await getEntityOrNull<{ ownerId: string }>(index, legacy.partitionKey, legacy.rowKey));
  }

  const writePointer = (tenantId: string, goalId: string, ownerId: string) => index.upsertEntity({ ...goalPointerAt(tenantId, goalId), ownerId }, "Replace");

  async function deletePointers(tenantId: string, goalId: string): Promise<void> {
    const at = goalPointerAt(tenantId, goalId);
    const legacy = legacyGoalPointerAt(tenantId, goalId);
    await Promise.all([deleteUnchanged(index, at.partitionKey, at.rowKey), deleteUnchanged(index, legacy.partitionKey, legacy.rowKey)]);
  }

  /** Remembers where a goal lives, unless its id already says so. */
  function remember(tenantId: string, goalId: string, ownerId: string): void {
    const key = indexKey(tenantId, goalId);
    if (ownerNamedBy(goalId) === ownerId) hints.delete(key);
    else hints.set(key, ownerId);
  }

  /** One point read when the owner is known (from the id, or from a hint after the goal changed owner);
   * otherwise, or when that row is not the settled goal, the pointer names the owner. */
  async function getGoal(tenantId: string, goalId: string): Promise<Versioned<Goal> | null> {
    const key = indexKey(tenantId, goalId);
    const guessed = hints.get(key) ?? ownerNamedBy(goalId);
    if (guessed) {
      const entity = await getEntityOrNull<GoalEntity>(goals, ownerPartition(tenantId, guessed), goalRowKey(goalId));
      if (isSettledGoal(entity)) {
        keep(entity, entity.etag);
        return { value: fromGoalEntity(entity), etag: entity.etag };
      }
      hints.delete(key);
    }
    const pointer = await readPointer(tenantId, goalId);
    if (!pointer) return null;
    if (pointer.ownerId !== guessed) remember(tenantId, goalId, pointer.ownerId);
    return readGoal(tenantId, pointer.ownerId, goalId);
  }

  function recentGoal(tenantId: string, goalId: string): Versioned<Goal> | null {
    const held = recent.get(indexKey(tenantId, goalId));
    return held ? { value: fromGoalEntity(held.row), etag: held.etag } : null;
  }

  async function listGoalsByOwner(tenantId: string, ownerId: string, filter: GoalFilter): Promise<Array<Versioned<Goal>>> {
    let query = filterByPrefix(ownerPartition(tenantId, ownerId), "g|");
    if (filter.cycleId) query += ` and cycleId eq ${quoteOData(filter.cycleId)}`;
    if (filter.status) query += ` and status eq ${quoteOData(filter.status)}`;
    const result: Array<Versioned<Goal>> = [];
    for await (const entity of goals.listEntities<GoalEntity>({ queryOptions: { filter: query } })) {
      if (entity.status === DELETED) continue;
      if (!entity.movingTo && !entity.movingFrom) {
        remember(tenantId, entity.id, ownerId);
        keep(entity, entity.etag);
      }
      result.push({ value: fromGoalEntity(entity), etag: entity.etag });
    }
    return result.sort((a, b) => a.value.createdAt.localeCompare(b.value.createdAt));
  }

  /** Every live goal of the tenant in one range query over its owners' partitions (pages of up to a
   * thousand), for work that counts them all at once (the roll-ups). A goal caught moving between
   * owners is listed once, from the row that is the goal. Counting needs neither the description nor
   * the approved snapshot (a second copy of the key results), so they are left out: the goals of a
   * large tenant take far less memory. */
  async function listTenantGoals(tenantId: string): Promise<Goal[]> {
    const from = `${tenantId}|`;
    const query = `PartitionKey ge ${quoteOData(from)} and PartitionKey lt ${quoteOData(prefixUpperBound(from))} and RowKey ge 'g|' and RowKey lt ${quoteOData(prefixUpperBound("g|"))}`;
    const found = new Map<string, { goal: Goal; isMoving: boolean }>();
    for await (const entity of goals.listEntities<GoalEntity>({ queryOptions: { filter: query } })) {
      if (entity.status === DELETED) continue;
      const isMoving = Boolean(entity.movingTo);
      const known = found.get(entity.id);
      if (known && !known.isMoving) continue;
      found.set(entity.id, { goal: fromGoalEntity({ ...entity, description: "", approvedSnapshot: "" }), isMoving });
    }
    return [...found.values()].map((f) => f.goal).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  async function listChildGoals(tenantId: string, parentId: string): Promise<Array<Versioned<Goal>>> {
    const rows: Array<{ rowKey: string; ownerId: string }> = [];
    for await (const row of children.listEntities<{ ownerId: string }>({ queryOptions: { filter: `PartitionKey eq ${quoteOData(childrenKey(tenantId, parentId))}` } })) {
      rows.push({ rowKey: row.rowKey!, ownerId: row.ownerId });
    }
    const found = await Promise.all(rows.map((r) => readGoal(tenantId, r.ownerId, r.rowKey)));
    return found.filter((g): g is Versioned<Goal> => g !== null && g.value.parentId === parentId);
  }

  async function syncChildIndex(write: GoalWrite): Promise<void> {
    const { goal } = write;
    if (isSummaryUnchanged(write)) return;
    const previousParentId = write.previous?.parentId;
    if (previousParentId && previousParentId !== goal.parentId) {
      await deleteUnchanged(children, childrenKey(goal.tenantId, previousParentId), goal.id);
    }
    if (goal.parentId) await writeChildRow(goal);
  }

  async function writeChildRow(goal: Goal): Promise<void> {
    // Merged, so the roll-up kept in the row stays until it is recomputed.
    await children.upsertEntity(toChildRow({ ...goal, parentId: goal.parentId! }), "Merge");
  }

  /** After a write that did not finish: the pointer and children rows as the goal is now (or gone). */
  async function repairGoalRows(tenantId: string, goalId: string, goal: Goal | null, parentIds: string[]): Promise<void> {
    if (goal) await writePointer(tenantId, goalId, goal.ownerId);
    else await deletePointers(tenantId, goalId);
    if (goal?.parentId) await writeChildRow(goal);
    for (const parentId of parentIds) if (parentId !== goal?.parentId) await deleteUnchanged(children, childrenKey(tenantId, parentId), goalId);
  }

  async function saveGoal(write: GoalWrite): Promise<Versioned<Goal>> {
    const { goal } = write;
    const entity = toGoalEntity(goal);
    assertEntityWithinLimits(entity);
    const actions: TransactionAction[] = [write.etag ? ["update", { ...entity }, "Replace", { etag: write.etag }] : ["create", { ...entity }]];
    for (const entry of write.audit) actions.push(["create", toAuditEntity(goal.tenantId, goal.ownerId, entry)]);
    for (const checkIn of write.checkIns ?? []) actions.push(["create", toCheckInEntity(goal.tenantId, goal.ownerId, checkIn)]);
    if (actions.length > TABLE_LIMITS.maxBatch) throw new AppError("payload_too_large", "Too many changes in one write.");
    if (!write.etag) await writePointer(goal.tenantId, goal.id, goal.ownerId);
    let etag: string;
    try {
      const response = await goals.submitTransaction(actions);
      etag = firstEtag(response);
    } catch (error) {
      recent.delete(indexKey(goal.tenantId, goal.id));
      mapWriteError(error);
    }
    remember(goal.tenantId, goal.id, goal.ownerId);
    if (etag) keep(entity, etag);
    await syncChildIndex(write);
    if (!etag) return (await readGoal(goal.tenantId, goal.ownerId, goal.id))!;
    return { value: goal, etag };
  }

  /** A transactional delete cannot carry an ETag, so the goal is first tombstoned (ETag-checked, with
   * its audit entry in the same transaction) and the tombstone is then removed with its own ETag. */
  async function deleteGoal(tenantId: string, goal: Goal, etag: string, audit: AuditEntry): Promise<void> {
    const tombstone = { ...toGoalEntity(goal), status: DELETED };
    recent.delete(indexKey(tenantId, goal.id));
    let tombstoneEtag = "";
    try {
      const response = await goals.submitTransaction([
        ["update", { ...tombstone }, "Replace", { etag }],
        ["create", toAuditEntity(tenantId, goal.ownerId, audit)],
      ]);
      tombstoneEtag = firstEtag(response);
    } catch (error) {
      mapWriteError(error);
    }
    await deleteUnchanged(goals, tombstone.partitionKey, tombstone.rowKey, tombstoneEtag || undefined);
    await deletePointers(tenantId, goal.id);
    if (goal.parentId) await deleteUnchanged(children, childrenKey(tenantId, goal.parentId), goal.id);
  }

  async function listAudit(tenantId: string, goal: Pick<Goal, "id" | "ownerId">): Promise<AuditEntry[]> {
    const query = filterByPrefix(ownerPartition(tenantId, goal.ownerId), auditRowPrefix(goal.id));
    const entries: AuditEntry[] = [];
    for await (const entity of goals.listEntities<Record<string, unknown>>({ queryOptions: { filter: query } })) entries.push(fromAuditEntity(entity));
    return entries;
  }

  /** Newest first (the row keys invert time); the cursor is the last row key handed out. */
  async function listCheckIns(tenantId: string, goal: Pick<Goal, "id" | "ownerId">, page: { limit: number; cursor: string | null }): Promise<Page<CheckIn>> {
    const prefix = checkInRowPrefix(goal.id);
    const after = page.cursor ? Buffer.from(page.cursor, "base64url").toString("utf8") : null;
    if (after !== null && !after.startsWith(prefix)) throw new AppError("validation_failed", "The cursor does not belong to this goal.", { errors: [{ path: "cursor", message: "Not a valid cursor." }] });
    let query = filterByPrefix(ownerPartition(tenantId, goal.ownerId), prefix);
    if (after !== null) query += ` and RowKey gt ${quoteOData(after)}`;
    const rows: Array<Record<string, unknown>> = [];
    for await (const batch of goals.listEntities<Record<string, unknown>>({ queryOptions: { filter: query } }).byPage({ maxPageSize: page.limit + 1 })) {
      rows.push(...batch);
      if (rows.length > page.limit) break;
    }
    const items = rows.slice(0, page.limit);
    const isMore = rows.length > page.limit;
    return { items: items.map(fromCheckInEntity), nextCursor: isMore ? Buffer.from(String(items[items.length - 1]!.rowKey), "utf8").toString("base64url") : null };
  }

  return { tables: [TABLE_NAMES.goals, TABLE_NAMES.goalIndex, TABLE_NAMES.children], getGoal, listGoalsByOwner, listTenantGoals, listChildGoals, saveGoal, deleteGoal, listAudit, listCheckIns, repairGoalRows, recentGoal };
}
