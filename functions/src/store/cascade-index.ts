/** The cascade index in Table Storage. One partition per (tenant, cycle, manager) holds the summaries
 * of the goals of that manager's direct reports, so a subtree view reads one partition per manager in
 * the subtree and nothing else; organisation goals have their own partition per cycle. A pointer
 * per goal remembers where its summary is, so a manager or cycle change moves exactly one summary.
 * A partition's summaries are packed into one entity (the pack, row "!pack"), read with one point
 * read: a team's goals fit it many times over. A partition whose summaries outgrow one entity keeps a
 * row per goal instead, read with a query of the partition, and its pack row says so. Partitions
 * written before packs (a row per goal, no pack row) are read as rows, and folded into a pack at their
 * next write; a tenant whose first index write found nothing of it stored is marked, so a partition
 * without a pack there is known to be empty.
 * Summaries carry the goal's updatedAt: an index write that lost a race never replaces a newer one,
 * and readers keep a summary only where its owner's current manager says it belongs. */
import { ROOT_PLACEMENT, summariseGoal, type CascadeIndex, type GoalSummary, type Placement } from "../domain/cascade-ports.js";
import type { TransactionAction } from "@azure/data-tables";
import { runLimited } from "../domain/run-limited.js";
import type { Goal } from "../domain/types.js";
import { toTransactions } from "./import-goal-writes.js";
import { legacyPlacementPointerAt, placementPointerAt, type RowAddress } from "./goal-pointers.js";
import { isStorageBusy, isStorageUnreachable } from "./storage-timeout.js";
import { createBoundedMap } from "../bounded-map.js";
import { assertEntityWithinLimits, deleteUnchanged, getEntityOrNull, isConflict, joinChunks, makeKey, prefixUpperBound, quoteOData, splitChunks, type TableFactory } from "./tables.js";

export const CASCADE_TABLE = "cascadeindex";
const MAX_ATTEMPTS = 4;
/** A pack is read, changed and written back under its ETag; writers of one team may meet there. */
const PACK_ATTEMPTS = 8;
const PACK_RETRY_DELAY_MS = 20;
/** The pack's row, before any goal's row in its partition (goal and owner ids begin with a letter). */
export const PACK_ROW = "!pack";
/** Characters of summaries one pack holds (about a thousand goals): an entity holds at most 1 MiB. */
export const PACK_MAX_CHARS = 450_000;
/** What this process knows of a tenant's layout: marked as holding packs only (for good), holding rows
 * from before packs (for good), or not marked when last read. Forgetting one costs a read. */
const tenantLayouts = createBoundedMap<string, { layout: "packs" | "rows" | "unmarked"; at: number }>(10_000);
/** A tenant not marked is looked at again after this long: its first write may have marked it. */
const UNMARKED_RECHECK_MS = 60_000;
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
  /** The goal's row in a partition kept as rows. */
  rowKey: string;
}

/** A change to one partition: a summary written unless a newer one is there, or one removed unless
 * it holds a version newer than `upTo` (null: whatever it holds). */
type Change = { kind: "put"; location: Location; summary: GoalSummary } | { kind: "drop"; location: Location; goalId: string; upTo: string | null };

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

/** The mark of a tenant whose partitions all have a pack row, or are empty. */
const layoutMark = (tenantId: string) => ({ partitionKey: makeKey(tenantId, "layout"), rowKey: "packs" });

const isSameLocation = (a: Location, b: Location) => a.partitionKey === b.partitionKey && a.rowKey === b.rowKey;

export function toSummaryEntity(location: Location, summary: GoalSummary): Record<string, unknown> {
  const { flags, ...rest } = summary;
  return { ...location, ...rest, parentId: rest.parentId ?? "", confidence: rest.confidence ?? "", lastCheckInAt: rest.lastCheckInAt ?? "", dueDate: rest.dueDate ?? "", flags: JSON.stringify(flags) };
}

/** The summaries of a pack row, or "rows" when its partition keeps a row per goal. */
export function readPackRow(entity: Record<string, unknown>): GoalSummary[] | "rows" {
  if (entity["layout"] === "rows") return "rows";
  return JSON.parse(joinChunks(entity, Number(entity["chunks"] ?? 0)) || "[]") as GoalSummary[];
}

function toPackRow(partitionKey: string, text: string): Record<string, unknown> {
  const chunks = splitChunks(text);
  return { partitionKey, rowKey: PACK_ROW, layout: "pack", chunks: Object.keys(chunks).length, ...chunks };
}

/** The row a summary has in its partition when the partition keeps rows. */
function rowKeyIn(tenantId: string, partitionKey: string, summary: GoalSummary): string {
  return partitionKey === topPartition(tenantId, summary.cycleId) ? summary.id : makeKey(summary.ownerId, summary.id);
}

/** Applies the changes to a partition's summaries, one per goal: a summary written replaces the goal's
 * other one there (an owner change within the partition), and one removed is removed only from the row
 * named. False when nothing changed. */
function applyChanges(tenantId: string, partitionKey: string, goals: Map<string, GoalSummary>, changes: readonly Change[]): boolean {
  let changed = false;
  for (const change of changes) {
    if (change.kind === "put") {
      const current = goals.get(change.summary.id);
      if (current && (current.updatedAt > change.summary.updatedAt || JSON.stringify(current) === JSON.stringify(change.summary))) continue;
      goals.set(change.summary.id, change.summary);
      changed = true;
    } else {
      const current = goals.get(change.goalId);
      if (!current || rowKeyIn(tenantId, partitionKey, current) !== change.location.rowKey || (change.upTo !== null && current.updatedAt > change.upTo)) continue;
      goals.delete(change.goalId);
      changed = true;
    }
  }
  return changed;
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

  /** A partition's rows of one goal each (a partition kept as rows, or written before packs). */
  async function listRows(partitionKey: string): Promise<Array<{ rowKey: string; etag: string; summary: GoalSummary }>> {
    const rows: Array<{ rowKey: string; etag: string; summary: GoalSummary }> = [];
    const filter = `PartitionKey eq ${quoteOData(partitionKey)}`;
    for await (const e of table.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) {
      if (!e.rowKey!.startsWith("!")) rows.push({ rowKey: e.rowKey!, etag: e.etag, summary: fromSummaryEntity(e) });
    }
    return rows;
  }

  /** Whether the tenant is marked as holding packs only. */
  async function isMarkedPacked(tenantId: string): Promise<boolean> {
    const known = tenantLayouts.get(tenantId);
    if (known && (known.layout !== "unmarked" || Date.now() - known.at < UNMARKED_RECHECK_MS)) return known.layout === "packs";
    const mark = layoutMark(tenantId);
    const isMarked = (await getEntityOrNull(table, mark.partitionKey, mark.rowKey)) !== null;
    tenantLayouts.set(tenantId, { layout: isMarked ? "packs" : "unmarked", at: Date.now() });
    return isMarked;
  }

  /** Marks a tenant of which nothing is stored here yet: from now on its partitions are all packed. */
  async function markIfNew(tenantId: string): Promise<boolean> {
    if (await isMarkedPacked(tenantId)) return true;
    if (tenantLayouts.get(tenantId)?.layout === "rows") return false;
    const prefix = `${tenantId}|`;
    const filter = `PartitionKey ge ${quoteOData(prefix)} and PartitionKey lt ${quoteOData(prefixUpperBound(prefix))}`;
    let isEmpty = true;
    // A page may come back empty with more to follow (Table Storage stops at partition boundaries).
    for await (const page of table.listEntities({ queryOptions: { filter, select: ["PartitionKey"] } }).byPage({ maxPageSize: 1 })) {
      if (page.length === 0) continue;
      isEmpty = false;
      break;
    }
    if (!isEmpty) {
      // What another writer stored since the mark was read comes after that writer's mark.
      const mark = layoutMark(tenantId);
      const isMarked = (await getEntityOrNull(table, mark.partitionKey, mark.rowKey)) !== null;
      tenantLayouts.set(tenantId, { layout: isMarked ? "packs" : "rows", at: Date.now() });
      return isMarked;
    }
    await table.createEntity(layoutMark(tenantId)).catch((error: unknown) => {
      if (!isConflict(error, "exists")) throw error;
    });
    tenantLayouts.set(tenantId, { layout: "packs", at: Date.now() });
    return true;
  }

  async function listPartition(tenantId: string, partitionKey: string): Promise<GoalSummary[]> {
    const pack = await getEntityOrNull<Record<string, unknown>>(table, partitionKey, PACK_ROW);
    const packed = pack ? readPackRow(pack) : null;
    if (packed && packed !== "rows") return packed;
    if (!pack && (await isMarkedPacked(tenantId))) return [];
    return (await listRows(partitionKey)).map((r) => r.summary);
  }

  /** Applies changes to one partition: to its pack, read and written back under its ETag; to its rows
   * when it keeps rows. A partition without a pack gets one holding its rows and the changes (its
   * rows are then deleted); one whose summaries outgrow a pack is turned into rows. `isBulk`: a
   * write among many, sent again when storage was briefly away. */
  async function changePartition(tenantId: string, partitionKey: string, changes: readonly Change[], isBulk: boolean): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        const pack = await getEntityOrNull<Record<string, unknown>>(table, partitionKey, PACK_ROW);
        const packed = pack ? readPackRow(pack) : null;
        if (packed === "rows") {
          for (const change of changes) {
            if (change.kind === "put") await writeRow(change.location, change.summary);
            else await deleteRow(change.location, change.upTo);
          }
          return;
        }
        const folded = packed ? [] : (await markIfNew(tenantId)) ? [] : await listRows(partitionKey);
        const goals = new Map<string, GoalSummary>();
        // A goal moved within a partition kept as rows may have had a row under each owner: the newer counts.
        for (const g of packed ?? folded.map((r) => r.summary)) if ((goals.get(g.id)?.updatedAt ?? "") <= g.updatedAt) goals.set(g.id, g);
        if (!applyChanges(tenantId, partitionKey, goals, changes) && pack) return;
        const summaries = [...goals.values()].sort((a, b) => (a.ownerId + "|" + a.id < b.ownerId + "|" + b.id ? -1 : 1));
        const text = JSON.stringify(summaries);
        if (text.length > PACK_MAX_CHARS) {
          await turnIntoRows(tenantId, partitionKey, summaries, pack?.etag ?? null);
          return;
        }
        const row = toPackRow(partitionKey, text);
        assertEntityWithinLimits(row);
        if (pack) await table.updateEntity(row as never, "Replace", { etag: pack.etag });
        else await table.createEntity(row as never);
        // The pack now answers for the partition; the rows it took in are only left over.
        for (const r of folded) await deleteUnchanged(table, partitionKey, r.rowKey, r.etag);
        return;
      } catch (error) {
        // A row read for a conversion may be deleted before it is written (by a writer that lost one).
        const isRace = isConflict(error) && attempt < PACK_ATTEMPTS;
        if (!isRace && !(isBulk && isTransient(error) && attempt < MAX_ATTEMPTS)) throw error;
        await new Promise((resolve) => setTimeout(resolve, isRace ? PACK_RETRY_DELAY_MS * attempt * Math.random() : BULK_RETRY_DELAY_MS * attempt));
      }
    }
  }

  /** Keeps a partition whose summaries outgrew its pack as rows. The rows are written first, none over a
   * newer one, then the pack row says "rows" under the ETag of the pack the summaries came from (readers
   * keep reading the pack until then). Only the writer whose pack row lands deletes rows the summaries
   * do not hold; one that lost to another writer takes back the rows it created that nobody changed
   * since, and applies its changes again to what the winner left. */
  async function turnIntoRows(tenantId: string, partitionKey: string, summaries: GoalSummary[], etag: string | null): Promise<void> {
    // Rows already there: left by an attempt that did not finish, from before packs, or another
    // writer's conversion under way.
    const existing = new Map((await listRows(partitionKey)).map((r) => [r.rowKey, r]));
    const kept = new Set<string>();
    const writes: Array<{ rowKey: string; action: TransactionAction }> = [];
    for (const summary of summaries) {
      const rowKey = rowKeyIn(tenantId, partitionKey, summary);
      kept.add(rowKey);
      const current = existing.get(rowKey);
      if (current && current.summary.updatedAt > summary.updatedAt) continue;
      const entity = toSummaryEntity({ partitionKey, rowKey }, summary);
      assertEntityWithinLimits(entity);
      writes.push({ rowKey, action: current ? ["update", entity as never, "Replace", { etag: current.etag }] : ["create", entity as never] });
    }
    const created: Array<{ rowKey: string; etag: string }> = [];
    const failures: unknown[] = [];
    await runLimited(toTransactions(writes, (w) => [w.action]), BULK_CONCURRENCY, async (batch) => {
      if (failures.length > 0) return;
      try {
        const response = await table.submitTransaction(batch.actions);
        batch.items.forEach((w, i) => {
          const etag = response.subResponses[i]?.etag;
          if (w.action[0] === "create" && etag) created.push({ rowKey: w.rowKey, etag });
        });
      } catch (error) {
        failures.push(error);
      }
    });
    try {
      if (failures.length > 0) throw failures[0];
      const row = { partitionKey, rowKey: PACK_ROW, layout: "rows" };
      if (etag) await table.updateEntity(row, "Replace", { etag });
      else await table.createEntity(row);
    } catch (error) {
      if (isConflict(error)) for (const r of created) await deleteUnchanged(table, partitionKey, r.rowKey, r.etag);
      throw error;
    }
    for (const r of existing.values()) if (!kept.has(r.rowKey)) await deleteUnchanged(table, partitionKey, r.rowKey, r.etag);
  }

  /** Writes the row unless a newer version of the goal is already there. */
  async function writeRow(location: Location, summary: GoalSummary): Promise<void> {
    const entity = toSummaryEntity(location, summary);
    assertEntityWithinLimits(entity);
    for (let attempt = 1; ; attempt++) {
      const current = await getEntityOrNull<{ updatedAt?: string }>(table, location.partitionKey, location.rowKey);
      if (current && String(current.updatedAt ?? "") > summary.updatedAt) return;
      try {
        if (current) await table.updateEntity(entity as never, "Replace", { etag: current.etag });
        else await table.createEntity(entity as never);
        return;
      } catch (error) {
        // Changed, created or deleted by another writer since it was read: read it again.
        if (!isConflict(error) || attempt >= MAX_ATTEMPTS) throw error;
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

  const put = (tenantId: string, location: Location, summary: GoalSummary) => changePartition(tenantId, location.partitionKey, [{ kind: "put", location, summary }], false);
  const drop = (tenantId: string, location: Location, goalId: string, upTo: string | null) => changePartition(tenantId, location.partitionKey, [{ kind: "drop", location, goalId, upTo }], false);

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
      await put(tenantId, target, summary);
      if (goal.isTopLevel) await put(tenantId, topAt(tenantId, goal.cycleId, goal.id), summary);
      const isUnchanged = stored && stored.managerKey === pointer.managerKey && stored.cycleId === pointer.cycleId && stored.ownerId === pointer.ownerId && stored.isTopLevel === pointer.isTopLevel && stored.ownerName === pointer.ownerName;
      if (isUnchanged) return;
      if (!(await savePointer(tenantId, goal.id, pointer, stored && !stored.isLegacy ? stored.etag : null))) continue;
      if (!stored) return;
      if (stored.isLegacy) await deletePointer(legacyPlacementPointerAt(tenantId, goal.id), stored.etag);
      const previous = placedAt(tenantId, stored, goal.id);
      if (!isSameLocation(previous, target)) await drop(tenantId, previous, goal.id, goal.updatedAt);
      if (stored.isTopLevel && (!goal.isTopLevel || stored.cycleId !== goal.cycleId)) await drop(tenantId, topAt(tenantId, stored.cycleId, goal.id), goal.id, goal.updatedAt);
      return;
    }
    throw new Error(`The cascade index of goal ${goal.id} kept changing; gave up after ${MAX_ATTEMPTS} attempts`);
  }

  async function removeGoal(tenantId: string, goalId: string): Promise<void> {
    const stored = await readPointer(tenantId, goalId);
    if (!stored) return;
    await drop(tenantId, placedAt(tenantId, stored, goalId), goalId, null);
    if (stored.isTopLevel) await drop(tenantId, topAt(tenantId, stored.cycleId, goalId), goalId, null);
    await deletePointer(stored.isLegacy ? legacyPlacementPointerAt(tenantId, goalId) : placementPointerAt(tenantId, goalId), stored.etag);
  }

  /** Goals that have never been indexed (just created): their summaries into each partition's pack
   * (one read and one write a partition), then their pointers in transactions. Writing them again is
   * harmless, so an interrupted run is simply repeated. */
  async function indexNewGoals(tenantId: string, entries: readonly NewIndexEntry[]): Promise<void> {
    const byPartition = new Map<string, Change[]>();
    const add = (location: Location, summary: GoalSummary) => {
      const list = byPartition.get(location.partitionKey);
      const change: Change = { kind: "put", location, summary };
      if (list) list.push(change);
      else byPartition.set(location.partitionKey, [change]);
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
    await runLimited([...byPartition], BULK_CONCURRENCY, ([partitionKey, changes]) => changePartition(tenantId, partitionKey, changes, true));
    // The pointers last: a goal whose pointer is written has its summaries.
    const upsert = (entity: Record<string, unknown>): TransactionAction[] => [["upsert", entity as never, "Replace"]];
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
    listGoalsPlacedUnder: (tenantId, cycleId, managerKey) => listPartition(tenantId, placedPartition(tenantId, cycleId, managerKey)),
    listTopLevelGoals: (tenantId, cycleId) => listPartition(tenantId, topPartition(tenantId, cycleId)),
    indexGoal,
    removeGoal,
  };
}
