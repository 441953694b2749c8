/** The tab's Approvals inbox: every goal waiting for the caller's decision, each with the card the
 * caller would see in chat, whether or not the card could be sent there. */
import type { AdaptiveCard } from "../../../cards/src/index.js";
import type { Versioned } from "../domain/ports.js";
import type { Goal, Principal } from "../domain/types.js";
import { renderCardFor } from "./approval-cards.js";
import { findPersonName } from "./approval-view.js";
import type { BotDeps } from "./bot-deps.js";

export interface PendingApproval {
  goalId: string;
  ownerId: string;
  ownerName: string;
  title: string;
  isReapproval: boolean;
  submittedAt: string;
  /** "sent": the card is also in the approver's Teams chat; "waiting": only here, until they install the app. */
  delivery: "sent" | "waiting";
  card: AdaptiveCard;
}

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

export async function listPendingApprovals(deps: BotDeps, viewer: Principal): Promise<PendingApproval[]> {
  const pending = await findPendingGoals(deps, viewer);
  const items = await Promise.all(
    pending.map(async (stored): Promise<PendingApproval> => {
      const goal = stored.value;
      const [found, ownerName, card] = await Promise.all([
        deps.cards.getApproval(viewer.tenantId, viewer.userId, goal.id),
        findPersonName(deps.goalDeps, viewer.tenantId, goal.ownerId),
        renderCardFor(deps, viewer, stored, null),
      ]);
      const record = found?.record.version === stored.etag ? found.record : null;
      return {
        goalId: goal.id,
        ownerId: goal.ownerId,
        ownerName,
        title: goal.title,
        isReapproval: goal.approvedSnapshot !== null,
        submittedAt: record?.submittedAt ?? goal.updatedAt,
        delivery: record?.delivery === "sent" ? "sent" : "waiting",
        card,
      };
    }),
  );
  return items.sort((a, b) => a.submittedAt.localeCompare(b.submittedAt));
}
