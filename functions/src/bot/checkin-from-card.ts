/** Check-in straight from the reminder card (verb checkin.submit), loaded by checkin-actions.ts on first
 * use. Runs the same operation as POST /api/goals/{id}/checkins, with its body checked by the same
 * schema; the id comes from the card, so a replay records nothing twice. */
import { buildCheckInDoneCard, buildReminderCard, parseCheckInInputs, type AdaptiveCard, type CardIntl } from "../../../cards/src/index.js";
import { recordCheckIn, type CheckInResult } from "../domain/checkins.js";
import { computeGoalProgress } from "../contracts/progress.js";
import { filterNotCheckedInSince, findReminderWindowStart } from "../domain/reminders.js";
import type { Principal } from "../domain/types.js";
import { checkInSchema } from "../contracts/check-ins.js";
import { parseCardBody, parseCardGoalId } from "./card-input.js";
import { findCardIntl } from "./card-locale.js";
import { respondToUserError, respondWithCard, respondWithError, type CardActionResponse } from "./invoke-response.js";
import { deriveActionId, toCheckInGoalView, toKeyResultView } from "./progress-cards.js";
import { buildGoalUrl, buildMyGoalsUrl } from "./tab-links.js";
import type { ProgressDeps } from "./progress-ports.js";

function readString(data: Record<string, unknown>, key: string): string {
  const value = data[key];
  return typeof value === "string" ? value.trim() : "";
}

/** The goals the person still has to check in on from the same reminder, as forms below the receipt. */
async function buildRemainingForms(deps: ProgressDeps, viewer: Principal, doneGoalId: string, intl: CardIntl): Promise<AdaptiveCard | null> {
  const [goals, state, settings, person] = await Promise.all([
    deps.goals.listGoalsByOwner(viewer.tenantId, viewer.userId, { status: "active" }),
    deps.reminders.getState(viewer.tenantId, viewer.userId),
    deps.reminders.getSettings(viewer.tenantId),
    deps.directory.getPerson(viewer.tenantId, viewer.userId),
  ]);
  const since = findReminderWindowStart(deps.clock.now(), settings, state.lastReminderAt);
  const open = goals.filter((g) => g.value.id !== doneGoalId && filterNotCheckedInSince([g.value], since).length > 0);
  if (open.length === 0) return null;
  const personName = person?.displayName ?? viewer.name;
  return buildReminderCard({ personName, goals: open.map((g) => toCheckInGoalView(deps, g)), goalsUrl: buildMyGoalsUrl(deps) }, intl);
}

async function buildReceipt(deps: ProgressDeps, viewer: Principal, result: CheckInResult, intl: CardIntl): Promise<AdaptiveCard> {
  const goal = result.goal.value;
  const receipt = buildCheckInDoneCard({
    goalTitle: goal.title,
    confidence: result.checkIn.confidence,
    note: result.checkIn.note,
    keyResults: goal.keyResults.map(toKeyResultView),
    progress: computeGoalProgress(goal.keyResults),
    goalUrl: buildGoalUrl(deps, goal.id),
  }, intl);
  const remaining = await buildRemainingForms(deps, viewer, goal.id, intl);
  if (!remaining) return receipt;
  return { ...receipt, body: [...receipt.body, ...remaining.body], actions: remaining.actions };
}

export async function recordCheckInFromCard(deps: ProgressDeps, viewer: Principal, data: Record<string, unknown>): Promise<CardActionResponse> {
  try {
    const intl = await findCardIntl(deps, viewer);
    const goalId = parseCardGoalId(data, intl);
    const parsed = parseCheckInInputs(goalId, data, intl);
    if (!parsed.ok) return respondWithError(400, "BadRequest", parsed.errors.map((e) => e.message).join(" "));
    const body = parseCardBody(checkInSchema, parsed.value);
    const checkInId = deriveActionId("checkin", goalId, readString(data, "version"), viewer.userId);
    const input = { keyResults: body.keyResults ?? [], confidence: body.confidence, note: body.note ?? "" };
    const result = await recordCheckIn(deps, viewer, goalId, input, { checkInId });
    return respondWithCard(await buildReceipt(deps, viewer, result, intl));
  } catch (error) {
    return respondToUserError(error);
  }
}
