/** Approvals on the wire: a manager's decision, the inbox of goals waiting for it, and the card
 * actions the tab sends back (the same contract Teams uses for `adaptiveCard/action` invokes).
 * The card itself is the cards package's type, so it is a parameter here. */
import { z } from "zod";
import { decisionCommentSchema } from "./goals.js";

export const decisionSchema = z.strictObject({
  decision: z.enum(["approve", "request_changes", "reject"]),
  comment: decisionCommentSchema,
});

export const CARD_RESPONSE_TYPE = "application/vnd.microsoft.card.adaptive";
export const ERROR_RESPONSE_TYPE = "application/vnd.microsoft.error";

/** Either a card that replaces the one the person acted on, or an error shown under the card. */
export type CardActionResponse<Card> =
  | { statusCode: 200; type: typeof CARD_RESPONSE_TYPE; value: Card }
  | { statusCode: 400 | 500; type: typeof ERROR_RESPONSE_TYPE; value: { code: string; message: string; innerHttpError: { statusCode: number; body: null } } };

/** What a card action carries: the verb of the button and its data merged with the card's inputs. */
export interface CardActionInput {
  verb: string;
  data: Record<string, unknown>;
}

export interface PendingApprovalSummary {
  goalId: string;
  ownerId: string;
  ownerName: string;
  title: string;
  isReapproval: boolean;
  submittedAt: string;
  /** "sent": the card is also in the approver's Teams chat; "waiting": only here, until they install the app. */
  delivery: "sent" | "waiting";
}

/** A goal waiting for the caller's decision, with the card the caller would see in chat. */
export type PendingApproval<Card> = PendingApprovalSummary & { card: Card };
