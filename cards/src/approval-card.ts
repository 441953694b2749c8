/** The card a manager gets when a goal is submitted: the goal, its place in the cascade, the
 * checklist result, the diff on a re-approval, and the three decisions. */
import type { AdaptiveCard, CardAction, CardElement, CardRefresh } from "./card-json.js";
import { COMMENT_INPUT_IDS, COMMENT_MAX_LENGTH, COMMENT_PROMPTS } from "./decision-inputs.js";
import {
  createCard,
  createContainer,
  createExecuteAction,
  createHeading,
  createOpenUrlAction,
  createShowCardAction,
  createText,
} from "./elements.js";
import { createChangesSection, createGoalDetails, createGoalSummary, createSmartSection } from "./goal-sections.js";
import type { ApprovalGoalView, GoalRef } from "./types.js";
import { VERBS, type Verb } from "./verbs.js";

export interface ApprovalCardInput {
  goal: ApprovalGoalView;
  /** Teams user id (MRI) of the approver: only they refresh into the view with the buttons. */
  approverUserId: string;
}

/** Refresh lets Teams ask the bot for a per-user view: buttons for the approver, status for others. */
export function createApprovalRefresh(ref: GoalRef, approverUserId: string): CardRefresh {
  return {
    action: { type: "Action.Execute", verb: VERBS.refresh, data: { goalId: ref.goalId, version: ref.version } },
    userIds: [approverUserId],
  };
}

interface CommentActionOptions {
  title: string;
  sendTitle: string;
  verb: Verb;
  inputId: string;
  prompt: string;
  isDestructive: boolean;
}

/** A decision that needs a comment opens a small form, so the comment box is only there when needed. */
function createCommentAction(options: CommentActionOptions, ref: GoalRef): CardAction {
  const input: CardElement = {
    type: "Input.Text",
    id: options.inputId,
    label: "Comment for the owner",
    placeholder: options.prompt,
    isMultiline: true,
    maxLength: COMMENT_MAX_LENGTH,
    isRequired: true,
    errorMessage: options.prompt,
  };
  const send = createExecuteAction({
    title: options.sendTitle,
    verb: options.verb,
    data: { goalId: ref.goalId, version: ref.version },
    style: options.isDestructive ? "destructive" : undefined,
    hasInputs: true,
  });
  return createShowCardAction(options.title, [input], [send]);
}

const REQUEST_CHANGES: CommentActionOptions = {
  title: "Request changes",
  sendTitle: "Send request",
  verb: VERBS.requestChanges,
  inputId: COMMENT_INPUT_IDS.requestChanges,
  prompt: COMMENT_PROMPTS.requestChanges,
  isDestructive: false,
};

const REJECT: CommentActionOptions = {
  title: "Reject",
  sendTitle: "Reject goal",
  verb: VERBS.reject,
  inputId: COMMENT_INPUT_IDS.reject,
  prompt: COMMENT_PROMPTS.reject,
  isDestructive: true,
};

function createDecisionActions(goal: ApprovalGoalView): CardAction[] {
  const ref = { goalId: goal.goalId, version: goal.version };
  const actions: CardAction[] = [
    createExecuteAction({ title: "Approve", verb: VERBS.approve, data: { ...ref }, style: "positive", hasInputs: false }),
    createCommentAction(REQUEST_CHANGES, ref),
    createCommentAction(REJECT, ref),
  ];
  if (goal.goalUrl) actions.push(createOpenUrlAction("Open goal", goal.goalUrl));
  return actions;
}

function buildDecisionCard(goal: ApprovalGoalView, approverUserId: string, notice: CardElement[]): AdaptiveCard {
  const isReapproval = goal.changes.length > 0;
  const body: CardElement[] = [
    ...notice,
    createHeading(isReapproval ? "A changed goal needs your approval again" : "A goal needs your approval"),
    ...createGoalSummary(goal),
    ...createGoalDetails(goal),
    ...createChangesSection(goal.changes),
    createSmartSection(goal.smart),
  ];
  return createCard(body, createDecisionActions(goal), createApprovalRefresh(goal, approverUserId));
}

export function buildApprovalCard(input: ApprovalCardInput): AdaptiveCard {
  return buildDecisionCard(input.goal, input.approverUserId, []);
}

/** Sent back when an action or refresh carried an older version than the goal has now. */
export function buildStaleApprovalCard(input: ApprovalCardInput): AdaptiveCard {
  const notice = createContainer(
    [createText("This goal changed since this card was sent. Here is the current version.", { weight: "Bolder" })],
    "warning",
  );
  return buildDecisionCard(input.goal, input.approverUserId, [notice]);
}
