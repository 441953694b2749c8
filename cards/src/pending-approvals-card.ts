/** Reply to the "pending approvals" command: goals waiting for the caller's decision. */
import type { AdaptiveCard, CardElement } from "./card-json.js";
import { createActionSet, createCard, createExecuteAction, createHeading, createOpenUrlAction, createText, limitItems } from "./elements.js";
import { formatDateTime, formatLink } from "./format.js";
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
function createOpenButton(goalId: string): CardElement {
  return createActionSet([createExecuteAction({ title: "Open approval card", verb: VERBS.refresh, data: { goalId }, hasInputs: false })]);
}

function createItemRow(item: PendingApprovalItem): CardElement {
  const kind = item.isReapproval ? "changed, needs approval again" : "new";
  const items: CardElement[] = [
    createText(formatLink(item.goalTitle, item.goalUrl), { weight: "Bolder" }),
    createText(`${item.ownerName} · ${kind} · sent ${formatDateTime(item.submittedAt)}`, {
      isSubtle: true,
      spacing: "None",
    }),
  ];
  if (item.goalId) items.push(createOpenButton(item.goalId));
  return { type: "Container", separator: true, items };
}

export function buildPendingApprovalsCard(input: PendingApprovalsCardInput): AdaptiveCard {
  const count = input.items.length;
  if (count === 0) {
    return createCard([createHeading("Nothing waiting for you"), createText("No goals need your approval right now.")]);
  }
  const { shown, moreCount } = limitItems(input.items, PENDING_APPROVALS_MAX_ITEMS);
  const body: CardElement[] = [
    createHeading(count === 1 ? "1 goal waits for your approval" : `${count} goals wait for your approval`),
    ...shown.map(createItemRow),
  ];
  if (moreCount > 0) body.push(createText(`And ${moreCount} more in Cascade.`, { isSubtle: true }));
  return createCard(body, [createOpenUrlAction("Review in Cascade", input.approvalsUrl)]);
}
