/** Reply to the "pending approvals" command: goals waiting for the caller's decision. */
import type { AdaptiveCard, CardElement } from "./card-json.js";
import { createCard, createHeading, createOpenUrlAction, createText, limitItems } from "./elements.js";
import { formatDateTime, formatLink } from "./format.js";

export const PENDING_APPROVALS_MAX_ITEMS = 15;

export interface PendingApprovalItem {
  goalTitle: string;
  ownerName: string;
  /** ISO timestamp of the submission. */
  submittedAt: string;
  /** True when an approved goal was changed and needs approval again. */
  isReapproval: boolean;
  goalUrl: string;
}

export interface PendingApprovalsCardInput {
  items: PendingApprovalItem[];
  /** Deep link to the approvals list in the tab. */
  approvalsUrl: string;
}

function createItemRow(item: PendingApprovalItem): CardElement {
  const kind = item.isReapproval ? "changed, needs approval again" : "new";
  return {
    type: "Container",
    separator: true,
    items: [
      createText(formatLink(item.goalTitle, item.goalUrl), { weight: "Bolder" }),
      createText(`${item.ownerName} · ${kind} · sent ${formatDateTime(item.submittedAt)}`, {
        isSubtle: true,
        spacing: "None",
      }),
    ],
  };
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
