/** Sending kudos from the invitation card (verb kudos.send), loaded by kudos-actions.ts on first use; a
 * replay of the same card sends once. The message is checked by the schema of POST /api/goals/{id}/kudos. */
import { buildMessageCard, parseKudosInputs } from "../../../cards/src/index.js";
import { giveKudos } from "../domain/feedback.js";
import type { Principal } from "../domain/types.js";
import { kudosSchema } from "../contracts/feedback.js";
import { parseCardBody, parseCardGoalId } from "./card-input.js";
import { findCardIntl } from "./card-locale.js";
import { respondToUserError, respondWithCard, respondWithError, type CardActionResponse } from "./invoke-response.js";
import { deriveActionId } from "./progress-cards.js";
import { buildGoalUrl } from "./tab-links.js";
import type { ProgressDeps } from "./progress-ports.js";

export async function sendKudosFromCard(deps: ProgressDeps, viewer: Principal, data: Record<string, unknown>): Promise<CardActionResponse> {
  let goalId: string;
  let message: string;
  let recipientId: string;
  const intl = await findCardIntl(deps, viewer);
  try {
    goalId = parseCardGoalId(data, intl);
    const parsed = parseKudosInputs(data, intl);
    if (!parsed.ok) return respondWithError(400, "BadRequest", parsed.errors.join(" "));
    message = parseCardBody(kudosSchema, { message: parsed.value.message }).message;
    const version = typeof data.version === "string" ? data.version : "";
    const kudosId = deriveActionId("kudos", goalId, version, viewer.userId);
    recipientId = (await giveKudos(deps, viewer, goalId, message, kudosId)).kudos.toId;
  } catch (error) {
    return respondToUserError(error);
  }
  // Kudos go to the goal's owner, so the goal need not be read again for their name.
  const owner = await deps.directory.getPerson(viewer.tenantId, recipientId);
  return respondWithCard(
    buildMessageCard({
      tone: "success",
      title: intl.t("kudos.sentTitle"),
      text: owner ? intl.t("kudos.sentText", { name: owner.displayName, message }) : intl.t("kudos.sentTextNoName", { message }),
      link: { title: intl.t("common.openGoal"), url: buildGoalUrl(deps, goalId) },
    }),
  );
}
