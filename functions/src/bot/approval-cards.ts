/** Which approval card a person sees: the approver gets the decision buttons while the goal waits,
 * everyone else (and everyone once it is decided) gets the status. */
import {
  buildApprovalCard,
  buildApprovalStatusCard,
  buildMessageCard,
  buildStaleApprovalCard,
  formatStatus,
  type AdaptiveCard,
  type CardIntl,
  type Decision,
  type DecisionOutcome,
} from "../../../cards/src/index.js";
import { canReadGoal } from "../domain/goal-access.js";
import type { Versioned } from "../domain/ports.js";
import type { Goal } from "../domain/types.js";
import { buildApprovalView, findPersonName, type CardViewer } from "./approval-view.js";
import type { BotDeps } from "./bot-ports.js";
import { findCardIntl } from "./card-locale.js";
import { findTeamsUserId } from "./teams-user-id.js";

export type Viewer = CardViewer;

const DECISION_BY_AUDIT_ACTION: Record<string, Decision> = { approved: "approve", changes_requested: "request_changes", rejected: "reject" };

export async function findLastDecision(deps: BotDeps, goal: Goal, intl: CardIntl): Promise<DecisionOutcome | null> {
  const audit = await deps.goalDeps.goals.listAudit(goal.tenantId, goal);
  const decisions = audit.filter((entry) => entry.action in DECISION_BY_AUDIT_ACTION).sort((a, b) => a.at.localeCompare(b.at));
  const last = decisions.at(-1);
  if (!last) return null;
  const deciderName = await findPersonName(deps.goalDeps, goal.tenantId, last.actorId, intl);
  return { decision: DECISION_BY_AUDIT_ACTION[last.action]!, deciderName, decidedAt: last.at, comment: last.comment };
}

async function buildStatusCard(deps: BotDeps, stored: Versioned<Goal>, outcome: DecisionOutcome | null, viewer: Viewer, intl: CardIntl): Promise<AdaptiveCard> {
  const goal = stored.value;
  const approverId = goal.approverId ?? "";
  const [view, approverName, approverUserId] = await Promise.all([
    buildApprovalView(deps.goalDeps, stored, deps, viewer, intl),
    findPersonName(deps.goalDeps, goal.tenantId, approverId, intl),
    findTeamsUserId(deps, goal.tenantId, approverId),
  ]);
  return buildApprovalStatusCard({ goal: view, approverName, approverUserId, outcome }, intl);
}

/** The message sent to the approver's chat: the request's state, which Teams refreshes into the
 * buttons for the approver only, so a forwarded copy never shows them to anyone else. It is built
 * for the approver, whose chat it goes to. */
export async function buildRequestCard(deps: BotDeps, stored: Versioned<Goal>): Promise<AdaptiveCard> {
  const approver = { tenantId: stored.value.tenantId, userId: stored.value.approverId ?? "" };
  return buildStatusCard(deps, stored, null, approver, await findCardIntl(deps, approver));
}

/** The final card once decided, with no refresh left, built for the person whose chat or screen shows it. */
export async function buildOutcomeCard(deps: BotDeps, stored: Versioned<Goal>, outcome: DecisionOutcome, viewer: Viewer): Promise<AdaptiveCard> {
  return buildStatusCard(deps, stored, outcome, viewer, await findCardIntl(deps, viewer));
}

async function buildDecisionButtonsCard(deps: BotDeps, stored: Versioned<Goal>, isStale: boolean, viewer: Viewer, intl: CardIntl): Promise<AdaptiveCard> {
  const [view, approverUserId] = await Promise.all([
    buildApprovalView(deps.goalDeps, stored, deps, viewer, intl),
    findTeamsUserId(deps, stored.value.tenantId, stored.value.approverId ?? ""),
  ]);
  return isStale ? buildStaleApprovalCard({ goal: view, approverUserId }, intl) : buildApprovalCard({ goal: view, approverUserId }, intl);
}

/** One answer for a goal that is gone and a goal the viewer may not read, so that a card never tells
 * a stranger that a private goal exists. */
function buildUnavailableCard(intl: CardIntl): AdaptiveCard {
  return buildMessageCard({ tone: "info", title: intl.t("approval.unavailableTitle"), text: intl.t("approval.unavailableText") });
}

/** The card one person sees for a goal. `sentVersion` is the goal version the card on their screen
 * was built from; when the goal moved on, the approver sees the current version, marked as changed. */
export async function renderCardFor(deps: BotDeps, viewer: Viewer, stored: Versioned<Goal> | null, sentVersion: string | null): Promise<AdaptiveCard> {
  const intl = await findCardIntl(deps, viewer);
  if (!stored) return buildUnavailableCard(intl);
  const goal = stored.value;
  const principal = { tenantId: viewer.tenantId, userId: viewer.userId, name: "", roles: [] };
  if (!(await canReadGoal(deps.goalDeps.directory, principal, goal))) return buildUnavailableCard(intl);
  if (goal.status === "pending_approval") {
    if (goal.approverId === viewer.userId) return buildDecisionButtonsCard(deps, stored, sentVersion !== null && sentVersion !== stored.etag, viewer, intl);
    return buildStatusCard(deps, stored, null, viewer, intl);
  }
  const outcome = await findLastDecision(deps, goal, intl);
  if (outcome) return buildStatusCard(deps, stored, outcome, viewer, intl);
  return buildMessageCard({ tone: "info", title: goal.title, text: intl.t("approval.goalIsNow", { status: formatStatus(intl, goal.status) }) });
}
