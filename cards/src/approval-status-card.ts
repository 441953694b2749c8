/** What everyone except the approver sees on an approval card, and what everyone sees once a
 * decision is made: the state, who decided, when, and the comment. */
import { createApprovalRefresh } from "./approval-card.js";
import type { AdaptiveCard, CardAction, CardElement, CardStyle } from "./card-json.js";
import { createCard, createContainer, createFacts, createOpenUrlAction, createText } from "./elements.js";
import { DECISION_LABELS, formatDateTime } from "./format.js";
import { createGoalSummary } from "./goal-sections.js";
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

function createOutcomeSection(outcome: DecisionOutcome): CardElement {
  const facts: Array<[string, string]> = [
    ["By", outcome.deciderName],
    ["When", formatDateTime(outcome.decidedAt)],
  ];
  if (outcome.comment) facts.push(["Comment", outcome.comment]);
  return createContainer(
    [createText(DECISION_LABELS[outcome.decision], { size: "Medium", weight: "Bolder" }), createFacts(facts)],
    OUTCOME_STYLES[outcome.decision],
  );
}

function createWaitingSection(approverName: string): CardElement {
  return createContainer(
    [createText(`Waiting for ${approverName} to decide`, { size: "Medium", weight: "Bolder" })],
    "emphasis",
  );
}

export function buildApprovalStatusCard(input: ApprovalStatusCardInput): AdaptiveCard {
  const { goal, outcome } = input;
  const body = [
    outcome ? createOutcomeSection(outcome) : createWaitingSection(input.approverName),
    ...createGoalSummary(goal),
  ];
  const actions: CardAction[] = goal.goalUrl ? [createOpenUrlAction("Open goal", goal.goalUrl)] : [];
  // Once decided the card is final for everyone, so nobody needs to refresh it any more.
  const refresh = outcome ? undefined : createApprovalRefresh(goal, input.approverUserId);
  return createCard(body, actions, refresh);
}
