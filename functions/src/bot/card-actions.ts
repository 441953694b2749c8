/** One handler for every approval card action, whether it arrives from Teams (`adaptiveCard/action`),
 * the local chat panel or the tab's Approvals inbox. Decisions run the same domain operation as
 * POST /api/goals/{id}/decision, so the rules and the idempotency are the same everywhere. */
import { VERBS, createCardIntl, parseDecisionInputs, type CardIntl, type ParsedDecision } from "../../../cards/src/index.js";
import { isAppError } from "../domain/errors.js";
import { decideGoal } from "../domain/goal-workflow.js";
import type { Principal } from "../domain/types.js";
import { buildOutcomeCard, renderCardFor } from "./approval-cards.js";
import { findPersonName } from "./approval-view.js";
import type { BotDeps } from "./bot-ports.js";
import { findCardIntl } from "./card-locale.js";
import { decisionSchema } from "../contracts/approvals.js";
import { parseCardBody, parseCardGoalId } from "./card-input.js";
import { respondToUserError, respondWithCard, respondWithError, type CardActionInput, type CardActionResponse } from "./invoke-response.js";
import { describeError } from "../domain/logger.js";

/** Outcomes of a decision attempt that mean "someone or something got there first": answer with
 * what the goal looks like now instead of an error, so a replay or a race reads as success. */
const SETTLED_CODES = new Set(["precondition_failed", "invalid_transition", "forbidden", "not_found"]);

function readText(data: Record<string, unknown>, key: string): string | null {
  const value = data[key];
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
}

async function refreshCard(deps: BotDeps, viewer: Principal, data: Record<string, unknown>, intl: CardIntl): Promise<CardActionResponse> {
  const goalId = parseCardGoalId(data, intl);
  const stored = await deps.goalDeps.goals.getGoal(viewer.tenantId, goalId);
  return respondWithCard(await renderCardFor(deps, viewer, stored, readText(data, "version")));
}

async function applyDecision(deps: BotDeps, viewer: Principal, parsed: ParsedDecision): Promise<CardActionResponse> {
  const stored = await deps.goalDeps.goals.getGoal(viewer.tenantId, parsed.goalId);
  const isCurrentRequest = stored?.value.status === "pending_approval" && stored.value.approverId === viewer.userId && stored.etag === parsed.version;
  // Not the approver, already decided, or a card for an older version: show the goal as it is now.
  if (!stored || !isCurrentRequest) return respondWithCard(await renderCardFor(deps, viewer, stored, parsed.version));
  try {
    const result = await decideGoal(deps.goalDeps, viewer, parsed.goalId, parsed.decision, parsed.comment, parsed.version);
    const goal = result.goal.value;
    const deciderName = await findPersonName(deps.goalDeps, viewer.tenantId, viewer.userId, await findCardIntl(deps, viewer));
    const outcome = { decision: parsed.decision, deciderName, decidedAt: goal.updatedAt, comment: parsed.comment };
    return respondWithCard(result.isApplied ? await buildOutcomeCard(deps, result.goal, outcome, viewer) : await renderCardFor(deps, viewer, result.goal, null));
  } catch (error) {
    if (isAppError(error) && SETTLED_CODES.has(error.code)) {
      const current = await deps.goalDeps.goals.getGoal(viewer.tenantId, parsed.goalId);
      return respondWithCard(await renderCardFor(deps, viewer, current, parsed.version));
    }
    if (isAppError(error) && error.code === "validation_failed") return respondWithError(400, "BadRequest", error.message);
    throw error;
  }
}

/** The card's decision, read as the body of POST /api/goals/{id}/decision is read. */
function parseDecision(verb: string, data: Record<string, unknown>, intl: CardIntl): ParsedDecision | CardActionResponse {
  const goalId = parseCardGoalId(data, intl);
  const parsed = parseDecisionInputs(verb, data, intl);
  if (!parsed.ok) return respondWithError(400, "BadRequest", parsed.errors.join(" "));
  const body = parseCardBody(decisionSchema, { decision: parsed.value.decision, comment: parsed.value.comment });
  return { ...parsed.value, goalId, decision: body.decision, comment: body.comment ?? null };
}

async function runCardAction(deps: BotDeps, viewer: Principal, action: CardActionInput): Promise<CardActionResponse> {
  const handler = deps.cardActions?.[action.verb];
  if (handler) return await handler(viewer, action.data);
  const intl = await findCardIntl(deps, viewer);
  if (action.verb === VERBS.refresh) return await refreshCard(deps, viewer, action.data, intl);
  const parsed = parseDecision(action.verb, action.data, intl);
  return "statusCode" in parsed ? parsed : await applyDecision(deps, viewer, parsed);
}

export async function executeCardAction(deps: BotDeps, viewer: Principal, action: CardActionInput): Promise<CardActionResponse> {
  try {
    // A refusal the person can act on (an input the API would refuse too) shows under the card.
    return await runCardAction(deps, viewer, action).catch(respondToUserError);
  } catch (error) {
    deps.log("error", "A card action failed", { verb: action.verb, error: describeError(error) });
    const intl = await findCardIntl(deps, viewer).catch(() => createCardIntl(viewer.locale));
    return respondWithError(500, "InternalError", intl.t("bot.error.failed"));
  }
}
