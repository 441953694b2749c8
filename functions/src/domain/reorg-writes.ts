/** Writes of the reorg reactions: each re-reads the goal and re-applies its change when someone
 * else changed the goal meanwhile, so no one's edit is overwritten; every change carries an audit
 * entry and a re-routed approval tells the bot to move the card. */
import { findApproverId } from "./cascade.js";
import { isAppError } from "./errors.js";
import { takeSnapshot } from "./goal-changes.js";
import { makeAudit, type GoalDeps } from "./goal-context.js";
import type { Versioned } from "./ports.js";
import { ORG_CHART_ACTOR } from "./reorg-rules.js";
import type { AuditEntry, Goal } from "./types.js";

const MAX_ATTEMPTS = 5;

export interface PlannedChange {
  goal: Goal;
  audit: AuditEntry[];
  /** Set when an approval moved: the approver the card was with. */
  previousApproverId?: string | null;
}

/** Applies `plan` to the current version of the goal; null from the plan means nothing to do. */
export async function changeGoal(deps: GoalDeps, tenantId: string, goalId: string, plan: (goal: Goal) => Promise<PlannedChange | null>): Promise<Versioned<Goal> | null> {
  for (let attempt = 1; ; attempt++) {
    const stored = await deps.goals.getGoal(tenantId, goalId);
    if (!stored) return null;
    const planned = await plan(stored.value);
    if (!planned) return null;
    try {
      const saved = await deps.goals.saveGoal({ goal: planned.goal, etag: stored.etag, audit: planned.audit });
      if (planned.previousApproverId !== undefined) {
        await deps.events.publish(tenantId, { kind: "submitted", goal: saved.value, etag: saved.etag, actorId: ORG_CHART_ACTOR, previousApproverId: planned.previousApproverId });
      }
      return saved;
    } catch (error) {
      if (!isAppError(error) || error.code !== "precondition_failed" || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
}

/** A waiting approval goes to the owner's approver now. With nobody above (the owner became a root,
 * or the directory says nothing usable) the goal becomes active, as it would on submit. */
export function planApprovalMove(deps: GoalDeps, goal: Goal, approverId: string | null, reason: string): PlannedChange | null {
  if (goal.status !== "pending_approval" || goal.approverId === approverId) return null;
  const now = deps.clock.now().toISOString();
  if (approverId !== null) {
    const next: Goal = { ...goal, approverId, updatedAt: now };
    return { goal: next, audit: [makeAudit(deps, goal.id, ORG_CHART_ACTOR, "reassigned", { approverId: { from: goal.approverId, to: approverId } }, reason)], previousApproverId: goal.approverId };
  }
  const next: Goal = { ...goal, status: "active", approverId: null, updatedAt: now };
  next.approvedSnapshot = takeSnapshot(next);
  const changes = { status: { from: goal.status, to: "active" }, approverId: { from: goal.approverId, to: null } };
  return { goal: next, audit: [makeAudit(deps, goal.id, ORG_CHART_ACTOR, "activated", changes, `${reason} There is no manager above to approve it, so it is active at once.`)], previousApproverId: goal.approverId };
}

/** Moves the waiting approvals of one owner to the approver the org chart gives now. */
export async function rerouteApprovals(deps: GoalDeps, tenantId: string, ownerId: string, reason: string, fallbackApproverId: string | null = null, onlyFrom?: string): Promise<number> {
  const pending = await deps.goals.listGoalsByOwner(tenantId, ownerId, { status: "pending_approval" });
  if (pending.length === 0) return 0;
  const approverId = (await findApproverId(deps.directory, tenantId, ownerId)) ?? (fallbackApproverId !== ownerId ? fallbackApproverId : null);
  let moved = 0;
  for (const goal of pending) {
    if (onlyFrom !== undefined && goal.value.approverId !== onlyFrom) continue;
    const saved = await changeGoal(deps, tenantId, goal.value.id, async (current) => (onlyFrom !== undefined && current.approverId !== onlyFrom ? null : planApprovalMove(deps, current, approverId, reason)));
    if (saved) moved++;
  }
  return moved;
}
