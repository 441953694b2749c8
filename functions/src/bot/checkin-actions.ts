/** The check-in card action (verb checkin.submit), as the bot's extra verbs take it. The card logic
 * and the card builders load with the first check-in from a card, so a cold start parses neither. */
import type { Principal } from "../domain/types.js";
import type { CardActionResponse } from "./invoke-response.js";
import type { ProgressDeps } from "./progress-ports.js";

export async function handleCheckInAction(deps: ProgressDeps, viewer: Principal, data: Record<string, unknown>): Promise<CardActionResponse> {
  const { recordCheckInFromCard } = await import("./checkin-from-card.js");
  return recordCheckInFromCard(deps, viewer, data);
}
