/** Progress rolled up the alignment tree: a goal's own key results count as one item of weight 1,
 * beside each aligned goal weighted by its own weight. Goals that are not under way (drafts,
 * waiting, rejected, cancelled) do not pull a parent's progress down. */
import { computeGoalProgress, rollUpProgress } from "./progress.js";
import type { Goal, GoalStatus } from "./types.js";

export type RollUpGoal = Pick<Goal, "id" | "parentId" | "weight" | "status" | "keyResults">;

const COUNTED: ReadonlySet<GoalStatus> = new Set(["active", "completed", "missed"]);

export function isCountedInRollUp(status: GoalStatus): boolean {
  return COUNTED.has(status);
}

/** Rolled-up progress of every goal given. Children outside the set are unknown and not counted;
 * a cycle in parent links (bad data) is cut where it closes, so the walk always ends. */
export function rollUpGoalTree(goals: RollUpGoal[]): Map<string, number> {
  const byId = new Map(goals.map((g) => [g.id, g]));
  const children = new Map<string, RollUpGoal[]>();
  for (const goal of goals) {
    if (!goal.parentId || !byId.has(goal.parentId) || !isCountedInRollUp(goal.status)) continue;
    const list = children.get(goal.parentId) ?? [];
    list.push(goal);
    children.set(goal.parentId, list);
  }
  const result = new Map<string, number>();
  const visiting = new Set<string>();

  function visit(goal: RollUpGoal): number {
    const known = result.get(goal.id);
    if (known !== undefined) return known;
    visiting.add(goal.id);
    const items = [{ progress: computeGoalProgress(goal.keyResults), weight: 1 }];
    for (const child of children.get(goal.id) ?? []) {
      if (visiting.has(child.id)) continue;
      items.push({ progress: visit(child), weight: child.weight });
    }
    visiting.delete(goal.id);
    const progress = rollUpProgress(items);
    result.set(goal.id, progress);
    return progress;
  }

  for (const goal of goals) visit(goal);
  return result;
}
