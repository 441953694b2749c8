/** The close-out card action (verb closeout.submit), as the bot's extra verbs take it. The card logic and
 * the card builders load with the first close-out from a card, so a cold start parses neither. */
import type { Principal } from "../domain/types.js";
import type { CardActionResponse } from "./invoke-response.js";
import type { ProgressDeps } from "./progress-ports.js";

export async function handleCloseOutAction(deps: ProgressDeps, viewer: Principal, data: Record<string, unknown>): Promise<CardActionResponse> {
  const { recordCloseOutFromCard } = await import("./close-out-from-card.js");
  return recordCloseOutFromCard(deps, viewer, data);
}
