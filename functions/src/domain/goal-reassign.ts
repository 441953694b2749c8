/** What happens to the goals of someone who left: their former manager (or an admin) gives each to
 * someone else or closes it. Closing cancels (or completes, or misses) a goal that was under way;
 * a goal that was never approved is deleted instead, as a draft would be. */
import { findApproverId } from "./cascade.js";
import type { GoalMover } from "./cascade-ports.js";
import { AppError, notFound } from "./errors.js";
import { canReadGoal, isAdmin, isInManagementChain } from "./goal-access.js";
import { makeAudit, resolveEtag } from "./goal-context.js";
import { assertTransition } from "./lifecycle.js";
import type { Versioned } from "./ports.js";
import { planAlignmentFlags } from "./reorg-rules.js";
import { planApprovalMove } from "./reorg-writes.js";
import type { ReorgDeps } from "./reorg.js";
import type { Goal, Principal } from "./types.js";

export interface ReassignDeps extends ReorgDeps {
  mover: GoalMover;
}

export type LeaverOutcome = "completed" | "missed" | "cancelled";

/** Loads a goal of someone who left, for a person allowed to decide on it. */
async function loadLeaverGoal(deps: ReorgDeps, principal: Principal, goalId: string): Promise<Versioned<Goal>> {
  const stored = await deps.goals.getGoal(principal.tenantId, goalId);
  if (!stored) throw notFound("The goal");
  const goal = stored.value;
  const isAllowed = isAdmin(principal) || goal.approverId === principal.userId || (await isInManagementChain(deps.directory, principal.tenantId, principal.userId, goal.ownerId));
  if (!isAllowed) {
    if (!(await canReadGoal(deps.directory, principal, goal))) throw notFound("The goal");
    throw new AppError("forbidden", "Only the former manager of the person who left, or an admin, can decide what happens to this goal.");
  }
  if (!goal.flags.includes("owner_left")) throw new AppError("conflict", "This goal's owner has not left; only they can give it away or close it.");
  return stored;
}

async function assertNewOwner(deps: ReorgDeps, principal: Principal, goal: Goal, newOwnerId: string): Promise<void> {
  const invalid = (message: string) => new AppError("validation_failed", message, { errors: [{ path: "newOwnerId", message }] });
  if (newOwnerId === goal.ownerId) throw invalid("Choose someone other than the person who left.");
  const person = await deps.directory.getPerson(principal.tenantId, newOwnerId);
  if (!person || !person.accountEnabled) throw invalid("Choose someone who is in the organisation.");
  const isAllowed = isAdmin(principal) || newOwnerId === principal.userId || (await isInManagementChain(deps.directory, principal.tenantId, principal.userId, newOwnerId));
  if (!isAllowed) throw new AppError("forbidden", "You can give the goal to yourself or to someone in your team.");
}

export async function reassignGoal(deps: ReassignDeps, principal: Principal, goalId: string, newOwnerId: string, comment: string | null, ifMatch: string | null): Promise<Versioned<Goal>> {
  const { tenantId } = principal;
  const stored = await loadLeaverGoal(deps, principal, goalId);
  const etag = resolveEtag(stored, ifMatch, false);
  const goal = stored.value;
  await assertNewOwner(deps, principal, goal, newOwnerId);
  const [chain, parent, approverId] = await Promise.all([
    deps.directory.getManagerChain(tenantId, newOwnerId),
    goal.parentId ? deps.goals.getGoal(tenantId, goal.parentId) : Promise.resolve(null),
    findApproverId(deps.directory, tenantId, newOwnerId),
  ]);
  const base = { ...goal, ownerId: newOwnerId, flags: goal.flags.filter((f) => f !== "owner_left" && f !== "cross_chain") };
  let moved: Goal = { ...base, flags: planAlignmentFlags(base, goal.parentId ? parent?.value.ownerId : null, new Set(chain.map((p) => p.id))), updatedAt: deps.clock.now().toISOString() };
  const approval = planApprovalMove(deps, moved, approverId, "The goal has a new owner.");
  if (approval) moved = approval.goal;
  const placed = await deps.mover.moveGoal({ value: goal, etag }, moved);
  const changes = { ownerId: { from: goal.ownerId, to: newOwnerId }, ...(approval ? { approverId: { from: goal.approverId, to: moved.approverId } } : {}) };
  const audit = [makeAudit(deps, goal.id, principal.userId, "owner_changed", changes, comment?.trim() || null), ...(approval?.audit ?? [])];
  const saved = await deps.goals.saveGoal({ goal: placed.value, etag: placed.etag, audit, previous: goal });
  if (approval) await deps.events.publish(tenantId, { kind: "submitted", goal: saved.value, etag: saved.etag, actorId: principal.userId, previousApproverId: goal.approverId });
  return saved;
}

export type LeaverCloseResult = { outcome: "closed"; goal: Versioned<Goal> } | { outcome: "deleted" };

export async function closeLeaverGoal(deps: ReorgDeps, principal: Principal, goalId: string, outcome: LeaverOutcome, comment: string | null, ifMatch: string | null): Promise<LeaverCloseResult> {
  const stored = await loadLeaverGoal(deps, principal, goalId);
  const etag = resolveEtag(stored, ifMatch, false);
  const goal = stored.value;
  const note = comment?.trim() || null;
  if (goal.status === "active") {
    assertTransition(goal.status, outcome);
    const next: Goal = { ...goal, status: outcome, updatedAt: deps.clock.now().toISOString() };
    const saved = await deps.goals.saveGoal({ goal: next, etag, audit: [makeAudit(deps, goal.id, principal.userId, outcome, { status: { from: goal.status, to: outcome } }, note)] });
    await deps.events.publish(principal.tenantId, { kind: "closed", goal: saved.value, etag: saved.etag, actorId: principal.userId });
    return { outcome: "closed", goal: saved };
  }
  if (!["draft", "pending_approval", "changes_requested"].includes(goal.status)) throw new AppError("invalid_transition", "This goal is already closed.");
  const children = await deps.goals.listChildGoals(principal.tenantId, goal.id);
  if (children.length > 0) throw new AppError("conflict", "Other goals are aligned to this one; give it to someone instead, or re-align those goals first.");
  await deps.goals.deleteGoal(principal.tenantId, goal, etag, makeAudit(deps, goal.id, principal.userId, "deleted", {}, note));
  return { outcome: "deleted" };
}
