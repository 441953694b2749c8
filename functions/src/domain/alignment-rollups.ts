/** The alignment roll-up, kept. The row a goal keeps under the goal it is aligned to (the children index)
 * also holds the goal's progress rolled up over everything aligned below it, and how many goals are
 * aligned to it directly, so a view of one level reads that level's rows and nothing below them.
 *
 * A write recomputes the goal's row under its parent (before and after) from the goal and the rows under
 * it, then the parent's row under the grandparent, and on up while a row changes. Each row is recomputed
 * from its inputs, never by adding deltas, and written only while it is still the version read before its
 * inputs were read (ETag), so retries, replays and concurrent walks all end on the same rows. The rebuild
 * recomputes every row of a tenant from the rows themselves and writes what differs. */
import { summariseGoal, type GoalSummary } from "./cascade-ports.js";
import { createCoalescer } from "./coalesce.js";
import { isAppError } from "./errors.js";
import { readAhead, reported, withUpkeep, type GoalUpkeep } from "./goal-upkeep.js";
import type { GoalRepository, Versioned } from "./ports.js";
import { rollUpProgress } from "../contracts/progress.js";
import { isCountedInRollUp, rollUpSummaries, type RollUpItem } from "./rollup.js";
import type { Goal } from "./types.js";

/** A goal as it sits under its parent, with what is kept about the goals aligned below it. */
export interface AlignedRow extends Omit<GoalSummary, "ownerName" | "parentId"> {
  /** The goal's progress rolled up over everything aligned below it; null until first computed. */
  rolledUpProgress: number | null;
  /** Goals aligned to this one directly, whatever their status; null until first computed. */
  alignedCount: number | null;
}

export interface AlignmentRows {
  read(tenantId: string, parentId: string, goalId: string): Promise<Versioned<AlignedRow> | null>;
  /** The rows under one goal, by goal id. */
  list(tenantId: string, parentId: string): Promise<AlignedRow[]>;
  /** Writes the row (null: deletes it) while it is still at `etag` (null: only when there is none);
   * throws precondition_failed or conflict when another writer got there first. */
  write(tenantId: string, parentId: string, goalId: string, row: AlignedRow | null, etag: string | null): Promise<void>;
  /** Every row of the tenant, with the goal it sits under. */
  listAll(tenantId: string): AsyncIterable<{ parentId: string; row: Versioned<AlignedRow> }>;
}

export interface AlignmentDeps {
  rows: AlignmentRows;
  goals: Pick<GoalRepository, "getGoal">;
}

/** Parent links are followed this far at most, so bad data (a loop) cannot keep a walk going. */
export const MAX_ALIGNMENT_DEPTH = 32;
const MAX_ATTEMPTS = 10;

const isLostRace = (error: unknown) => isAppError(error) && (error.code === "precondition_failed" || error.code === "conflict");

type Below = Pick<AlignedRow, "status" | "weight" | "progress" | "rolledUpProgress">;

/** A goal's figures from its own progress and the rows under it. A row not computed yet counts with
 * its own progress. */
export function computeFigures(progress: number, below: readonly Below[]): { rolledUpProgress: number; alignedCount: number } {
  const parts = [{ progress, weight: 1 }, ...below.filter((r) => isCountedInRollUp(r.status)).map((r) => ({ progress: r.rolledUpProgress ?? r.progress, weight: r.weight }))];
  return { rolledUpProgress: rollUpProgress(parts), alignedCount: below.length };
}

export function toAlignedRow(goal: Goal, below: readonly Below[]): AlignedRow {
  const { ownerName: _ownerName, parentId: _parentId, ...summary } = summariseGoal(goal, "");
  return { ...summary, ...computeFigures(summary.progress, below) };
}

/** Every goal's figures from the goals themselves (the seed of a benchmark, the check of a test). */
export function computeAllFigures(goals: readonly RollUpItem[]): Map<string, { rolledUpProgress: number; alignedCount: number }> {
  const rolled = rollUpSummaries(goals);
  const counts = new Map<string, number>();
  const ids = new Set(goals.map((g) => g.id));
  for (const goal of goals) if (goal.parentId && ids.has(goal.parentId)) counts.set(goal.parentId, (counts.get(goal.parentId) ?? 0) + 1);
  return new Map(goals.map((g) => [g.id, { rolledUpProgress: rolled.get(g.id) ?? g.progress, alignedCount: counts.get(g.id) ?? 0 }]));
}

const FIELDS: ReadonlyArray<keyof AlignedRow> = ["id", "ownerId", "cycleId", "isTopLevel", "status", "title", "weight", "visibility", "progress", "confidence", "lastCheckInAt", "dueDate", "updatedAt", "rolledUpProgress", "alignedCount"];

export function sameAlignedRow(a: AlignedRow | null, b: AlignedRow | null): boolean {
  if (a === null || b === null) return a === b;
  return FIELDS.every((f) => a[f] === b[f]) && a.flags.join(",") === b.flags.join(",");
}

const coalesce = createCoalescer();

/** Recomputes the goal's row under `parentId` (deleting it when the goal is gone or aligned elsewhere);
 * true when the row changed. Overlapping recomputations of one row share their runs (coalesce.ts). */
function refreshRow(deps: AlignmentDeps, tenantId: string, parentId: string, goalId: string): Promise<boolean> {
  return coalesce(`${tenantId}/${parentId}/${goalId}`, () => refreshRowOnce(deps, tenantId, parentId, goalId));
}

async function refreshRowOnce(deps: AlignmentDeps, tenantId: string, parentId: string, goalId: string): Promise<boolean> {
  for (let attempt = 1; ; attempt++) {
    const current = await deps.rows.read(tenantId, parentId, goalId);
    const [goal, below] = await Promise.all([deps.goals.getGoal(tenantId, goalId), deps.rows.list(tenantId, goalId)]);
    const next = goal && goal.value.parentId === parentId ? toAlignedRow(goal.value, below) : null;
    if (sameAlignedRow(current?.value ?? null, next)) return false;
    try {
      await deps.rows.write(tenantId, parentId, goalId, next, current?.etag ?? null);
      return true;
    } catch (error) {
      if (!isLostRace(error) || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
}

/** The goal's row under `parentId`, then that goal's row under its own parent, and on up while a row
 * changes (or to the top, `wholeChain`). The goal above each row is read while the row is recomputed:
 * its own parent is the next step. */
async function walkUp(deps: AlignmentDeps, tenantId: string, goalId: string, parentId: string, wholeChain: boolean): Promise<number> {
  let written = 0;
  let below = goalId;
  let at: string | null | undefined = parentId;
  for (let depth = 0; at && depth <= MAX_ALIGNMENT_DEPTH; depth++) {
    const above: Promise<Versioned<Goal> | null> = readAhead(deps.goals.getGoal(tenantId, at));
    if (await refreshRow(deps, tenantId, at, below)) written++;
    else if (depth > 0 && !wholeChain) break;
    below = at;
    at = (await above)?.value.parentId;
  }
  return written;
}

/** The goal's rows under each of `parentIds` (where it is aligned now, where it was), then each of those
 * goals' rows up their chains, both chains at once. A write stops where a row above its own comes out
 * unchanged: whatever lies above it cannot have changed. A repair walks each chain to the top
 * (`wholeChain`): the write it repairs may have stopped anywhere on the way. Returns the rows written. */
export async function refreshAlignment(deps: AlignmentDeps, tenantId: string, goalId: string, parentIds: readonly (string | null | undefined)[], wholeChain = false): Promise<number> {
  const walks = [...new Set(parentIds.filter((id): id is string => !!id))].map((parentId) => walkUp(deps, tenantId, goalId, parentId, wholeChain));
  return (await Promise.all(walks)).reduce((sum, n) => sum + n, 0);
}

/** Keeps the alignment roll-ups current after every write that changes a goal's summary. A failure is
 * reported, not thrown: the goal is written, and the repair of unfinished writes or the nightly rebuild
 * brings the rows back. */
export function alignmentUpkeep(goals: GoalRepository, rows: AlignmentRows, onError: (error: unknown, goalId: string) => void): GoalUpkeep {
  const deps: AlignmentDeps = { rows, goals };
  const refresh = (tenantId: string, goalId: string, parentIds: Array<string | null | undefined>) => reported(refreshAlignment(deps, tenantId, goalId, parentIds), (error) => onError(error, goalId));
  return {
    afterSave: (write) => refresh(write.goal.tenantId, write.goal.id, [write.previous?.parentId, write.goal.parentId]),
    afterDelete: (tenantId, goal) => refresh(tenantId, goal.id, [goal.parentId]),
  };
}

/** The goal repository with that upkeep alone. */
export function withAlignmentUpkeep<T extends GoalRepository>(goals: T, rows: AlignmentRows, onError: (error: unknown, goalId: string) => void): T {
  return withUpkeep(goals, [alignmentUpkeep(goals, rows, onError)]);
}

/** Recomputes every alignment row of the tenant from the rows themselves, deepest first, and writes the
 * ones that differ (each guarded by the ETag it was read with; one changed meanwhile by the upkeep is
 * newer and is left as it is). Rows whose goal is gone are left to the goal's own repair. */
export async function rebuildAlignment(rows: AlignmentRows, tenantId: string): Promise<{ rows: number; rowsChanged: number }> {
  const all = new Map<string, { parentId: string; row: Versioned<AlignedRow> }>();
  const under = new Map<string, string[]>();
  for await (const entry of rows.listAll(tenantId)) {
    all.set(`${entry.parentId}/${entry.row.value.id}`, entry);
    const list = under.get(entry.parentId);
    if (list) list.push(entry.row.value.id);
    else under.set(entry.parentId, [entry.row.value.id]);
  }
  const figures = new Map<string, { rolledUpProgress: number; alignedCount: number }>();
  const visiting = new Set<string>();
  const figuresOf = (goalId: string, progress: number): { rolledUpProgress: number; alignedCount: number } => {
    const known = figures.get(goalId);
    if (known) return known;
    visiting.add(goalId);
    const below = (under.get(goalId) ?? []).sort().flatMap((childId) => {
      const child = all.get(`${goalId}/${childId}`)!.row.value;
      // A loop in parent links (bad data) is cut where it closes.
      const kept = visiting.has(childId) ? { rolledUpProgress: child.rolledUpProgress } : figuresOf(childId, child.progress);
      return [{ ...child, rolledUpProgress: kept.rolledUpProgress }];
    });
    visiting.delete(goalId);
    const result = computeFigures(progress, below);
    figures.set(goalId, result);
    return result;
  };
  let rowsChanged = 0;
  for (const { parentId, row } of all.values()) {
    const next = { ...row.value, ...figuresOf(row.value.id, row.value.progress) };
    if (sameAlignedRow(row.value, next)) continue;
    try {
      await rows.write(tenantId, parentId, row.value.id, next, row.etag);
      rowsChanged++;
    } catch (error) {
      if (!isLostRace(error)) throw error;
    }
  }
  return { rows: all.size, rowsChanged };
}
