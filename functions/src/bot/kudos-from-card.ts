/** Sending kudos from the invitation card (verb kudos.send), loaded by kudos-actions.ts on first use; a
 * replay of the same card sends once. */
import { buildMessageCard, parseKudosInputs } from "../../../cards/src/index.js";
import { giveKudos } from "../domain/feedback.js";
import type { Principal } from "../domain/types.js";
import type { ProgressDeps } from "../progress-services.js";
import { buildGoalUrl } from "./bot-deps.js";
import { respondToUserError, respondWithCard, respondWithError, type CardActionResponse } from "./invoke-response.js";
import { deriveActionId } from "./progress-cards.js";

export async function sendKudosFromCard(deps: ProgressDeps, viewer: Principal, data: Record<string, unknown>): Promise<CardActionResponse> {
  const parsed = parseKudosInputs(data);
  if (!parsed.ok) return respondWithError(400, "BadRequest", parsed.errors.join(" "));
  const version = typeof data.version === "string" ? data.version : "";
  const kudosId = deriveActionId("kudos", parsed.value.goalId, version, viewer.userId);
  let recipientId: string;
  try {
    recipientId = (await giveKudos(deps, viewer, parsed.value.goalId, parsed.value.message, kudosId)).kudos.toId;
  } catch (error) {
    return respondToUserError(error);
  }
  // Kudos go to the goal's owner, so the goal need not be read again for their name.
  const owner = await deps.directory.getPerson(viewer.tenantId, recipientId);
  return respondWithCard(
    buildMessageCard({
      tone: "success",
      title: "Kudos sent",
      text: `${owner?.displayName ?? "They"} will see your message: "${parsed.value.message}"`,
      link: { title: "Open goal", url: buildGoalUrl(deps, parsed.value.goalId) },
    }),
  );
}
