/** The tab's Approvals inbox: every goal waiting for the caller's decision, each with the card the
 * caller would see in chat, whether or not the card could be sent there. */
import type { AdaptiveCard } from "../../../cards/src/index.js";
import type { PendingApproval as WirePendingApproval, PendingApprovalSummary } from "../contracts/approvals.js";
import type { Versioned } from "../domain/ports.js";
import type { Goal, Principal } from "../domain/types.js";
import { renderCardFor } from "./approval-cards.js";
import { findPersonName } from "./approval-view.js";
import type { BotDeps } from "./bot-ports.js";
import { findCardIntl } from "./card-locale.js";

export type PendingApproval = WirePendingApproval<AdaptiveCard>;

/** The goals come from the caller's direct reports (the approver is the owner's current manager)
 * plus the requests recorded for the caller, which covers approvals routed before a reorg settled. */
async function findPendingGoals(deps: BotDeps, viewer: Principal): Promise<Array<Versioned<Goal>>> {
  const { tenantId, userId } = viewer;
  const { goals, directory } = deps.goalDeps;
  const [records, reports] = await Promise.all([deps.cards.listApprovals(tenantId, userId, "pending"), directory.listDirectReports(tenantId, userId)]);
  const perReport = await Promise.all(reports.map((report) => goals.listGoalsByOwner(tenantId, report.id, { status: "pending_approval" })));
  const byId = new Map(perReport.flat().map((goal) => [goal.value.id, goal]));
  const missing = records.filter((record) => !byId.has(record.goalId));
  for (const goal of await Promise.all(missing.map((record) => goals.getGoal(tenantId, record.goalId)))) {
    if (goal) byId.set(goal.value.id, goal);
  }
  return [...byId.values()].filter((goal) => goal.value.status === "pending_approval" && goal.value.approverId === userId);
}

async function summarise(deps: BotDeps, viewer: Principal, stored: Versioned<Goal>): Promise<PendingApprovalSummary> {
  const goal = stored.value;
  const intl = await findCardIntl(deps, viewer);
  const [found, ownerName] = await Promise.all([deps.cards.getApproval(viewer.tenantId, viewer.userId, goal.id), findPersonName(deps.goalDeps, viewer.tenantId, goal.ownerId, intl)]);
  const record = found?.record.version === stored.etag ? found.record : null;
  return {
    goalId: goal.id,
    ownerId: goal.ownerId,
    ownerName,
    title: goal.title,
    isReapproval: goal.approvedSnapshot !== null,
    submittedAt: record?.submittedAt ?? goal.updatedAt,
    delivery: record?.delivery === "sent" ? "sent" : "waiting",
  };
}

const bySubmission = (a: PendingApprovalSummary, b: PendingApprovalSummary) => a.submittedAt.localeCompare(b.submittedAt);

/** The same list without the cards, for the chat's "pending approvals" answer. */
export async function listPendingApprovalSummaries(deps: BotDeps, viewer: Principal): Promise<PendingApprovalSummary[]> {
  const pending = await findPendingGoals(deps, viewer);
  return (await Promise.all(pending.map((stored) => summarise(deps, viewer, stored)))).sort(bySubmission);
}

export async function listPendingApprovals(deps: BotDeps, viewer: Principal): Promise<PendingApproval[]> {
  const pending = await findPendingGoals(deps, viewer);
  const items = await Promise.all(
    pending.map(async (stored): Promise<PendingApproval> => {
      const [summary, card] = await Promise.all([summarise(deps, viewer, stored), renderCardFor(deps, viewer, stored, null)]);
      return { ...summary, card };
    }),
  );
  return items.sort(bySubmission);
}
