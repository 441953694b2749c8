/** Pure rules of the reorg reactions: which flags a goal carries once its owner's chain changed. */
import { ORG_CHART_ACTOR } from "../contracts/goal-states.js";
import type { Goal, GoalFlag, GoalStatus } from "./types.js";

/** Goals still being written, waiting or under way; closed ones are history and never flagged. */
export const OPEN_STATUSES: ReadonlySet<GoalStatus> = new Set(["draft", "pending_approval", "changes_requested", "active"]);

/** Who is recorded as acting when the org chart, not a person, changed a goal. */
export { ORG_CHART_ACTOR };

const ALIGNMENT_FLAGS: ReadonlySet<GoalFlag> = new Set(["needs_realignment", "cross_chain"]);

/** A parent owned by the owner or someone in the owner's chain is fine. A parent outside it needs
 * re-alignment, unless the goal was knowingly aligned across chains (cross_chain) to begin with.
 * parentOwnerId is null when the goal has no parent, undefined when the parent no longer exists. */
export function planAlignmentFlags(goal: Pick<Goal, "status" | "ownerId" | "parentId" | "flags">, parentOwnerId: string | null | undefined, chainIds: ReadonlySet<string>): GoalFlag[] {
  if (!OPEN_STATUSES.has(goal.status)) return goal.flags;
  const kept = goal.flags.filter((f) => !ALIGNMENT_FLAGS.has(f));
  if (goal.parentId === null) return kept;
  const isInChain = typeof parentOwnerId === "string" && (parentOwnerId === goal.ownerId || chainIds.has(parentOwnerId));
  if (isInChain) return kept;
  return [...kept, goal.flags.includes("cross_chain") && parentOwnerId !== undefined ? "cross_chain" : "needs_realignment"];
}

export function addFlag(flags: GoalFlag[], flag: GoalFlag): GoalFlag[] {
  return flags.includes(flag) ? flags : [...flags, flag];
}

export function isSameFlags(a: readonly GoalFlag[], b: readonly GoalFlag[]): boolean {
  return a.length === b.length && a.every((f) => b.includes(f));
}

/** The chain of someone inside a moved subtree: their managers up to the moved person, the moved
 * person, then the moved person's new chain. managerOf covers the subtree only. */
export function buildChainInSubtree(personId: string, movedId: string, managerOf: ReadonlyMap<string, string | null>, movedChainIds: readonly string[]): Set<string> {
  const chain = new Set<string>();
  let id = managerOf.get(personId) ?? null;
  while (id !== null && id !== movedId && !chain.has(id)) {
    chain.add(id);
    id = managerOf.get(id) ?? null;
  }
  chain.add(movedId);
  for (const above of movedChainIds) chain.add(above);
  return chain;
}
