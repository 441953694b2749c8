/** Closing out a goal at the end of its cycle, and a manager's word on it. The routes and the close-out
 * card call these same operations. */
import { assertOwner, isInManagementChain } from "./goal-access.js";
import { loadVisibleGoal, makeAudit, resolveEtag, type GoalDeps } from "./goal-context.js";
import { AppError, notFound } from "./errors.js";
import { describeStatus } from "./lifecycle.js";
import { canCloseOutStatus, CLOSE_OUT_COMMENTS_MAX, isCloseOutOpen } from "./close-out.js";
import type { Versioned } from "./ports.js";
import { assertCanViewTeam, loadTeamGoals, type TeamGoals } from "./team-goals.js";
import type { CloseOut, CloseOutOutcome, Cycle, Goal, Principal } from "./types.js";

export interface CloseOutInput {
  score: number;
  outcome: CloseOutOutcome;
  reflection: string;
}

export async function loadCloseOutCycle(deps: GoalDeps, tenantId: string, cycleId: string): Promise<Cycle> {
  const cycle = await deps.cycles.getCycle(tenantId, cycleId);
  if (!cycle) throw notFound("The cycle");
  return cycle;
}

function assertCloseOutOpen(deps: GoalDeps, cycle: Cycle): void {
  if (!isCloseOutOpen(cycle, deps.clock.now().toISOString().slice(0, 10))) {
    throw new AppError("invalid_transition", "Close-out opens when the cycle ends, or when an admin opens it.", { extra: { cycleId: cycle.id, endDate: cycle.endDate } });
  }
}

/** Records or revises the owner's close-out. The same input again changes nothing (a card replay). */
export async function closeOutGoal(deps: GoalDeps, principal: Principal, goalId: string, input: CloseOutInput, ifMatch: string | null): Promise<Versioned<Goal>> {
  const stored = await loadVisibleGoal(deps, principal, goalId);
  const etag = resolveEtag(stored, ifMatch, false);
  const current = stored.value;
  assertOwner(principal, current, "close it out");
  if (!canCloseOutStatus(current.status)) throw new AppError("invalid_transition", `A goal that is ${describeStatus(current.status)} has nothing to close out.`);
  assertCloseOutOpen(deps, await loadCloseOutCycle(deps, principal.tenantId, current.cycleId));
  const reflection = input.reflection.trim();
  const previous = current.closeOut ?? null;
  if (previous && previous.score === input.score && previous.outcome === input.outcome && previous.reflection === reflection) return stored;
  const audit = makeAudit(deps, goalId, principal.userId, previous ? "close_out_revised" : "closed_out", {
    closeOut: { from: previous ? { score: previous.score, outcome: previous.outcome } : null, to: { score: input.score, outcome: input.outcome } },
  });
  const closeOut: CloseOut = { score: input.score, outcome: input.outcome, reflection, at: audit.at, comments: previous?.comments ?? [] };
  const goal: Goal = { ...current, closeOut, updatedAt: audit.at };
  return deps.goals.saveGoal({ goal, etag, audit: [audit], previous: current });
}

/** A manager (anyone above the owner) comments on a report's close-out. */
export async function commentOnCloseOut(deps: GoalDeps, principal: Principal, goalId: string, text: string): Promise<Versioned<Goal>> {
  const stored = await loadVisibleGoal(deps, principal, goalId);
  const current = stored.value;
  if (!(await isInManagementChain(deps.directory, principal.tenantId, principal.userId, current.ownerId))) {
    throw new AppError("forbidden", "Only the owner's managers can comment on a close-out.");
  }
  if (!current.closeOut) throw new AppError("invalid_transition", "The owner has not closed this goal out yet.");
  if (current.closeOut.comments.length >= CLOSE_OUT_COMMENTS_MAX) throw new AppError("conflict", `A close-out keeps at most ${CLOSE_OUT_COMMENTS_MAX} comments.`);
  const audit = makeAudit(deps, goalId, principal.userId, "close_out_commented", {}, text.trim());
  const comment = { id: audit.id, authorId: principal.userId, at: audit.at, text: text.trim() };
  const goal: Goal = { ...current, closeOut: { ...current.closeOut, comments: [...current.closeOut.comments, comment] }, updatedAt: audit.at };
  return deps.goals.saveGoal({ goal, etag: stored.etag, audit: [audit], previous: current });
}

/** An admin opens a cycle's close-out before it ends. Opening it twice is refused, so the cards go out once. */
export async function openCycleCloseOut(deps: GoalDeps, tenantId: string, cycleId: string): Promise<Cycle> {
  const cycle = await loadCloseOutCycle(deps, tenantId, cycleId);
  if (isCloseOutOpen(cycle, deps.clock.now().toISOString().slice(0, 10))) throw new AppError("invalid_transition", "Close-out of this cycle is already open.");
  const opened: Cycle = { ...cycle, closeOutOpenedAt: deps.clock.now().toISOString() };
  await deps.cycles.saveCycle(opened);
  return opened;
}

/** A manager's team with its goals in the cycle, for the close-out view and the cycle report: the
 * manager, anyone above them, and admins may look. */
export async function loadCloseOutTeam(deps: GoalDeps, principal: Principal, managerId: string, cycleId: string): Promise<TeamGoals> {
  const manager = await assertCanViewTeam(deps, principal, managerId);
  const cycle = await loadCloseOutCycle(deps, principal.tenantId, cycleId);
  return loadTeamGoals(deps, principal.tenantId, manager, cycle);
}
