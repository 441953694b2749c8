/** The cascade index in Table Storage. One partition per (tenant, cycle, manager) holds a summary row
 * per goal of that manager's direct reports, so a subtree view reads one partition per manager in
 * the subtree and nothing else; organisation goals have their own partition per cycle. A pointer
 * per goal remembers where its row is, so a manager or cycle change moves exactly one row.
 * Rows carry the goal's updatedAt: an index write that lost a race never replaces a newer row, and
 * readers keep a row only where its owner's current manager says it belongs. */
import { ROOT_PLACEMENT, summariseGoal, type CascadeIndex, type GoalSummary, type Placement } from "../domain/cascade-ports.js";
import type { TransactionAction } from "@azure/data-tables";
import { runLimited } from "../domain/run-limited.js";
import type { Goal } from "../domain/types.js";
import { toTransactions } from "./import-goal-writes.js";
import { legacyPlacementPointerAt, placementPointerAt, type RowAddress } from "./goal-pointers.js";
import { isStorageBusy, isStorageUnreachable } from "./storage-timeout.js";
import { assertEntityWithinLimits, getEntityOrNull, isConflict, makeKey, quoteOData, type TableFactory } from "./tables.js";

export const CASCADE_TABLE = "cascadeindex";
const MAX_ATTEMPTS = 4;
const BULK_CONCURRENCY = 16;
/** Before a bulk transaction that did not get through is sent again: longer at each attempt. */
export const BULK_RETRY_DELAY_MS = 500;

/** Storage that did not answer in time or was briefly away: the transaction may be sent again. */
const isTransient = (error: unknown) => isStorageBusy(error) || isStorageUnreachable(error);

/** A goal indexed for the first time, with where its owner is placed now. */
export interface NewIndexEntry {
  goal: Goal;
  placement: { managerKey: string; ownerName: string };
}

interface Location {
  partitionKey: string;
  rowKey: string;
}

interface Pointer {
  cycleId: string;
  managerKey: string;
  ownerId: string;
  ownerName: string;
  isTopLevel: boolean;
}

const placedPartition = (tenantId: string, cycleId: string, managerKey: string) => makeKey(tenantId, cycleId, "m", managerKey);
const topPartition = (tenantId: string, cycleId: string) => makeKey(tenantId, cycleId, "top");

function placedAt(tenantId: string, p: Pick<Pointer, "cycleId" | "managerKey" | "ownerId">, goalId: string): Location {
  return { partitionKey: placedPartition(tenantId, p.cycleId, p.managerKey), rowKey: makeKey(p.ownerId, goalId) };
}

function topAt(tenantId: string, cycleId: string, goalId: string): Location {
  return { partitionKey: topPartition(tenantId, cycleId), rowKey: goalId };
}

const isSameLocation = (a: Location, b: Location) => a.partitionKey === b.partitionKey && a.rowKey === b.rowKey;

function toEntity(location: Location, summary: GoalSummary): Record<string, unknown> {
  const { flags, ...rest } = summary;
  return { ...location, ...rest, parentId: rest.parentId ?? "", confidence: rest.confidence ?? "", lastCheckInAt: rest.lastCheckInAt ?? "", dueDate: rest.dueDate ?? "", flags: JSON.stringify(flags) };
}

export function fromSummaryEntity(e: Record<string, unknown>): GoalSummary {
  const text = (key: string) => (typeof e[key] === "string" && e[key] !== "" ? String(e[key]) : null);
  return {
    id: String(e["id"]),
    ownerId: String(e["ownerId"]),
    ownerName: String(e["ownerName"] ?? ""),
    cycleId: String(e["cycleId"]),
    parentId: text("parentId"),
    isTopLevel: e["isTopLevel"] === true,
    status: String(e["status"]) as GoalSummary["status"],
    title: String(e["title"] ?? ""),
    weight: Number(e["weight"] ?? 1),
    visibility: e["visibility"] === "private" ? "private" : "public",
    flags: JSON.parse(String(e["flags"] || "[]")) as GoalSummary["flags"],
    progress: Number(e["progress"] ?? 0),
    confidence: text("confidence") as GoalSummary["confidence"],
    lastCheckInAt: text("lastCheckInAt"),
    dueDate: text("dueDate"),
    updatedAt: String(e["updatedAt"] ?? ""),
  };
}

export function createCascadeIndex(factory: TableFactory): CascadeIndex & { readonly tables: string[]; indexNewGoals(tenantId: string, entries: readonly NewIndexEntry[]): Promise<void> } {
  const table = factory.getClient(CASCADE_TABLE);

  async function listPartition(partitionKey: string): Promise<GoalSummary[]> {
    const rows: GoalSummary[] = [];
    for await (const e of table.listEntities<Record<string, unknown>>({ queryOptions: { filter: `PartitionKey eq ${quoteOData(partitionKey)}` } })) rows.push(fromSummaryEntity(e));
    return rows;
  }

  /** Writes the row unless a newer version of the goal is already there. */
  async function writeRow(location: Location, summary: GoalSummary): Promise<void> {
    const entity = toEntity(location, summary);
    assertEntityWithinLimits(entity);
    for (let attempt = 1; ; attempt++) {
      const current = await getEntityOrNull<{ updatedAt?: string }>(table, location.partitionKey, location.rowKey);
      if (current && String(current.updatedAt ?? "") > summary.updatedAt) return;
      try {
        if (current) await table.updateEntity(entity as never, "Replace", { etag: current.etag });
        else await table.createEntity(entity as never);
        return;
      } catch (error) {
        if (!isConflict(error, "exists", "stale") || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }

  /** Deletes the row unless it already holds a version newer than `upTo`. */
  async function deleteRow(location: Location, upTo: string | null): Promise<void> {
    const current = await getEntityOrNull<{ updatedAt?: string }>(table, location.partitionKey, location.rowKey);
    if (!current || (upTo !== null && String(current.updatedAt ?? "") > upTo)) return;
    await table.deleteEntity(location.partitionKey, location.rowKey, { etag: current.etag }).catch((error: unknown) => {
      if (!isConflict(error, "gone", "stale")) throw error;
    });
  }

  /** The goal's pointer: from its shard, or where it was kept before the shards (`isLegacy`). */
  async function readPointer(tenantId: string, goalId: string): Promise<(Pointer & { etag: string; isLegacy: boolean }) | null> {
    const at = placementPointerAt(tenantId, goalId);
    const current = await getEntityOrNull<Pointer>(table, at.partitionKey, at.rowKey);
    if (current) return { ...current, isLegacy: false };
    const legacy = legacyPlacementPointerAt(tenantId, goalId);
    const old = await getEntityOrNull<Pointer>(table, legacy.partitionKey, legacy.rowKey);
    return old ? { ...old, isLegacy: true } : null;
  }

  /** Writes the pointer into the goal's shard; `etag` is that of the shard's row (null: none there yet). */
  async function savePointer(tenantId: string, goalId: string, pointer: Pointer, etag: string | null): Promise<boolean> {
    const entity = { ...placementPointerAt(tenantId, goalId), ...pointer };
    try {
      if (etag) await table.updateEntity(entity, "Replace", { etag });
      else await table.createEntity(entity);
      return true;
    } catch (error) {
      if (isConflict(error, "exists", "stale")) return false;
      throw error;
    }
  }

  async function deletePointer(at: RowAddress, etag: string): Promise<void> {
    await table.deleteEntity(at.partitionKey, at.rowKey, { etag }).catch((error: unknown) => {
      if (!isConflict(error, "gone", "stale")) throw error;
    });
  }

  async function indexGoal(goal: Goal, pending: Placement | Promise<Placement>): Promise<void> {
    const { tenantId } = goal;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const [stored, placement] = await Promise.all([readPointer(tenantId, goal.id), pending]);
      const pointer: Pointer = {
        cycleId: goal.cycleId,
        managerKey: placement.managerKey ?? stored?.managerKey ?? ROOT_PLACEMENT,
        ownerId: goal.ownerId,
        ownerName: placement.ownerName ?? stored?.ownerName ?? "",
        isTopLevel: goal.isTopLevel,
      };
      const summary = summariseGoal(goal, pointer.ownerName);
      const target = placedAt(tenantId, pointer, goal.id);
      await writeRow(target, summary);
      if (goal.isTopLevel) await writeRow(topAt(tenantId, goal.cycleId, goal.id), summary);
      const isUnchanged = stored && stored.managerKey === pointer.managerKey && stored.cycleId === pointer.cycleId && stored.ownerId === pointer.ownerId && stored.isTopLevel === pointer.isTopLevel && stored.ownerName === pointer.ownerName;
      if (isUnchanged) return;
      if (!(await savePointer(tenantId, goal.id, pointer, stored && !stored.isLegacy ? stored.etag : null))) continue;
      if (!stored) return;
      if (stored.isLegacy) await deletePointer(legacyPlacementPointerAt(tenantId, goal.id), stored.etag);
      const previous = placedAt(tenantId, stored, goal.id);
      if (!isSameLocation(previous, target)) await deleteRow(previous, goal.updatedAt);
      if (stored.isTopLevel && (!goal.isTopLevel || stored.cycleId !== goal.cycleId)) await deleteRow(topAt(tenantId, stored.cycleId, goal.id), goal.updatedAt);
      return;
    }
    throw new Error(`The cascade index of goal ${goal.id} kept changing; gave up after ${MAX_ATTEMPTS} attempts`);
  }

  async function removeGoal(tenantId: string, goalId: string): Promise<void> {
    const stored = await readPointer(tenantId, goalId);
    if (!stored) return;
    await deleteRow(placedAt(tenantId, stored, goalId), null);
    if (stored.isTopLevel) await deleteRow(topAt(tenantId, stored.cycleId, goalId), null);
    await deletePointer(stored.isLegacy ? legacyPlacementPointerAt(tenantId, goalId) : placementPointerAt(tenantId, goalId), stored.etag);
  }

  /** Goals that have never been indexed (just created): their rows in transactions per partition, then
   * their pointers. Writing them again is harmless, so an interrupted run is simply repeated. */
  async function indexNewGoals(tenantId: string, entries: readonly NewIndexEntry[]): Promise<void> {
    const byPartition = new Map<string, Array<Record<string, unknown>>>();
    const add = (location: Location, summary: GoalSummary) => {
      const entity = toEntity(location, summary);
      assertEntityWithinLimits(entity);
      const list = byPartition.get(location.partitionKey);
      if (list) list.push(entity);
      else byPartition.set(location.partitionKey, [entity]);
    };
    for (const { goal, placement } of entries) {
      const summary = summariseGoal(goal, placement.ownerName);
      add(placedAt(tenantId, { cycleId: goal.cycleId, managerKey: placement.managerKey, ownerId: goal.ownerId }, goal.id), summary);
      if (goal.isTopLevel) add(topAt(tenantId, goal.cycleId, goal.id), summary);
    }
    const pointers = new Map<string, Array<Record<string, unknown>>>();
    for (const { goal, placement } of entries) {
      const pointer: Pointer = { cycleId: goal.cycleId, managerKey: placement.managerKey, ownerId: goal.ownerId, ownerName: placement.ownerName, isTopLevel: goal.isTopLevel };
      const entity = { ...placementPointerAt(tenantId, goal.id), ...pointer };
      const list = pointers.get(entity.partitionKey);
      if (list) list.push(entity);
      else pointers.set(entity.partitionKey, [entity]);
    }
    const upsert = (entity: Record<string, unknown>): TransactionAction[] => [["upsert", entity as never, "Replace"]];
    const batches = [...byPartition.values()].flatMap((list) => toTransactions(list, upsert));
    await runLimited(batches, BULK_CONCURRENCY, (batch) => submitUpserts(batch.actions));
    // The pointers last: a goal whose pointer is written has its rows.
    const pointerBatches = [...pointers.values()].flatMap((list) => toTransactions(list, upsert));
    await runLimited(pointerBatches, BULK_CONCURRENCY, (batch) => submitUpserts(batch.actions));
  }

  /** One bulk transaction, sent again when storage did not answer in time or was briefly away (many at
   * once on a busy host): it only upserts, so a copy that did arrive the first time writes the same rows
   * again, and one slow transaction does not fail the thousands sent beside it. */
  async function submitUpserts(actions: TransactionAction[]): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await table.submitTransaction(actions);
        return;
      } catch (error) {
        if (attempt >= MAX_ATTEMPTS || !isTransient(error)) throw error;
        await new Promise((resolve) => setTimeout(resolve, BULK_RETRY_DELAY_MS * attempt));
      }
    }
  }

  return {
    tables: [CASCADE_TABLE],
    indexNewGoals,
    listGoalsPlacedUnder: (tenantId, cycleId, managerKey) => listPartition(placedPartition(tenantId, cycleId, managerKey)),
    listTopLevelGoals: (tenantId, cycleId) => listPartition(topPartition(tenantId, cycleId)),
    indexGoal,
    removeGoal,
  };
}
