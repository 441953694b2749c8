/** What changed between two versions of a goal, and whether the change needs re-approval. */
import { isMeasured } from "../contracts/key-result-rules.js";
import type { ApprovedSnapshot, Goal, GoalDraft, KeyResult } from "./types.js";

export type FieldChanges = Record<string, { from: unknown; to: unknown }>;

const DRAFT_FIELDS = ["cycleId", "title", "description", "dueDate", "visibility", "parentId", "weight", "keyResults", "isTopLevel"] as const;

export function diffGoals(before: Pick<Goal, (typeof DRAFT_FIELDS)[number]>, after: Pick<Goal, (typeof DRAFT_FIELDS)[number]>): FieldChanges {
  const changes: FieldChanges = {};
  for (const field of DRAFT_FIELDS) {
    if (JSON.stringify(before[field]) !== JSON.stringify(after[field])) changes[field] = { from: before[field], to: after[field] };
  }
  return changes;
}

export function takeSnapshot(goal: Pick<GoalDraft, "title" | "dueDate" | "parentId" | "keyResults">): ApprovedSnapshot {
  return {
    title: goal.title,
    dueDate: goal.dueDate,
    parentId: goal.parentId,
    keyResults: goal.keyResults.map(snapshotKeyResult),
  };
}

function snapshotKeyResult(kr: KeyResult): ApprovedSnapshot["keyResults"][number] {
  return isMeasured(kr)
    ? { id: kr.id, title: kr.title, kind: kr.kind, start: kr.start, target: kr.target }
    : { id: kr.id, title: kr.title, kind: kr.kind };
}

/** A material edit changes what the manager agreed to: title, targets, parent or due date. */
export function isMaterialChange(snapshot: ApprovedSnapshot, goal: Pick<GoalDraft, "title" | "dueDate" | "parentId" | "keyResults">): boolean {
  return JSON.stringify(snapshot) !== JSON.stringify(takeSnapshot(goal));
}

/** The diff from the approved version, field by field, for the re-approval card and the tab. */
export function diffFromSnapshot(snapshot: ApprovedSnapshot, goal: Pick<GoalDraft, "title" | "dueDate" | "parentId" | "keyResults">): FieldChanges {
  const now = takeSnapshot(goal);
  const changes: FieldChanges = {};
  for (const field of ["title", "dueDate", "parentId"] as const) {
    if (snapshot[field] !== now[field]) changes[field] = { from: snapshot[field], to: now[field] };
  }
  if (JSON.stringify(snapshot.keyResults) !== JSON.stringify(now.keyResults)) changes["keyResults"] = { from: snapshot.keyResults, to: now.keyResults };
  return changes;
}
