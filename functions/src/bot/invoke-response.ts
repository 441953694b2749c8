/** The Universal Actions response contract for `adaptiveCard/action` invokes: either a card that
 * replaces the one the person acted on, or an error Teams shows under the card. */
import type { AdaptiveCard } from "../../../cards/src/index.js";
import { isAppError } from "../domain/errors.js";

import { CARD_RESPONSE_TYPE, ERROR_RESPONSE_TYPE, type CardActionResponse as WireCardActionResponse } from "../contracts/approvals.js";

export { CARD_RESPONSE_TYPE, ERROR_RESPONSE_TYPE };
export type { CardActionInput } from "../contracts/approvals.js";
export type CardActionResponse = WireCardActionResponse<AdaptiveCard>;

export function respondWithCard(card: AdaptiveCard): CardActionResponse {
  return { statusCode: 200, type: CARD_RESPONSE_TYPE, value: card };
}

export function respondWithError(statusCode: 400 | 500, code: string, message: string): CardActionResponse {
  return { statusCode, type: ERROR_RESPONSE_TYPE, value: { code, message, innerHttpError: { statusCode, body: null } } };
}

/** Refusals the person can act on (a wrong input, a goal gone or no longer theirs). */
const USER_ERROR_CODES = new Set(["validation_failed", "invalid_transition", "forbidden", "not_found"]);

/** A refusal the person can act on is shown under the card; anything else is rethrown. */
export function respondToUserError(error: unknown): CardActionResponse {
  if (isAppError(error) && USER_ERROR_CODES.has(error.code)) return respondWithError(400, "BadRequest", error.message);
  throw error;
}
