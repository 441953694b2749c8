/** Figures for the top of a goal list. */
import type { GoalView } from "../api/types.js";

export interface GoalSummary {
  count: number;
  /** Weighted by each goal's weight; cancelled goals do not count. */
  progress: number;
  waitingCount: number;
  needsWorkCount: number;
}

export function summariseGoals(goals: readonly Pick<GoalView, "status" | "progress" | "weight">[]): GoalSummary {
  const counted = goals.filter((goal) => goal.status !== "cancelled" && goal.status !== "rejected");
  const totalWeight = counted.reduce((sum, goal) => sum + Math.max(0, goal.weight), 0);
  const weighted = counted.reduce((sum, goal) => sum + Math.max(0, goal.weight) * goal.progress, 0);
  return {
    count: goals.length,
    progress: totalWeight > 0 ? weighted / totalWeight : 0,
    waitingCount: goals.filter((goal) => goal.status === "pending_approval").length,
    needsWorkCount: goals.filter((goal) => goal.status === "draft" || goal.status === "changes_requested").length,
  };
}

/** Newest work first would hide what needs attention, so goals needing action lead. */
const STATUS_ORDER: Record<GoalView["status"], number> = {
  changes_requested: 0,
  draft: 1,
  pending_approval: 2,
  active: 3,
  completed: 4,
  missed: 5,
  rejected: 6,
  cancelled: 7,
};

export function sortGoalsForOwner<T extends Pick<GoalView, "status" | "createdAt">>(goals: readonly T[]): T[] {
  return [...goals].sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || a.createdAt.localeCompare(b.createdAt));
}
