/** Sending kudos from the invitation card (verb kudos.send); a replay of the same card sends once. */
import { buildMessageCard, parseKudosInputs } from "../../../cards/src/index.js";
import { isAppError } from "../domain/errors.js";
import { giveKudos } from "../domain/feedback.js";
import type { Principal } from "../domain/types.js";
import type { ProgressDeps } from "../progress-services.js";
import { buildGoalUrl } from "./bot-deps.js";
import { respondWithCard, respondWithError, type CardActionResponse } from "./invoke-response.js";
import { deriveActionId } from "./progress-cards.js";

const USER_ERRORS = new Set(["validation_failed", "invalid_transition", "forbidden", "not_found"]);

export async function handleKudosAction(deps: ProgressDeps, viewer: Principal, data: Record<string, unknown>): Promise<CardActionResponse> {
  const parsed = parseKudosInputs(data);
  if (!parsed.ok) return respondWithError(400, "BadRequest", parsed.errors.join(" "));
  const version = typeof data.version === "string" ? data.version : "";
  const kudosId = deriveActionId("kudos", parsed.value.goalId, version, viewer.userId);
  try {
    await giveKudos(deps, viewer, parsed.value.goalId, parsed.value.message, kudosId);
  } catch (error) {
    if (isAppError(error) && USER_ERRORS.has(error.code)) return respondWithError(400, "BadRequest", error.message);
    throw error;
  }
  const goal = await deps.goals.getGoal(viewer.tenantId, parsed.value.goalId);
  const owner = goal ? await deps.directory.getPerson(viewer.tenantId, goal.value.ownerId) : null;
  return respondWithCard(
    buildMessageCard({
      tone: "success",
      title: "Kudos sent",
      text: `${owner?.displayName ?? "They"} will see your message: "${parsed.value.message}"`,
      link: { title: "Open goal", url: buildGoalUrl(deps, parsed.value.goalId) },
    }),
  );
}
