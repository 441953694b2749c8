/** The close-out card for one owner and cycle: their goals that ran in the cycle and are not closed out
 * yet, each with a form that starts from its progress. Used by the proactive send and by the receipt
 * that follows a close-out from the card. */
import { buildCloseOutCard, type AdaptiveCard, type CardIntl, type CloseOutGoalView } from "../../../cards/src/index.js";
import { canCloseOutStatus, suggestScore } from "../domain/close-out.js";
import type { Versioned } from "../domain/ports.js";
import { computeGoalProgress } from "../contracts/progress.js";
import type { Cycle, Goal } from "../domain/types.js";
import type { ProgressDeps } from "./progress-ports.js";
import { buildGoalUrl, buildMyGoalsUrl, type TabLinkSettings } from "./tab-links.js";

export function toCloseOutGoalView(links: TabLinkSettings, { value: goal, etag }: Versioned<Goal>): CloseOutGoalView {
  const previous = goal.closeOut ?? null;
  return {
    goalId: goal.id,
    version: etag,
    title: goal.title,
    progress: computeGoalProgress(goal.keyResults),
    suggestedScore: suggestScore(goal),
    closeOut: previous ? { score: previous.score, outcome: previous.outcome, reflection: previous.reflection } : null,
    goalUrl: buildGoalUrl(links, goal.id),
  };
}

/** Null when the owner has nothing left to close out in the cycle (besides `exceptGoalId`). */
export async function buildOwnerCloseOutCard(deps: ProgressDeps, owner: { tenantId: string; id: string; name: string }, cycle: Cycle, intl: CardIntl, exceptGoalId: string | null = null): Promise<AdaptiveCard | null> {
  const goals = await deps.goals.listGoalsByOwner(owner.tenantId, owner.id, { cycleId: cycle.id });
  const open = goals.filter((g) => g.value.id !== exceptGoalId && canCloseOutStatus(g.value.status) && !g.value.closeOut);
  if (open.length === 0) return null;
  return buildCloseOutCard({ personName: owner.name, cycleName: cycle.name, goals: open.map((g) => toCloseOutGoalView(deps, g)), goalsUrl: buildMyGoalsUrl(deps) }, intl);
}
