/** Tells the owner what their manager decided about a submitted goal. */
import type { AdaptiveCard, CardElement, CardStyle } from "./card-json.js";
import { createCard, createContainer, createFacts, createHeading, createText } from "./elements.js";
import { formatDateTime } from "./format.js";
import { createOpenGoalActions } from "./goal-actions.js";
import type { CardIntl } from "./i18n/card-intl.js";
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

const STYLES: Record<Decision, CardStyle> = { approve: "good", request_changes: "warning", reject: "attention" };

export function buildDecisionCard(input: DecisionCardInput, intl: CardIntl): AdaptiveCard {
  const body: CardElement[] = [
    createContainer([createHeading(intl.t(`decisionCard.${input.decision}.title`))], STYLES[input.decision]),
    createText(input.goalTitle, { size: "Large", weight: "Bolder" }),
    createFacts([
      [intl.t("outcome.by"), input.deciderName],
      [intl.t("outcome.when"), formatDateTime(input.decidedAt)],
    ]),
  ];
  if (input.comment) {
    body.push(createContainer([createText(intl.t("outcome.comment"), { weight: "Bolder" }), createText(input.comment)], "emphasis"));
  }
  body.push(createText(intl.t(`decisionCard.${input.decision}.next`), { isSubtle: true }));
  return createCard(body, createOpenGoalActions(input.goalUrl, intl));
}
