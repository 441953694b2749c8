/** Rules for the goal a goal aligns to. */
import { canReadGoal } from "./goal-access.js";
import { AppError } from "./errors.js";
import type { GoalDeps } from "./goal-context.js";
import type { Goal, GoalFlag, Principal } from "./types.js";

const MAX_TREE_DEPTH = 32;

function invalidParent(message: string): AppError {
  return new AppError("validation_failed", message, { errors: [{ path: "parentId", message }] });
}

/** Checks the parent exists, is visible, is not closed off, and would not make a loop. Returns it. */
export async function validateParent(deps: GoalDeps, principal: Principal, goalId: string, parentId: string | null): Promise<Goal | null> {
  if (parentId === null) return null;
  if (parentId === goalId) throw invalidParent("A goal cannot align to itself.");
  const parent = await deps.goals.getGoal(principal.tenantId, parentId);
  if (!parent || !(await canReadGoal(deps.directory, principal, parent.value))) throw invalidParent("The goal to align to was not found.");
  if (["rejected", "cancelled"].includes(parent.value.status)) throw invalidParent("You cannot align to a goal that was rejected or cancelled.");
  let cursor: Goal | null = parent.value;
  for (let depth = 0; cursor && cursor.parentId !== null; depth++) {
    if (cursor.parentId === goalId || depth > MAX_TREE_DEPTH) throw invalidParent("Aligning here would make a loop of goals.");
    cursor = (await deps.goals.getGoal(principal.tenantId, cursor.parentId))?.value ?? null;
  }
  return parent.value;
}

/** Alignment outside the owner's own management chain is allowed but flagged for the manager to see. */
export async function computeAlignmentFlags(deps: GoalDeps, tenantId: string, ownerId: string, parent: Goal | null, existing: GoalFlag[]): Promise<GoalFlag[]> {
  const kept = existing.filter((f) => f !== "cross_chain" && f !== "needs_realignment");
  if (!parent || parent.ownerId === ownerId) return kept;
  const chain = await deps.directory.getManagerChain(tenantId, ownerId);
  return chain.some((p) => p.id === parent.ownerId) ? kept : [...kept, "cross_chain"];
}
