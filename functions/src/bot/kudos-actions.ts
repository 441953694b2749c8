/** The kudos card action (verb kudos.send), as the bot's extra verbs take it. The card logic and the
 * card builders load with the first kudos sent from a card, so a cold start parses neither. */
import type { Principal } from "../domain/types.js";
import type { CardActionResponse } from "./invoke-response.js";
import type { ProgressDeps } from "./progress-ports.js";

export async function handleKudosAction(deps: ProgressDeps, viewer: Principal, data: Record<string, unknown>): Promise<CardActionResponse> {
  const { sendKudosFromCard } = await import("./kudos-from-card.js");
  return sendKudosFromCard(deps, viewer, data);
}
