/** The alignment tree: goals under the goals they align to, with progress rolled up the tree.
 * Pure: the caller loads the goals and says which of them the viewer may see. A goal's own key
 * results count as one item of weight 1 beside each aligned goal weighted by its own weight; goals
 * not under way (drafts, waiting, rejected, cancelled) do not pull a parent down. Roll-ups count
 * every loaded goal, seen or not, so a parent's progress does not depend on who looks at it. */
import type { GoalSummary } from "./cascade-ports.js";
import { rollUpSummaries } from "./rollup.js";
import { assessProgressRisk, type RiskReason } from "./risk.js";

export interface OwnerSummary {
  id: string;
  displayName: string;
  jobTitle: string | null;
}

export interface AlignmentNode {
  goal: Omit<GoalSummary, "ownerName">;
  owner: OwnerSummary;
  rolledUpProgress: number;
  isAtRisk: boolean;
  riskReason: RiskReason | null;
  children: AlignmentNode[];
  /** Aligned goals the viewer may not see (private goals outside what they manage). */
  hiddenChildren: number;
}

export interface TreeInput {
  rootIds: string[];
  goals: ReadonlyMap<string, GoalSummary>;
  childrenOf: ReadonlyMap<string, string[]>;
  isVisible(goal: GoalSummary): boolean;
  owners: ReadonlyMap<string, OwnerSummary>;
  elapsedShare: number;
  riskMargin: number;
}

const MAX_DEPTH = 32;

export function buildAlignmentTree(input: TreeInput): AlignmentNode[] {
  const rolled = rollUpSummaries([...input.goals.values()]);
  const placed = new Set<string>();
  const build = (id: string, depth: number): AlignmentNode | null => {
    const goal = input.goals.get(id);
    if (!goal || placed.has(id) || !input.isVisible(goal)) return null;
    placed.add(id);
    const { ownerName, ...rest } = goal;
    const risk = goal.status === "active" ? assessProgressRisk(goal.progress, goal.confidence, input.elapsedShare, input.riskMargin) : { isAtRisk: false, reason: null };
    const childIds = depth < MAX_DEPTH ? (input.childrenOf.get(id) ?? []) : [];
    const children = childIds.map((childId) => build(childId, depth + 1)).filter((n): n is AlignmentNode => n !== null);
    const hiddenChildren = childIds.filter((childId) => {
      const child = input.goals.get(childId);
      return child !== undefined && !input.isVisible(child);
    }).length;
    return {
      goal: rest,
      owner: input.owners.get(goal.ownerId) ?? { id: goal.ownerId, displayName: ownerName, jobTitle: null },
      rolledUpProgress: rolled.get(id) ?? goal.progress,
      isAtRisk: risk.isAtRisk,
      riskReason: risk.reason,
      children,
      hiddenChildren,
    };
  };
  return input.rootIds.map((id) => build(id, 0)).filter((n): n is AlignmentNode => n !== null);
}
