/** Progress rolled up the alignment tree: a goal's own key results count as one item of weight 1
 * beside each aligned goal weighted by its own weight. Goals that are not under way (drafts,
 * waiting, rejected, cancelled) do not pull a parent's progress down. */
import type { GoalSummary } from "./cascade-ports.js";
import { rollUpProgress } from "../contracts/progress.js";
import type { GoalStatus } from "./types.js";

export type RollUpItem = Pick<GoalSummary, "id" | "parentId" | "weight" | "status" | "progress">;

const COUNTED: ReadonlySet<GoalStatus> = new Set(["active", "completed", "missed"]);

export function isCountedInRollUp(status: GoalStatus): boolean {
  return COUNTED.has(status);
}

/** Rolled-up progress of every item given. Children outside the set are unknown and not counted;
 * a loop in parent links (bad data) is cut where it closes, so the walk always ends. */
export function rollUpSummaries(items: readonly RollUpItem[]): Map<string, number> {
  const byId = new Map(items.map((g) => [g.id, g]));
  const children = new Map<string, RollUpItem[]>();
  for (const item of items) {
    if (!item.parentId || !byId.has(item.parentId) || !isCountedInRollUp(item.status)) continue;
    const siblings = children.get(item.parentId) ?? [];
    siblings.push(item);
    children.set(item.parentId, siblings);
  }
  const result = new Map<string, number>();
  const visiting = new Set<string>();
  const visit = (item: RollUpItem): number => {
    const known = result.get(item.id);
    if (known !== undefined) return known;
    visiting.add(item.id);
    const parts = [{ progress: item.progress, weight: 1 }];
    for (const child of children.get(item.id) ?? []) if (!visiting.has(child.id)) parts.push({ progress: visit(child), weight: child.weight });
    visiting.delete(item.id);
    const progress = rollUpProgress(parts);
    result.set(item.id, progress);
    return progress;
  };
  for (const item of items) visit(item);
  return result;
}
