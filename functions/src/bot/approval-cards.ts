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
import { buildApprovalView, findPersonName, type CardViewer } from "./approval-view.js";
import type { BotDeps } from "./bot-deps.js";

export type Viewer = CardViewer;

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

async function buildStatusCard(deps: BotDeps, stored: Versioned<Goal>, outcome: DecisionOutcome | null, viewer: Viewer): Promise<AdaptiveCard> {
  const goal = stored.value;
  const approverId = goal.approverId ?? "";
  const [view, approverName, approverUserId] = await Promise.all([
    buildApprovalView(deps.goalDeps, stored, deps, viewer),
    findPersonName(deps.goalDeps, goal.tenantId, approverId),
    findTeamsUserId(deps, goal.tenantId, approverId),
  ]);
  return buildApprovalStatusCard({ goal: view, approverName, approverUserId, outcome });
}

/** The message sent to the approver's chat: the request's state, which Teams refreshes into the
 * buttons for the approver only, so a forwarded copy never shows them to anyone else. It is built
 * for the approver, whose chat it goes to. */
export function buildRequestCard(deps: BotDeps, stored: Versioned<Goal>): Promise<AdaptiveCard> {
  return buildStatusCard(deps, stored, null, { tenantId: stored.value.tenantId, userId: stored.value.approverId ?? "" });
}

/** The final card once decided, with no refresh left, built for the person whose chat or screen shows it. */
export function buildOutcomeCard(deps: BotDeps, stored: Versioned<Goal>, outcome: DecisionOutcome, viewer: Viewer): Promise<AdaptiveCard> {
  return buildStatusCard(deps, stored, outcome, viewer);
}

async function buildDecisionButtonsCard(deps: BotDeps, stored: Versioned<Goal>, isStale: boolean, viewer: Viewer): Promise<AdaptiveCard> {
  const [view, approverUserId] = await Promise.all([
    buildApprovalView(deps.goalDeps, stored, deps, viewer),
    findTeamsUserId(deps, stored.value.tenantId, stored.value.approverId ?? ""),
  ]);
  return isStale ? buildStaleApprovalCard({ goal: view, approverUserId }) : buildApprovalCard({ goal: view, approverUserId });
}

/** One answer for a goal that is gone and a goal the viewer may not read, so that a card never tells
 * a stranger that a private goal exists. */
const UNAVAILABLE_CARD = buildMessageCard({ tone: "info", title: "This goal is not available", text: "It was deleted, or it is not shared with you. There is nothing here for you to do." });

/** The card one person sees for a goal. `sentVersion` is the goal version the card on their screen
 * was built from; when the goal moved on, the approver sees the current version, marked as changed. */
export async function renderCardFor(deps: BotDeps, viewer: Viewer, stored: Versioned<Goal> | null, sentVersion: string | null): Promise<AdaptiveCard> {
  if (!stored) return UNAVAILABLE_CARD;
  const goal = stored.value;
  const principal = { tenantId: viewer.tenantId, userId: viewer.userId, name: "", roles: [] };
  if (!(await canReadGoal(deps.goalDeps.directory, principal, goal))) return UNAVAILABLE_CARD;
  if (goal.status === "pending_approval") {
    if (goal.approverId === viewer.userId) return buildDecisionButtonsCard(deps, stored, sentVersion !== null && sentVersion !== stored.etag, viewer);
    return buildStatusCard(deps, stored, null, viewer);
  }
  const outcome = await findLastDecision(deps, goal);
  if (outcome) return buildOutcomeCard(deps, stored, outcome, viewer);
  return buildMessageCard({ tone: "info", title: goal.title, text: `This goal is now: ${STATUS_LABELS[goal.status]}.` });
}
