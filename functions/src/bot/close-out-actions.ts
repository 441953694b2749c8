/** The close-out card's actions (verbs closeout.submit, closeout.carryOver and closeout.refresh), as the
 * bot's extra verbs take them. The card logic and the card builders load with the first close-out card
 * action, so a cold start parses neither. */
import type { Principal } from "../domain/types.js";
import type { CardActionResponse } from "./invoke-response.js";
import type { ProgressDeps } from "./progress-ports.js";

const loadActions = () => import("./close-out-from-card.js");

export async function handleCloseOutAction(deps: ProgressDeps, viewer: Principal, data: Record<string, unknown>): Promise<CardActionResponse> {
  return (await loadActions()).recordCloseOutFromCard(deps, viewer, data);
}

export async function handleCarryOverAction(deps: ProgressDeps, viewer: Principal, data: Record<string, unknown>): Promise<CardActionResponse> {
  return (await loadActions()).carryOverFromCard(deps, viewer, data);
}

export async function handleCloseOutRefresh(deps: ProgressDeps, viewer: Principal, data: Record<string, unknown>): Promise<CardActionResponse> {
  return (await loadActions()).refreshCloseOutCard(deps, viewer, data);
}
