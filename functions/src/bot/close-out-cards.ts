/** The close-out card for one owner and cycle: the receipts of the card's goals already closed out,
 * then a form for each goal that ran in the cycle and is not closed out yet, each starting from its
 * progress; an unfinished goal offers to go on in the next cycle. Used by the proactive send, by the
 * answer to a close-out or a carry-over from the card, and by the card's refresh. */
import { buildCloseOutCard, type AdaptiveCard, type CardIntl, type CloseOutCarryOver, type CloseOutDoneCardInput, type CloseOutGoalView } from "../../../cards/src/index.js";
import { canCloseOutStatus, findCarryLink, findNextCycle, isUnfinished, suggestScore } from "../domain/close-out.js";
import type { Versioned } from "../domain/ports.js";
import { computeGoalProgress } from "../contracts/progress.js";
import type { Cycle, Goal } from "../domain/types.js";
import type { ProgressDeps } from "./progress-ports.js";
import { buildGoalUrl, buildMyGoalsUrl, type TabLinkSettings } from "./tab-links.js";
import { findTeamsUserId } from "./teams-user-id.js";

export interface CloseOutOwner {
  tenantId: string;
  id: string;
  name: string;
}

function toCarryOver(goal: Goal, next: Cycle | null): CloseOutCarryOver | null {
  if (!next) return null;
  const isCarried = findCarryLink(goal, next.id) !== null;
  return isCarried || isUnfinished(goal) ? { cycleId: next.id, cycleName: next.name, isCarried } : null;
}

export function toCloseOutGoalView(links: TabLinkSettings, { value: goal, etag }: Versioned<Goal>, next: Cycle | null = null): CloseOutGoalView {
  const previous = goal.closeOut ?? null;
  return {
    goalId: goal.id,
    version: etag,
    title: goal.title,
    progress: computeGoalProgress(goal.keyResults),
    suggestedScore: suggestScore(goal),
    closeOut: previous ? { score: previous.score, outcome: previous.outcome, reflection: previous.reflection } : null,
    goalUrl: buildGoalUrl(links, goal.id),
    carryOver: toCarryOver(goal, next),
  };
}

function toDoneInput(links: TabLinkSettings, goal: Goal, cycle: Cycle, next: Cycle | null): CloseOutDoneCardInput {
  const closeOut = goal.closeOut!;
  return { goalId: goal.id, goalTitle: goal.title, cycleName: cycle.name, score: closeOut.score, outcome: closeOut.outcome, reflection: closeOut.reflection, goalUrl: buildGoalUrl(links, goal.id), carryOver: toCarryOver(goal, next) };
}

/** The owner's card as it stands now: receipts for the goals of `doneGoalIds` that are closed out, and
 * the forms of every goal still to close out. Null when there is neither. */
export async function buildOwnerCloseOutView(deps: ProgressDeps, owner: CloseOutOwner, cycle: Cycle, intl: CardIntl, doneGoalIds: readonly string[]): Promise<AdaptiveCard | null> {
  const [goals, cycles] = await Promise.all([deps.goals.listGoalsByOwner(owner.tenantId, owner.id, { cycleId: cycle.id }), deps.cycles.listCycles(owner.tenantId)]);
  const next = findNextCycle(cycles, cycle);
  const wanted = new Set(doneGoalIds);
  const done = goals.filter((g) => wanted.has(g.value.id) && g.value.closeOut).map((g) => toDoneInput(deps, g.value, cycle, next));
  const open = goals.filter((g) => canCloseOutStatus(g.value.status) && !g.value.closeOut);
  if (done.length === 0 && open.length === 0) return null;
  const ownerUserId = await findTeamsUserId(deps, owner.tenantId, owner.id);
  return buildCloseOutCard(
    { personName: owner.name, cycleName: cycle.name, goals: open.map((g) => toCloseOutGoalView(deps, g, next)), goalsUrl: buildMyGoalsUrl(deps), done, refresh: { cycleId: cycle.id, ownerUserId } },
    intl,
  );
}

/** The card sent when close-out opens; null when the owner has nothing to close out in the cycle. */
export async function buildOwnerCloseOutCard(deps: ProgressDeps, owner: CloseOutOwner, cycle: Cycle, intl: CardIntl): Promise<AdaptiveCard | null> {
  return buildOwnerCloseOutView(deps, owner, cycle, intl, []);
}
