/** Closing out a goal from the close-out card (verb closeout.submit), loaded by close-out-actions.ts on
 * first use. Runs the same operation as POST /api/goals/{id}/close-out, with its body checked by the
 * same schema; the same answer sent again changes nothing, so a replay is harmless. The answer is the
 * receipt, with the forms of the goals still to close out below it. */
import { buildCloseOutDoneCard, parseCloseOutInputs } from "../../../cards/src/index.js";
import { closeOutGoal, loadCloseOutCycle } from "../domain/close-out-service.js";
import type { Principal } from "../domain/types.js";
import { closeOutSchema } from "../contracts/close-out.js";
import { parseCardBody, parseCardGoalId } from "./card-input.js";
import { findCardIntl } from "./card-locale.js";
import { buildOwnerCloseOutCard } from "./close-out-cards.js";
import { respondToUserError, respondWithCard, respondWithError, type CardActionResponse } from "./invoke-response.js";
import type { ProgressDeps } from "./progress-ports.js";
import { buildGoalUrl } from "./tab-links.js";

export async function recordCloseOutFromCard(deps: ProgressDeps, viewer: Principal, data: Record<string, unknown>): Promise<CardActionResponse> {
  try {
    const intl = await findCardIntl(deps, viewer);
    const goalId = parseCardGoalId(data, intl);
    const parsed = parseCloseOutInputs(goalId, data, intl);
    if (!parsed.ok) return respondWithError(400, "BadRequest", parsed.errors.map((e) => e.message).join(" "));
    const body = parseCardBody(closeOutSchema, parsed.value);
    const saved = (await closeOutGoal(deps, viewer, goalId, body, null)).value;
    const cycle = await loadCloseOutCycle(deps, viewer.tenantId, saved.cycleId);
    const receipt = buildCloseOutDoneCard({ goalTitle: saved.title, cycleName: cycle.name, score: body.score, outcome: body.outcome, reflection: body.reflection, goalUrl: buildGoalUrl(deps, goalId) }, intl);
    const person = await deps.directory.getPerson(viewer.tenantId, viewer.userId);
    const remaining = await buildOwnerCloseOutCard(deps, { tenantId: viewer.tenantId, id: viewer.userId, name: person?.displayName ?? viewer.name }, cycle, intl, goalId);
    return respondWithCard(remaining ? { ...receipt, body: [...receipt.body, ...remaining.body], actions: remaining.actions } : receipt);
  } catch (error) {
    return respondToUserError(error);
  }
}
