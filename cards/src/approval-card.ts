/** The card a manager gets when a goal is submitted: the goal, its place in the cascade, the
 * checklist result, the diff on a re-approval, and the three decisions. */
import type { AdaptiveCard, CardAction, CardElement, CardRefresh, TextInput } from "./card-json.js";
import { COMMENT_INPUT_IDS, COMMENT_MAX_LENGTH, COMMENT_PROMPTS } from "./decision-inputs.js";
import {
  createCard,
  createContainer,
  createExecuteAction,
  createHeading,
  createShowCardAction,
  createText,
} from "./elements.js";
import { createOpenGoalActions } from "./goal-actions.js";
import { createChangesSection, createGoalDetails, createGoalSummary, createSmartSection } from "./goal-sections.js";
import type { CardIntl } from "./i18n/card-intl.js";
import type { MessageId } from "./i18n/catalogues.js";
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
  title: MessageId;
  sendTitle: MessageId;
  verb: Verb;
  inputId: string;
  prompt: MessageId;
  isDestructive: boolean;
}

/** A decision that needs a comment opens a small form, so the comment box is only there when needed. */
function createCommentAction(options: CommentActionOptions, ref: GoalRef, intl: CardIntl): CardAction {
  const prompt = intl.t(options.prompt);
  const input: TextInput = {
    type: "Input.Text",
    id: options.inputId,
    label: intl.t("approval.commentLabel"),
    placeholder: prompt,
    isMultiline: true,
    maxLength: COMMENT_MAX_LENGTH,
    isRequired: true,
    errorMessage: prompt,
  };
  const send = createExecuteAction({
    title: intl.t(options.sendTitle),
    verb: options.verb,
    data: { goalId: ref.goalId, version: ref.version },
    style: options.isDestructive ? "destructive" : undefined,
    hasInputs: true,
  });
  return createShowCardAction(intl.t(options.title), [input], [send]);
}

const REQUEST_CHANGES: CommentActionOptions = {
  title: "approval.requestChanges",
  sendTitle: "approval.sendRequest",
  verb: VERBS.requestChanges,
  inputId: COMMENT_INPUT_IDS.requestChanges,
  prompt: COMMENT_PROMPTS.requestChanges,
  isDestructive: false,
};

const REJECT: CommentActionOptions = {
  title: "approval.reject",
  sendTitle: "approval.rejectGoal",
  verb: VERBS.reject,
  inputId: COMMENT_INPUT_IDS.reject,
  prompt: COMMENT_PROMPTS.reject,
  isDestructive: true,
};

function createDecisionActions(goal: ApprovalGoalView, intl: CardIntl): CardAction[] {
  const ref = { goalId: goal.goalId, version: goal.version };
  return [
    createExecuteAction({ title: intl.t("approval.approve"), verb: VERBS.approve, data: { ...ref }, style: "positive", hasInputs: false }),
    createCommentAction(REQUEST_CHANGES, ref, intl),
    createCommentAction(REJECT, ref, intl),
    ...createOpenGoalActions(goal.goalUrl, intl),
  ];
}

function buildDecisionCard(input: ApprovalCardInput, intl: CardIntl, notice: CardElement[]): AdaptiveCard {
  const { goal } = input;
  const isReapproval = goal.changes.length > 0;
  const body: CardElement[] = [
    ...notice,
    createHeading(intl.t(isReapproval ? "approval.headingAgain" : "approval.heading")),
    ...createGoalSummary(goal, intl),
    ...createGoalDetails(goal, intl),
    ...createChangesSection(goal.changes, intl),
    createSmartSection(goal.smart, intl),
  ];
  return createCard(body, createDecisionActions(goal, intl), createApprovalRefresh(goal, input.approverUserId));
}

export function buildApprovalCard(input: ApprovalCardInput, intl: CardIntl): AdaptiveCard {
  return buildDecisionCard(input, intl, []);
}

/** Sent back when an action or refresh carried an older version than the goal has now. */
export function buildStaleApprovalCard(input: ApprovalCardInput, intl: CardIntl): AdaptiveCard {
  const notice = createContainer([createText(intl.t("approval.staleNotice"), { weight: "Bolder" })], "warning");
  return buildDecisionCard(input, intl, [notice]);
}
