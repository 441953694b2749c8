/** Reply to the "pending approvals" command: goals waiting for the caller's decision. */
import type { AdaptiveCard, CardElement } from "./card-json.js";
import { createActionSet, createCard, createExecuteAction, createHeading, createOpenUrlAction, createText, limitItems } from "./elements.js";
import { formatDateTime, formatLink } from "./format.js";
import type { CardIntl } from "./i18n/card-intl.js";
import { VERBS } from "./verbs.js";

export const PENDING_APPROVALS_MAX_ITEMS = 15;

export interface PendingApprovalItem {
  goalTitle: string;
  ownerName: string;
  /** ISO timestamp of the submission. */
  submittedAt: string;
  /** True when an approved goal was changed and needs approval again. */
  isReapproval: boolean;
  goalUrl: string;
  /** Adds a button that turns this message into the goal's approval card, decisions included. */
  goalId?: string | null;
}

export interface PendingApprovalsCardInput {
  items: PendingApprovalItem[];
  /** Deep link to the approvals list in the tab. */
  approvalsUrl: string;
}

/** The refresh verb renders the goal's card for whoever presses it: the approver gets the decisions.
 * No version is sent, so the card opens as the goal is now rather than as changed since. */
function createOpenButton(goalId: string, intl: CardIntl): CardElement {
  const title = intl.t("pending.openCard");
  return createActionSet([createExecuteAction({ title, verb: VERBS.refresh, data: { goalId }, hasInputs: false })]);
}

function createItemRow(item: PendingApprovalItem, intl: CardIntl): CardElement {
  const line = intl.t("pending.line", { owner: item.ownerName, kind: item.isReapproval ? "again" : "new", when: formatDateTime(item.submittedAt) });
  const items: CardElement[] = [
    createText(formatLink(item.goalTitle, item.goalUrl), { weight: "Bolder" }),
    createText(line, { isSubtle: true, spacing: "None" }),
  ];
  if (item.goalId) items.push(createOpenButton(item.goalId, intl));
  return { type: "Container", separator: true, items };
}

export function buildPendingApprovalsCard(input: PendingApprovalsCardInput, intl: CardIntl): AdaptiveCard {
  const count = input.items.length;
  if (count === 0) {
    return createCard([createHeading(intl.t("pending.emptyHeading")), createText(intl.t("pending.emptyText"))]);
  }
  const { shown, moreCount } = limitItems(input.items, PENDING_APPROVALS_MAX_ITEMS);
  const body: CardElement[] = [createHeading(intl.t("pending.heading", { count })), ...shown.map((item) => createItemRow(item, intl))];
  if (moreCount > 0) body.push(createText(intl.t("common.moreInCascade", { count: moreCount }), { isSubtle: true }));
  return createCard(body, [createOpenUrlAction(intl.t("pending.review"), input.approvalsUrl)]);
}
