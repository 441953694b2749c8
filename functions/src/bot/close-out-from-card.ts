/** The close-out card's actions, loaded by close-out-actions.ts on first use:
 * - closeout.submit closes a goal out, running the same operation as POST /api/goals/{id}/close-out with
 *   its body checked by the same schema; the same answer sent again changes nothing;
 * - closeout.carryOver carries an unfinished goal into the next cycle, as POST /api/goals/{id}/carry-over
 *   does; a second press answers with the draft already made;
 * - closeout.refresh is Teams asking for the card's current state when its owner opens it.
 * Each answers with the owner's card as it stands: receipts of the card's goals already closed out,
 * then the forms of the goals still to close out. */
import { buildMessageCard, parseCloseOutInputs, type CardIntl } from "../../../cards/src/index.js";
import { carryOverGoal } from "../domain/carry-over.js";
import { closeOutGoal, loadCloseOutCycle } from "../domain/close-out-service.js";
import type { Cycle, Principal } from "../domain/types.js";
import { carryOverSchema, closeOutSchema } from "../contracts/close-out.js";
import { idSchema } from "../http/schemas.js";
import { parseCardBody, parseCardGoalId } from "./card-input.js";
import { findCardIntl } from "./card-locale.js";
import { buildOwnerCloseOutView } from "./close-out-cards.js";
import { respondToUserError, respondWithCard, respondWithError, type CardActionResponse } from "./invoke-response.js";
import type { ProgressDeps } from "./progress-ports.js";

/** At most the goals one card can hold; anything else in the list is ignored. */
const CARD_GOALS_MAX = 60;

/** The goals the card showed, as its actions carry them; ids that are not ids are left out. */
function readCardGoalIds(data: Record<string, unknown>): string[] {
  const ids = Array.isArray(data.goalIds) ? data.goalIds : [];
  return ids.filter((id): id is string => typeof id === "string" && idSchema.safeParse(id).success).slice(0, CARD_GOALS_MAX);
}

async function respondWithOwnerView(deps: ProgressDeps, viewer: Principal, cycle: Cycle, doneGoalIds: readonly string[], intl: CardIntl): Promise<CardActionResponse> {
  const person = await deps.directory.getPerson(viewer.tenantId, viewer.userId);
  const card = await buildOwnerCloseOutView(deps, { tenantId: viewer.tenantId, id: viewer.userId, name: person?.displayName ?? viewer.name }, cycle, intl, doneGoalIds);
  return respondWithCard(card ?? buildMessageCard({ tone: "info", text: intl.t("closeOut.nothingLeft", { cycle: cycle.name }) }));
}

async function runCardAction(deps: ProgressDeps, viewer: Principal, action: (intl: CardIntl) => Promise<CardActionResponse>): Promise<CardActionResponse> {
  try {
    return await action(await findCardIntl(deps, viewer));
  } catch (error) {
    return respondToUserError(error);
  }
}

export function recordCloseOutFromCard(deps: ProgressDeps, viewer: Principal, data: Record<string, unknown>): Promise<CardActionResponse> {
  return runCardAction(deps, viewer, async (intl) => {
    const goalId = parseCardGoalId(data, intl);
    const parsed = parseCloseOutInputs(goalId, data, intl);
    if (!parsed.ok) return respondWithError(400, "BadRequest", parsed.errors.map((e) => e.message).join(" "));
    const body = parseCardBody(closeOutSchema, parsed.value);
    const saved = (await closeOutGoal(deps, viewer, goalId, body, null)).value;
    const cycle = await loadCloseOutCycle(deps, viewer.tenantId, saved.cycleId);
    // The receipt of this goal, with the receipts the card showed already, then what is left.
    return respondWithOwnerView(deps, viewer, cycle, [...readCardGoalIds(data), goalId], intl);
  });
}

export function carryOverFromCard(deps: ProgressDeps, viewer: Principal, data: Record<string, unknown>): Promise<CardActionResponse> {
  return runCardAction(deps, viewer, async (intl) => {
    const goalId = parseCardGoalId(data, intl);
    const body = parseCardBody(carryOverSchema, { cycleId: data.cycleId });
    await carryOverGoal(deps, viewer, goalId, body.cycleId);
    const source = await deps.goals.getGoal(viewer.tenantId, goalId);
    const cycle = await loadCloseOutCycle(deps, viewer.tenantId, source!.value.cycleId);
    return respondWithOwnerView(deps, viewer, cycle, readCardGoalIds(data), intl);
  });
}

export function refreshCloseOutCard(deps: ProgressDeps, viewer: Principal, data: Record<string, unknown>): Promise<CardActionResponse> {
  return runCardAction(deps, viewer, async (intl) => {
    // A cycle id, read as the routes read one.
    const { cycleId } = parseCardBody(carryOverSchema, { cycleId: data.cycleId });
    // Only the viewer's own goals are read: a card forwarded to someone else shows them nothing of the owner's.
    return respondWithOwnerView(deps, viewer, await loadCloseOutCycle(deps, viewer.tenantId, cycleId), readCardGoalIds(data), intl);
  });
}
