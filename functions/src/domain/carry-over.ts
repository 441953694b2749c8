/** Carrying an unfinished goal into a later cycle: a new draft that continues it ("continued from"),
 * its key results starting where they ended, and its alignment kept where the parent goes on too.
 *
 * Once per goal and target cycle: the link is written on the old goal first (checked against its
 * ETag), then the draft is created with the id the link names. A second call for the same cycle
 * answers with the draft already made (the route says 200 instead of 201); a link whose draft was
 * never written or was deleted since is replaced by a new draft. */
import { assertOwner, canSetTopLevel } from "./goal-access.js";
import { loadCycle, loadVisibleGoal, makeAudit, type GoalDeps } from "./goal-context.js";
import { computeAlignmentFlags, validateParent } from "./goal-parent.js";
import { AppError, isAppError } from "./errors.js";
import { newGoalId } from "./goal-ids.js";
import { carryDueDate, carryKeyResults, findCarryLink, isCloseOutOpen, isUnfinished } from "./close-out.js";
import { loadCloseOutCycle } from "./close-out-service.js";
import type { Versioned } from "./ports.js";
import type { Cycle, Goal, Principal } from "./types.js";

export interface CarryOverResult {
  goal: Versioned<Goal>;
  /** False when the goal had already been carried into this cycle: the existing draft is returned. */
  isCreated: boolean;
}

function invalidCycle(message: string): AppError {
  return new AppError("validation_failed", message, { errors: [{ path: "cycleId", message }] });
}

/** The parent's continuation in the target cycle, when the parent was carried there and the owner may align to it. */
async function findContinuedParent(deps: GoalDeps, principal: Principal, goalId: string, parentId: string | null, cycleId: string): Promise<Goal | null> {
  if (!parentId) return null;
  const parent = await deps.goals.getGoal(principal.tenantId, parentId);
  const link = parent ? findCarryLink(parent.value, cycleId) : null;
  if (!link) return null;
  try {
    return await validateParent(deps, principal, goalId, link.goalId);
  } catch (error) {
    if (isAppError(error) && error.code === "validation_failed") return null;
    throw error;
  }
}

async function buildContinuation(deps: GoalDeps, principal: Principal, source: Goal, id: string, from: Cycle, to: Cycle): Promise<Goal> {
  const parent = await findContinuedParent(deps, principal, id, source.parentId, to.id);
  const isTopLevel = source.isTopLevel && (await canSetTopLevel(deps.directory, principal, await deps.tenantPolicy(principal.tenantId)));
  const now = deps.clock.now().toISOString();
  return {
    tenantId: principal.tenantId,
    id,
    ownerId: source.ownerId,
    cycleId: to.id,
    title: source.title,
    description: source.description,
    dueDate: carryDueDate(source.dueDate, from, to),
    visibility: source.visibility,
    parentId: parent?.id ?? null,
    weight: source.weight,
    keyResults: carryKeyResults(source.keyResults, deps.ids),
    status: "draft",
    isTopLevel: isTopLevel && !parent,
    approverId: null,
    approvedSnapshot: null,
    flags: await computeAlignmentFlags(deps, principal.tenantId, source.ownerId, parent, []),
    lastCheckIn: null,
    createdAt: now,
    updatedAt: now,
    continuedFrom: source.id,
  };
}

export async function carryOverGoal(deps: GoalDeps, principal: Principal, goalId: string, cycleId: string): Promise<CarryOverResult> {
  const stored = await loadVisibleGoal(deps, principal, goalId);
  const source = stored.value;
  assertOwner(principal, source, "carry it over");
  const existing = findCarryLink(source, cycleId);
  const continuation = existing ? await deps.goals.getGoal(principal.tenantId, existing.goalId) : null;
  if (continuation) return { goal: continuation, isCreated: false };
  if (!isUnfinished(source)) throw new AppError("invalid_transition", "Only unfinished goals can be carried into another cycle.");
  const from = await loadCloseOutCycle(deps, principal.tenantId, source.cycleId);
  if (!isCloseOutOpen(from, deps.clock.now().toISOString().slice(0, 10))) throw new AppError("invalid_transition", "A goal can be carried over once its cycle's close-out is open.");
  if (cycleId === source.cycleId) throw invalidCycle("Choose another cycle than the goal's own.");
  const to = await loadCycle(deps, principal.tenantId, cycleId);
  if (to.startDate <= from.startDate) throw invalidCycle("Choose a cycle that starts after the goal's own.");
  const id = newGoalId(source.ownerId, deps.ids);
  const carriedTo = [...(source.carriedTo ?? []).filter((link) => link.cycleId !== cycleId), { cycleId, goalId: id }];
  const linkAudit = makeAudit(deps, source.id, principal.userId, "carried_over", { carriedTo: { from: existing?.goalId ?? null, to: id } });
  await deps.goals.saveGoal({ goal: { ...source, carriedTo, updatedAt: linkAudit.at }, etag: stored.etag, audit: [linkAudit], previous: source });
  const goal = await buildContinuation(deps, principal, source, id, from, to);
  const saved = await deps.goals.saveGoal({ goal, audit: [makeAudit(deps, id, principal.userId, "created", { continuedFrom: { from: null, to: source.id } })] });
  return { goal: saved, isCreated: true };
}
