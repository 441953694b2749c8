/** The approval flow and closing a goal. Card actions and the HTTP routes call these same operations. */
import { assertOwner } from "./goal-access.js";
import { takeSnapshot } from "./goal-changes.js";
import { computeSmart, loadVisibleGoal, makeAudit, resolveEtag, type Decision, type GoalDeps } from "./goal-context.js";
import { AppError, isAppError } from "./errors.js";
import { assertTransition } from "./lifecycle.js";
import type { Versioned } from "./ports.js";
import type { Goal, GoalStatus, Principal } from "./types.js";

export async function submitGoal(deps: GoalDeps, principal: Principal, goalId: string, ifMatch: string | null): Promise<Versioned<Goal>> {
  const stored = await loadVisibleGoal(deps, principal, goalId);
  const etag = resolveEtag(stored, ifMatch, false);
  const current = stored.value;
  assertOwner(principal, current, "submit it");
  if (current.status !== "draft" && current.status !== "changes_requested") {
    throw new AppError("invalid_transition", "Only drafts and goals waiting for changes can be submitted.");
  }
  const smart = await computeSmart(deps, current);
  if (!smart.ok) {
    throw new AppError("smart_incomplete", "The goal is not ready to submit yet.", { errors: smart.missing.map((m) => ({ path: m.field, message: m.message })) });
  }
  const owner = await deps.directory.getPerson(principal.tenantId, principal.userId);
  const managerId = owner?.managerId ?? null;
  const policy = await deps.tenantPolicy(principal.tenantId);
  const needsApproval = policy.isApprovalRequired && managerId !== null;
  const status: GoalStatus = needsApproval ? "pending_approval" : "active";
  assertTransition(current.status, status);
  const reason = managerId === null ? "No manager to approve it: active at once." : needsApproval ? null : "Approval is not required in this organisation.";
  const audit = [makeAudit(deps, goalId, principal.userId, needsApproval ? "submitted" : "activated", { status: { from: current.status, to: status } }, reason)];
  const goal: Goal = { ...current, status, approverId: needsApproval ? managerId : null, updatedAt: audit[0]!.at };
  if (!needsApproval) goal.approvedSnapshot = takeSnapshot(goal);
  const saved = await deps.goals.saveGoal({ goal, etag, audit });
  if (needsApproval) await deps.events.publish(principal.tenantId, { kind: "submitted", goal: saved.value, etag: saved.etag, actorId: principal.userId, previousApproverId: null });
  return saved;
}

const DECISION_STATUS: Record<Decision, GoalStatus> = { approve: "active", request_changes: "changes_requested", reject: "rejected" };

export interface DecisionResult {
  goal: Versioned<Goal>;
  /** False when the same decision had already been applied: a replay changes nothing. */
  isApplied: boolean;
}

/** Without If-Match the caller asks for "this decision on the goal as it is now": when another write
 * lands between our read and our save, read again and decide on what is there (a concurrent identical
 * decision then reads as already applied). With If-Match a changed goal stays a 412. */
const UNCONDITIONAL_DECISION_ATTEMPTS = 5;

export async function decideGoal(deps: GoalDeps, principal: Principal, goalId: string, decision: Decision, comment: string | null, ifMatch: string | null): Promise<DecisionResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await decideOnce(deps, principal, goalId, decision, comment, ifMatch);
    } catch (error) {
      const isRetryable = ifMatch === null && isAppError(error) && error.code === "precondition_failed" && attempt < UNCONDITIONAL_DECISION_ATTEMPTS;
      if (!isRetryable) throw error;
    }
  }
}

async function decideOnce(deps: GoalDeps, principal: Principal, goalId: string, decision: Decision, comment: string | null, ifMatch: string | null): Promise<DecisionResult> {
  const stored = await deps.goals.getGoal(principal.tenantId, goalId);
  if (!stored) throw new AppError("not_found", "The goal was not found.");
  const current = stored.value;
  if (current.approverId !== principal.userId) {
    const visible = await loadVisibleGoal(deps, principal, goalId).catch(() => null);
    if (!visible) throw new AppError("not_found", "The goal was not found.");
    throw new AppError("forbidden", "Only the owner's current manager can decide on this goal.");
  }
  const target = DECISION_STATUS[decision];
  if (current.status !== "pending_approval") {
    if (current.status === target) return { goal: stored, isApplied: false };
    throw new AppError("invalid_transition", "This goal is no longer waiting for a decision.", { extra: { status: current.status } });
  }
  const etag = resolveEtag(stored, ifMatch, false);
  const trimmed = comment?.trim() || null;
  if (decision !== "approve" && !trimmed) {
    throw new AppError("validation_failed", "Say what should change, or why the goal is rejected.", { errors: [{ path: "comment", message: "A comment is required." }] });
  }
  assertTransition(current.status, target);
  // One clock reading: the decision's time on the goal and in its audit entry are the same instant.
  const audit = [makeAudit(deps, goalId, principal.userId, decision === "approve" ? "approved" : decision === "reject" ? "rejected" : "changes_requested", { status: { from: current.status, to: target } }, trimmed)];
  const goal: Goal = { ...current, status: target, updatedAt: audit[0]!.at };
  if (decision === "approve") goal.approvedSnapshot = takeSnapshot(goal);
  const saved = await deps.goals.saveGoal({ goal, etag, audit });
  await deps.events.publish(principal.tenantId, { kind: "decided", goal: saved.value, etag: saved.etag, actorId: principal.userId, decision, comment: trimmed });
  return { goal: saved, isApplied: true };
}

export type Outcome = "completed" | "missed" | "cancelled";

export async function closeGoal(deps: GoalDeps, principal: Principal, goalId: string, outcome: Outcome, comment: string | null, ifMatch: string | null): Promise<Versioned<Goal>> {
  const stored = await loadVisibleGoal(deps, principal, goalId);
  const etag = resolveEtag(stored, ifMatch, false);
  const current = stored.value;
  assertOwner(principal, current, "close it");
  assertTransition(current.status, outcome);
  const audit = [makeAudit(deps, goalId, principal.userId, outcome, { status: { from: current.status, to: outcome } }, comment?.trim() || null)];
  const goal: Goal = { ...current, status: outcome, updatedAt: audit[0]!.at };
  const saved = await deps.goals.saveGoal({ goal, etag, audit });
  await deps.events.publish(principal.tenantId, { kind: "closed", goal: saved.value, etag: saved.etag, actorId: principal.userId });
  return saved;
}
