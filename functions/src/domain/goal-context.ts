/** Shared building blocks of the goal operations: dependencies, loading with access checks, audit entries. */
import { canReadGoal, canSetTopLevel, type TopLevelPolicy } from "./goal-access.js";
import { AppError, isNotWritten, notFound } from "./errors.js";
import type { FieldChanges } from "./goal-changes.js";
import type { Clock, CycleRepository, DirectoryReader, GoalRepository, IdGenerator, Versioned } from "./ports.js";
import { checkSmart, type SmartResult } from "../contracts/smart.js";
import type { AuditEntry, Cycle, Goal, GoalDraft, Principal } from "./types.js";

export type GoalEvent =
  | { kind: "submitted"; goal: Goal; etag: string; actorId: string; previousApproverId: string | null }
  | { kind: "decided"; goal: Goal; etag: string; actorId: string; decision: Decision; comment: string | null }
  | { kind: "closed"; goal: Goal; etag: string; actorId: string };

export type Decision = "approve" | "request_changes" | "reject";

/** The events the approval cards answer: a goal sent for approval, and a decision on one. */
export function isApprovalEvent(event: GoalEvent): event is Extract<GoalEvent, { kind: "submitted" | "decided" }> {
  return event.kind === "submitted" || event.kind === "decided";
}

/** A goal closed as completed: the owner's manager is invited to send kudos. */
export function isGoalCompletedEvent(event: GoalEvent): event is Extract<GoalEvent, { kind: "closed" }> {
  return event.kind === "closed" && event.goal.status === "completed";
}

export interface GoalEventSink {
  publish(tenantId: string, event: GoalEvent): Promise<void>;
}

/** Per-tenant settings an admin controls. */
export interface TenantPolicy extends TopLevelPolicy {
  isApprovalRequired: boolean;
  /** Cascade installs its Teams app for people a card must reach (absent: off). */
  isProactiveInstallEnabled?: boolean;
  /** The language of cards for people whose own Cascade does not know yet (absent: English). */
  defaultLocale?: string;
}

export interface GoalDeps {
  goals: GoalRepository;
  cycles: CycleRepository;
  directory: DirectoryReader;
  clock: Clock;
  ids: IdGenerator;
  tenantPolicy(tenantId: string): Promise<TenantPolicy>;
  events: GoalEventSink;
}

export function makeAudit(deps: GoalDeps, goalId: string, actorId: string, action: string, changes: FieldChanges = {}, comment: string | null = null): AuditEntry {
  return { id: deps.ids.newId(), goalId, at: deps.clock.now().toISOString(), actorId, action, comment, changes };
}

/** Reads a goal the caller may see. Private goals the caller may not see are reported as missing. */
export async function loadVisibleGoal(deps: GoalDeps, principal: Principal, goalId: string): Promise<Versioned<Goal>> {
  const stored = await deps.goals.getGoal(principal.tenantId, goalId);
  if (!stored || !(await canReadGoal(deps.directory, principal, stored.value))) throw notFound("The goal");
  return stored;
}

/** Runs an edit from the version of the goal this instance holds, when the caller's If-Match names it
 * (or is "*") and the caller may see it, and otherwise from a fresh read. The held version may be stale,
 * but the edit's one write is guarded by its ETag, so a write that lands started from the stored
 * version and its answer stands. An edit that wrote nothing (refused by that guard, by a rule the held
 * version may have failed where the stored one passes, or with nothing to change in the held version)
 * runs again from a fresh read. Any other failure once the write began is the answer, as after a read. */
export async function editFromHeldGoal<D extends GoalDeps, R>(deps: D, principal: Principal, goalId: string, ifMatch: string | null, edit: (deps: D, stored: Versioned<Goal>) => Promise<R>): Promise<R> {
  const held = ifMatch ? (deps.goals.recentGoal?.(principal.tenantId, goalId) ?? null) : null;
  if (held && (ifMatch === "*" || ifMatch === held.etag) && (await canReadGoal(deps.directory, principal, held.value))) {
    let isWriting = false;
    const goals: GoalRepository = { ...deps.goals, saveGoal: (write) => ((isWriting = true), deps.goals.saveGoal(write)) };
    try {
      const result = await edit({ ...deps, goals }, held);
      if (isWriting) return result;
    } catch (error) {
      if (isWriting && !isNotWritten(error)) throw error;
    }
  }
  return edit(deps, await loadVisibleGoal(deps, principal, goalId));
}

/** With If-Match the caller must hold the current version; without it, the version just read is used. */
export function resolveEtag(stored: Versioned<Goal>, ifMatch: string | null, isRequired: boolean): string {
  if (ifMatch === null || ifMatch === "") {
    if (isRequired) throw new AppError("precondition_required", "Send If-Match with the goal's ETag so that no one's changes are overwritten.");
    return stored.etag;
  }
  if (ifMatch !== "*" && ifMatch !== stored.etag) {
    throw new AppError("precondition_failed", "The goal was changed by someone else since you loaded it. Reload to see the latest version.");
  }
  return stored.etag;
}

export async function loadCycle(deps: GoalDeps, tenantId: string, cycleId: string): Promise<Cycle> {
  const cycle = await deps.cycles.getCycle(tenantId, cycleId);
  if (!cycle) throw new AppError("validation_failed", "The cycle does not exist.", { errors: [{ path: "cycleId", message: "Choose an existing cycle." }] });
  if (cycle.status === "closed") throw new AppError("validation_failed", "The cycle is closed.", { errors: [{ path: "cycleId", message: "Choose an open cycle; an admin closed this one." }] });
  return cycle;
}

export async function computeSmart(deps: GoalDeps, goal: Goal): Promise<SmartResult> {
  const cycle = await deps.cycles.getCycle(goal.tenantId, goal.cycleId);
  return checkSmart(goal, { cycle, isTopLevel: goal.isTopLevel });
}

export async function assertTopLevelAllowed(deps: GoalDeps, principal: Principal, draft: Pick<GoalDraft, "parentId"> & { isTopLevel: boolean }): Promise<void> {
  if (!draft.isTopLevel) return;
  const policy = await deps.tenantPolicy(principal.tenantId);
  if (!(await canSetTopLevel(deps.directory, principal, policy))) {
    throw new AppError("forbidden", "Only leaders can mark a goal as an organisation goal; align it to a goal instead.");
  }
  if (draft.parentId !== null) {
    throw new AppError("validation_failed", "An organisation goal has no parent.", { errors: [{ path: "parentId", message: "Remove the parent or untick organisation goal." }] });
  }
}
