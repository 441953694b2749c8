/** Tells the owner what their manager decided about a submitted goal. */
import type { AdaptiveCard, CardElement, CardStyle } from "./card-json.js";
import { createCard, createContainer, createFacts, createHeading, createOpenUrlAction, createText } from "./elements.js";
import { formatDateTime } from "./format.js";
import type { Decision } from "./types.js";

export interface DecisionCardInput {
  goalTitle: string;
  decision: Decision;
  deciderName: string;
  /** ISO timestamp. */
  decidedAt: string;
  comment: string | null;
  /** Deep link to the goal in the tab. */
  goalUrl: string;
}

const HEADLINES: Record<Decision, { title: string; next: string; style: CardStyle }> = {
  approve: { title: "Your goal was approved", next: "You can start checking in on progress.", style: "good" },
  request_changes: {
    title: "Changes requested on your goal",
    next: "Update the goal and submit it again.",
    style: "warning",
  },
  reject: { title: "Your goal was rejected", next: "Talk to your manager about what to work on instead.", style: "attention" },
};

export function buildDecisionCard(input: DecisionCardInput): AdaptiveCard {
  const headline = HEADLINES[input.decision];
  const body: CardElement[] = [
    createContainer([createHeading(headline.title)], headline.style),
    createText(input.goalTitle, { size: "Large", weight: "Bolder" }),
    createFacts([
      ["By", input.deciderName],
      ["When", formatDateTime(input.decidedAt)],
    ]),
  ];
  if (input.comment) {
    body.push(createContainer([createText("Comment", { weight: "Bolder" }), createText(input.comment)], "emphasis"));
  }
  body.push(createText(headline.next, { isSubtle: true }));
  return createCard(body, [createOpenUrlAction("Open goal", input.goalUrl)]);
}
