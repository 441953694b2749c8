/** The goal as the API returns it: stored fields plus progress, SMART check and version. */
import { suggestScore } from "../domain/close-out.js";
import { diffFromSnapshot } from "../domain/goal-changes.js";
import { computeGoalProgress } from "../contracts/progress.js";
import { checkSmart } from "../contracts/smart.js";
import type { Versioned } from "../domain/ports.js";
import type { GoalView } from "../contracts/goals.js";
import type { Cycle, Goal } from "../domain/types.js";

export function toGoalView({ value: goal, etag }: Versioned<Goal>, cycle: Cycle | null): GoalView {
  const isReapproval = goal.status === "pending_approval" && goal.approvedSnapshot !== null;
  return {
    id: goal.id,
    ownerId: goal.ownerId,
    cycleId: goal.cycleId,
    title: goal.title,
    description: goal.description,
    dueDate: goal.dueDate,
    visibility: goal.visibility,
    parentId: goal.parentId,
    weight: goal.weight,
    isTopLevel: goal.isTopLevel,
    keyResults: goal.keyResults,
    status: goal.status,
    progress: computeGoalProgress(goal.keyResults),
    smart: checkSmart(goal, { cycle, isTopLevel: goal.isTopLevel }),
    approverId: goal.approverId,
    flags: goal.flags,
    lastCheckIn: goal.lastCheckIn,
    changesSinceApproval: isReapproval ? diffFromSnapshot(goal.approvedSnapshot!, goal) : null,
    closeOut: goal.closeOut ?? null,
    suggestedScore: suggestScore(goal),
    continuedFrom: goal.continuedFrom ?? null,
    carriedTo: goal.carriedTo ?? [],
    createdAt: goal.createdAt,
    updatedAt: goal.updatedAt,
    etag,
  };
}

export type { GoalView };
