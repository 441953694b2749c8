/** Goal operations an author performs: create, edit, delete, read, list, history. */
import { assertOwner, canSeeAllGoalsOf } from "./goal-access.js";
import { diffGoals, isMaterialChange } from "./goal-changes.js";
import { assertTopLevelAllowed, editFromHeldGoal, loadCycle, loadVisibleGoal, makeAudit, resolveEtag, type GoalDeps } from "./goal-context.js";
import type { GoalInput, GoalPatch } from "../contracts/goals.js";
import { applyPatch, buildDraft } from "./goal-input.js";
import { computeAlignmentFlags, validateParent } from "./goal-parent.js";
import { AppError } from "./errors.js";
import { newGoalId } from "./goal-ids.js";
import { assertTransition, describeStatus, isEditable } from "./lifecycle.js";
import type { GoalFilter, Versioned } from "./ports.js";
import type { AuditEntry, Cycle, Goal, Principal } from "./types.js";

/** The new draft, with its cycle (read once here, so the answer need not read it again). */
export async function createGoal(deps: GoalDeps, principal: Principal, input: GoalInput): Promise<{ goal: Versioned<Goal>; cycle: Cycle }> {
  const draft = buildDraft(input, deps.ids);
  const cycle = await loadCycle(deps, principal.tenantId, draft.cycleId);
  await assertTopLevelAllowed(deps, principal, draft);
  const id = newGoalId(principal.userId, deps.ids);
  const parent = await validateParent(deps, principal, id, draft.parentId);
  const now = deps.clock.now().toISOString();
  const goal: Goal = {
    ...draft,
    tenantId: principal.tenantId,
    id,
    ownerId: principal.userId,
    status: "draft",
    approverId: null,
    approvedSnapshot: null,
    flags: await computeAlignmentFlags(deps, principal.tenantId, principal.userId, parent, []),
    lastCheckIn: null,
    createdAt: now,
    updatedAt: now,
  };
  return { goal: await deps.goals.saveGoal({ goal, audit: [makeAudit(deps, id, principal.userId, "created")] }), cycle };
}

/** An edit usually follows the read of the goal it changes, so it starts from the version this
 * instance holds when the If-Match names it (see {@link editFromHeldGoal}). */
export function updateGoal(deps: GoalDeps, principal: Principal, goalId: string, ifMatch: string | null, patch: GoalPatch): Promise<Versioned<Goal>> {
  return editFromHeldGoal(deps, principal, goalId, ifMatch, (using, stored) => editGoal(using, principal, goalId, ifMatch, patch, stored));
}

async function editGoal(deps: GoalDeps, principal: Principal, goalId: string, ifMatch: string | null, patch: GoalPatch, stored: Versioned<Goal>): Promise<Versioned<Goal>> {
  const etag = resolveEtag(stored, ifMatch, true);
  const current = stored.value;
  assertOwner(principal, current, "edit it");
  if (!isEditable(current.status)) throw new AppError("invalid_transition", `A goal that is ${describeStatus(current.status)} cannot be edited.`);
  const next = applyPatch(current, patch, deps.ids);
  if (next.cycleId !== current.cycleId) await loadCycle(deps, principal.tenantId, next.cycleId);
  await assertTopLevelAllowed(deps, principal, next);
  const parent = next.parentId !== current.parentId ? await validateParent(deps, principal, goalId, next.parentId) : undefined;
  const changes = diffGoals(current, next);
  if (Object.keys(changes).length === 0) return stored;
  const goal: Goal = { ...current, ...next, updatedAt: deps.clock.now().toISOString() };
  if (parent !== undefined) goal.flags = await computeAlignmentFlags(deps, principal.tenantId, current.ownerId, parent, current.flags);
  const audit: AuditEntry[] = [makeAudit(deps, goalId, principal.userId, "edited", changes)];
  if (current.status === "rejected") {
    assertTransition("rejected", "draft");
    goal.status = "draft";
  }
  if (current.status === "active" && current.approvedSnapshot && isMaterialChange(current.approvedSnapshot, goal)) {
    assertTransition("active", "pending_approval");
    goal.status = "pending_approval";
    goal.approverId = (await deps.directory.getPerson(principal.tenantId, principal.userId))?.managerId ?? null;
    audit.push(makeAudit(deps, goalId, principal.userId, "resubmitted", {}, "A material change needs approval again."));
  }
  const saved = await deps.goals.saveGoal({ goal, etag, audit, previous: current });
  if (goal.status === "pending_approval" && current.status === "active") {
    await deps.events.publish(principal.tenantId, { kind: "submitted", goal: saved.value, etag: saved.etag, actorId: principal.userId, previousApproverId: current.approverId });
  }
  return saved;
}

export async function deleteGoal(deps: GoalDeps, principal: Principal, goalId: string, ifMatch: string | null): Promise<void> {
  const stored = await loadVisibleGoal(deps, principal, goalId);
  const etag = resolveEtag(stored, ifMatch, false);
  assertOwner(principal, stored.value, "delete it");
  if (stored.value.status !== "draft") throw new AppError("invalid_transition", "Only drafts can be deleted; cancel an active goal instead.");
  const children = await deps.goals.listChildGoals(principal.tenantId, goalId);
  if (children.length > 0) throw new AppError("conflict", "Other goals are aligned to this one; they must be re-aligned first.");
  await deps.goals.deleteGoal(principal.tenantId, stored.value, etag, makeAudit(deps, goalId, principal.userId, "deleted"));
}

export async function getGoal(deps: GoalDeps, principal: Principal, goalId: string): Promise<Versioned<Goal>> {
  return loadVisibleGoal(deps, principal, goalId);
}

/** Owner and their managers see every goal of the owner; others see only public ones. */
export async function listGoals(deps: GoalDeps, principal: Principal, ownerId: string, filter: GoalFilter): Promise<Array<Versioned<Goal>>> {
  const goals = await deps.goals.listGoalsByOwner(principal.tenantId, ownerId, filter);
  if (await canSeeAllGoalsOf(deps.directory, principal, ownerId)) return goals;
  return goals.filter((g) => g.value.visibility === "public");
}

export async function getHistory(deps: GoalDeps, principal: Principal, goalId: string): Promise<AuditEntry[]> {
  const stored = await loadVisibleGoal(deps, principal, goalId);
  return deps.goals.listAudit(principal.tenantId, stored.value);
}
