/** Which approval card a person sees: the approver gets the decision buttons while the goal waits,
 * everyone else (and everyone once it is decided) gets the status. */
import {
  STATUS_LABELS,
  buildApprovalCard,
  buildApprovalStatusCard,
  buildMessageCard,
  buildStaleApprovalCard,
  type AdaptiveCard,
  type Decision,
  type DecisionOutcome,
} from "../../../cards/src/index.js";
import { canReadGoal } from "../domain/goal-access.js";
import type { Versioned } from "../domain/ports.js";
import type { Goal } from "../domain/types.js";
import { buildApprovalView, findPersonName } from "./approval-view.js";
import type { BotDeps } from "./bot-deps.js";

export interface Viewer {
  tenantId: string;
  userId: string;
}

const DECISION_BY_AUDIT_ACTION: Record<string, Decision> = { approved: "approve", changes_requested: "request_changes", rejected: "reject" };

export async function findLastDecision(deps: BotDeps, goal: Goal): Promise<DecisionOutcome | null> {
  const audit = await deps.goalDeps.goals.listAudit(goal.tenantId, goal);
  const decisions = audit.filter((entry) => entry.action in DECISION_BY_AUDIT_ACTION).sort((a, b) => a.at.localeCompare(b.at));
  const last = decisions.at(-1);
  if (!last) return null;
  const deciderName = await findPersonName(deps.goalDeps, goal.tenantId, last.actorId);
  return { decision: DECISION_BY_AUDIT_ACTION[last.action]!, deciderName, decidedAt: last.at, comment: last.comment };
}

/** refresh.userIds lists people by their Teams id, which the app learns when they install it. */
export async function findTeamsUserId(deps: BotDeps, tenantId: string, userId: string): Promise<string> {
  const conversation = await deps.conversations.getConversation(tenantId, userId);
  // Without a conversation the card is shown only in the tab, where the id is not used; Teams' own
  // id format for an Entra user keeps the card valid until the person installs the app.
  return conversation?.userMri ?? `8:orgid:${userId}`;
}

async function buildStatusCard(deps: BotDeps, stored: Versioned<Goal>, outcome: DecisionOutcome | null): Promise<AdaptiveCard> {
  const goal = stored.value;
  const approverId = goal.approverId ?? "";
  const [view, approverName, approverUserId] = await Promise.all([
    buildApprovalView(deps.goalDeps, stored, deps),
    findPersonName(deps.goalDeps, goal.tenantId, approverId),
    findTeamsUserId(deps, goal.tenantId, approverId),
  ]);
  return buildApprovalStatusCard({ goal: view, approverName, approverUserId, outcome });
}

/** The message sent to the approver's chat: the request's state, which Teams refreshes into the
 * buttons for the approver only, so a forwarded copy never shows them to anyone else. */
export function buildRequestCard(deps: BotDeps, stored: Versioned<Goal>): Promise<AdaptiveCard> {
  return buildStatusCard(deps, stored, null);
}

/** The final card once decided: the same for everyone, with no refresh left. */
export function buildOutcomeCard(deps: BotDeps, stored: Versioned<Goal>, outcome: DecisionOutcome): Promise<AdaptiveCard> {
  return buildStatusCard(deps, stored, outcome);
}

async function buildDecisionButtonsCard(deps: BotDeps, stored: Versioned<Goal>, isStale: boolean): Promise<AdaptiveCard> {
  const [view, approverUserId] = await Promise.all([
    buildApprovalView(deps.goalDeps, stored, deps),
    findTeamsUserId(deps, stored.value.tenantId, stored.value.approverId ?? ""),
  ]);
  return isStale ? buildStaleApprovalCard({ goal: view, approverUserId }) : buildApprovalCard({ goal: view, approverUserId });
}

const GONE_CARD = buildMessageCard({ tone: "info", title: "This goal is gone", text: "Its owner deleted it, so there is nothing left to decide." });
const PRIVATE_CARD = buildMessageCard({ tone: "info", title: "This goal is private", text: "Only its owner and the managers above them can see it." });

/** The card one person sees for a goal. `sentVersion` is the goal version the card on their screen
 * was built from; when the goal moved on, the approver sees the current version, marked as changed. */
export async function renderCardFor(deps: BotDeps, viewer: Viewer, stored: Versioned<Goal> | null, sentVersion: string | null): Promise<AdaptiveCard> {
  if (!stored) return GONE_CARD;
  const goal = stored.value;
  const principal = { tenantId: viewer.tenantId, userId: viewer.userId, name: "", roles: [] };
  if (!(await canReadGoal(deps.goalDeps.directory, principal, goal))) return PRIVATE_CARD;
  if (goal.status === "pending_approval") {
    if (goal.approverId === viewer.userId) return buildDecisionButtonsCard(deps, stored, sentVersion !== null && sentVersion !== stored.etag);
    return buildStatusCard(deps, stored, null);
  }
  const outcome = await findLastDecision(deps, goal);
  if (outcome) return buildOutcomeCard(deps, stored, outcome);
  return buildMessageCard({ tone: "info", title: goal.title, text: `This goal is now: ${STATUS_LABELS[goal.status]}.` });
}
