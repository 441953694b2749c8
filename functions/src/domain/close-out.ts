/** Pure rules of a cycle's close-out: when it is open, which goals take one, the score it starts
 * from, and how an unfinished goal's key results start again in the next cycle. */
import { isMeasured } from "../contracts/key-result-rules.js";
import { computeGoalProgress } from "../contracts/progress.js";
import { CLOSE_OUT_COMMENT_MAX, REFLECTION_MAX } from "../contracts/limits.js";
import type { IdGenerator } from "./ports.js";
import type { CarryLink, Cycle, Goal, GoalStatus, KeyResult } from "./types.js";

export { CLOSE_OUT_COMMENT_MAX, REFLECTION_MAX };
/** Comments kept on one close-out; bounded so that the goal row stays within the table's limits. */
export const CLOSE_OUT_COMMENTS_MAX = 20;

/** Goals that were agreed and ran in the cycle; drafts and goals never approved have nothing to review. */
const CLOSABLE: ReadonlySet<GoalStatus> = new Set(["active", "completed", "missed"]);
/** Goals that may go on into another cycle: anything still meant to be done. */
const CARRIABLE: ReadonlySet<GoalStatus> = new Set(["draft", "pending_approval", "changes_requested", "active", "missed"]);

/** Close-out opens once the cycle has ended, or earlier when an admin opens it. `today` is YYYY-MM-DD. */
export function isCloseOutOpen(cycle: Pick<Cycle, "endDate" | "closeOutOpenedAt">, today: string): boolean {
  return today > cycle.endDate || !!cycle.closeOutOpenedAt;
}

/** Days after its close-out opened that a cycle is still announced; a cycle that ended long before
 * Cascade learned to announce close-outs is not announced at all. */
export const ANNOUNCE_WITHIN_DAYS = 14;

const DAY_MS = 24 * 60 * 60 * 1000;

/** The day a cycle's close-out opened: the day an admin opened it, else the day after the cycle's end. */
export function closeOutOpenedOn(cycle: Pick<Cycle, "endDate" | "closeOutOpenedAt">): string {
  if (cycle.closeOutOpenedAt) return cycle.closeOutOpenedAt.slice(0, 10);
  return new Date(Date.parse(`${cycle.endDate}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

/** The cycles whose owners are still to be told that close-out is open: open now, not announced yet,
 * and opened within the last ANNOUNCE_WITHIN_DAYS days. `today` is YYYY-MM-DD. */
export function selectCyclesToAnnounce<C extends Pick<Cycle, "id" | "endDate" | "closeOutOpenedAt">>(cycles: readonly C[], announced: ReadonlySet<string>, today: string): C[] {
  const oldest = new Date(Date.parse(`${today}T00:00:00Z`) - ANNOUNCE_WITHIN_DAYS * DAY_MS).toISOString().slice(0, 10);
  return cycles.filter((cycle) => !announced.has(cycle.id) && isCloseOutOpen(cycle, today) && closeOutOpenedOn(cycle) >= oldest);
}

/** Where an unfinished goal goes on: the earliest open cycle that starts after this one ends; null when there is none. */
export function findNextCycle<C extends Pick<Cycle, "id" | "startDate" | "endDate" | "status">>(cycles: readonly C[], from: Pick<Cycle, "id" | "endDate">): C | null {
  const later = cycles.filter((c) => c.id !== from.id && c.status === "open" && c.startDate > from.endDate);
  return later.sort((a, b) => a.startDate.localeCompare(b.startDate) || a.id.localeCompare(b.id))[0] ?? null;
}

export function canCloseOutStatus(status: GoalStatus): boolean {
  return CLOSABLE.has(status);
}

/** The score a close-out form starts from: the goal's progress, in whole percent. */
export function suggestScore(goal: Pick<Goal, "keyResults">): number {
  return Math.round(computeGoalProgress(goal.keyResults) * 100);
}

/** Unfinished: not completed, cancelled or rejected, and not closed out as achieved. */
export function isUnfinished(goal: Pick<Goal, "status" | "closeOut">): boolean {
  return CARRIABLE.has(goal.status) && goal.closeOut?.outcome !== "achieved";
}

export function findCarryLink(goal: Pick<Goal, "carriedTo">, cycleId: string): CarryLink | null {
  return (goal.carriedTo ?? []).find((link) => link.cycleId === cycleId) ?? null;
}

/** Key results start where they ended: the last value of a rising or falling measure becomes its
 * baseline (never past the target, so the direction still holds), a threshold stays, and milestones
 * not yet done come along undone. Done milestones stay behind, unless nothing else would remain. */
export function carryKeyResults(keyResults: KeyResult[], ids: IdGenerator): KeyResult[] {
  const carried: KeyResult[] = [];
  for (const kr of keyResults) {
    if (!isMeasured(kr)) {
      if (!kr.done) carried.push({ ...kr, id: ids.newId(), done: false });
      continue;
    }
    let start = kr.start;
    if (kr.kind === "increase") start = Math.min(kr.current, kr.target);
    else if (kr.kind === "decrease") start = Math.max(kr.current, kr.target);
    carried.push({ ...kr, id: ids.newId(), start, current: kr.kind === "increase" || kr.kind === "decrease" ? start : kr.current });
  }
  if (carried.length > 0) return carried;
  return keyResults.map((kr) => ({ ...kr, id: ids.newId(), ...(kr.kind === "milestone" ? { done: false } : {}) }) as KeyResult);
}

/** A due date moved into the target cycle: the same offset from the cycle's end, never before its start. */
export function carryDueDate(dueDate: string | null, from: Pick<Cycle, "endDate">, to: Pick<Cycle, "startDate" | "endDate">): string | null {
  if (!dueDate) return null;
  const offset = Date.parse(`${from.endDate}T00:00:00Z`) - Date.parse(`${dueDate}T00:00:00Z`);
  const moved = new Date(Date.parse(`${to.endDate}T00:00:00Z`) - Math.max(0, offset)).toISOString().slice(0, 10);
  return moved < to.startDate ? to.endDate : moved;
}
