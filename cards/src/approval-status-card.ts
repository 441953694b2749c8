/** What everyone except the approver sees on an approval card, and what everyone sees once a
 * decision is made: the state, who decided, when, and the comment. */
import { createApprovalRefresh } from "./approval-card.js";
import type { AdaptiveCard, CardElement, CardStyle } from "./card-json.js";
import { createCard, createContainer, createFacts, createText } from "./elements.js";
import { formatDateTime, formatDecision } from "./format.js";
import { createOpenGoalActions } from "./goal-actions.js";
import { createGoalSummary } from "./goal-sections.js";
import type { CardIntl } from "./i18n/card-intl.js";
import type { ApprovalGoalView, Decision, DecisionOutcome } from "./types.js";

export interface ApprovalStatusCardInput {
  goal: ApprovalGoalView;
  approverName: string;
  /** Teams user id (MRI) of the approver; keeps their refresh into the buttons while undecided. */
  approverUserId: string;
  /** null while the goal still waits for a decision. */
  outcome: DecisionOutcome | null;
}

const OUTCOME_STYLES: Record<Decision, CardStyle> = {
  approve: "good",
  request_changes: "warning",
  reject: "attention",
};

function createOutcomeSection(outcome: DecisionOutcome, intl: CardIntl): CardElement {
  const facts: Array<[string, string]> = [
    [intl.t("outcome.by"), outcome.deciderName],
    [intl.t("outcome.when"), formatDateTime(outcome.decidedAt)],
  ];
  if (outcome.comment) facts.push([intl.t("outcome.comment"), outcome.comment]);
  return createContainer(
    [createText(formatDecision(intl, outcome.decision), { size: "Medium", weight: "Bolder" }), createFacts(facts)],
    OUTCOME_STYLES[outcome.decision],
  );
}

function createWaitingSection(approverName: string, intl: CardIntl): CardElement {
  return createContainer(
    [createText(intl.t("approval.waiting", { name: approverName }), { size: "Medium", weight: "Bolder" })],
    "emphasis",
  );
}

export function buildApprovalStatusCard(input: ApprovalStatusCardInput, intl: CardIntl): AdaptiveCard {
  const { goal, outcome } = input;
  const body = [
    outcome ? createOutcomeSection(outcome, intl) : createWaitingSection(input.approverName, intl),
    ...createGoalSummary(goal, intl),
  ];
  // Once decided the card is final for everyone, so nobody needs to refresh it any more.
  const refresh = outcome ? undefined : createApprovalRefresh(goal, input.approverUserId);
  return createCard(body, createOpenGoalActions(goal.goalUrl, intl), refresh);
}
