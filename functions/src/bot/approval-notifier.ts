/** Reacts to the approval flow: a submitted goal sends its card to the approver (or records that it
 * waits until they install the app); a decision updates that card for everyone and tells the owner. */
import { buildDecisionCard, type AdaptiveCard } from "../../../cards/src/index.js";
import { isAppError } from "../domain/errors.js";
import { isApprovalEvent, type GoalEvent } from "../domain/goal-context.js";
import type { Versioned } from "../domain/ports.js";
import type { Goal } from "../domain/types.js";
import type { ApprovalCardRecord } from "../store/card-store.js";
import type { ConversationRecord } from "../store/conversation-store.js";
import { buildOutcomeCard, buildRequestCard, renderCardFor } from "./approval-cards.js";
import { findPersonName } from "./approval-view.js";
import type { BotDeps } from "./bot-ports.js";
import { findCardIntl } from "./card-locale.js";
import { buildGoalUrl } from "./tab-links.js";
import { describeError } from "../domain/logger.js";

/** At most this many waiting cards arrive at once when someone installs the app. */
const QUEUED_CARDS_LIMIT = 20;
/** Chat delivery must not hold up the request that caused it (an invoke has 5 s in all). */
export const DELIVERY_BUDGET_MS = 3000;

/** Waits for the deliveries, but not beyond the budget; late ones finish on their own and log. */
async function settleWithinBudget(deps: BotDeps, tasks: Array<Promise<unknown>>, what: string): Promise<void> {
  const all = Promise.allSettled(tasks).then((results) => {
    for (const result of results) if (result.status === "rejected") deps.log("warn", `Could not deliver ${what}`, { error: describeError(result.reason) });
  });
  let timer: NodeJS.Timeout | undefined;
  const budget = new Promise<void>((resolve) => (timer = setTimeout(resolve, DELIVERY_BUDGET_MS)));
  await Promise.race([all, budget]);
  clearTimeout(timer);
}

async function requestApproval(deps: BotDeps, tenantId: string, stored: Versioned<Goal>): Promise<void> {
  const goal = stored.value;
  const approverId = goal.approverId!;
  const now = deps.goalDeps.clock.now().toISOString();
  const record: ApprovalCardRecord = {
    tenantId, approverId, goalId: goal.id, ownerId: goal.ownerId, version: stored.etag, state: "pending",
    delivery: "waiting", sent: null, isReapproval: goal.approvedSnapshot !== null, submittedAt: now, updatedAt: now,
  };
  const conversation = await deps.conversations.getConversation(tenantId, approverId);
  if (conversation) {
    try {
      record.sent = await deps.messenger.send(conversation, await buildRequestCard(deps, stored));
      record.delivery = "sent";
    } catch (error) {
      deps.log("warn", "Could not send an approval card; it waits in the tab's Approvals inbox", { goalId: goal.id, error: describeError(error) });
    }
  }
  await deps.cards.saveApproval(record, null);
  // Saved first: when Teams announces the install, the waiting card is there to deliver.
  if (!conversation) await deps.appInstalls?.requestInstall(tenantId, approverId);
}

/** The approval moved to another manager (or, after a reorg, to nobody): the old card stops
 * offering buttons and shows what its reader may now see of the goal. */
async function retireRequest(deps: BotDeps, tenantId: string, previousApproverId: string, stored: Versioned<Goal>): Promise<void> {
  const found = await deps.cards.getApproval(tenantId, previousApproverId, stored.value.id);
  if (!found || found.record.state !== "pending") return;
  const updatedAt = deps.goalDeps.clock.now().toISOString();
  await deps.cards.saveApproval({ ...found.record, state: "moved", updatedAt }, found.etag);
  if (found.record.sent) await deps.messenger.update(found.record.sent, await renderCardFor(deps, { tenantId, userId: previousApproverId }, stored, null));
}

async function onSubmitted(deps: BotDeps, tenantId: string, event: Extract<GoalEvent, { kind: "submitted" }>): Promise<void> {
  const stored = { value: event.goal, etag: event.etag };
  const tasks: Array<Promise<unknown>> = [];
  if (event.previousApproverId && event.previousApproverId !== event.goal.approverId) tasks.push(retireRequest(deps, tenantId, event.previousApproverId, stored));
  if (event.goal.status === "pending_approval" && event.goal.approverId) tasks.push(requestApproval(deps, tenantId, stored));
  await settleWithinBudget(deps, tasks, "an approval card");
}

async function closeRequest(deps: BotDeps, tenantId: string, stored: Versioned<Goal>, approverId: string, buildCard: () => Promise<AdaptiveCard>): Promise<void> {
  const found = await deps.cards.getApproval(tenantId, approverId, stored.value.id);
  if (!found || found.record.state === "decided") return;
  const updatedAt = deps.goalDeps.clock.now().toISOString();
  await deps.cards.saveApproval({ ...found.record, state: "decided", updatedAt }, found.etag);
  if (found.record.sent) await deps.messenger.update(found.record.sent, await buildCard());
}

async function onDecided(deps: BotDeps, tenantId: string, event: Extract<GoalEvent, { kind: "decided" }>): Promise<void> {
  const stored = { value: event.goal, etag: event.etag };
  const goal = event.goal;
  // The owner reads the news in their own language; the approver's card follows theirs.
  const ownerIntl = await findCardIntl(deps, { tenantId, userId: goal.ownerId });
  const deciderName = await findPersonName(deps.goalDeps, tenantId, event.actorId, ownerIntl);
  const outcome = { decision: event.decision, deciderName, decidedAt: goal.updatedAt, comment: event.comment };
  const tasks: Array<Promise<unknown>> = [closeRequest(deps, tenantId, stored, event.actorId, () => buildOutcomeCard(deps, stored, outcome, { tenantId, userId: event.actorId }))];
  const ownerConversation = await deps.conversations.getConversation(tenantId, goal.ownerId);
  const card = buildDecisionCard({ goalTitle: goal.title, ...outcome, goalUrl: buildGoalUrl(deps, goal.id) }, ownerIntl);
  // Without a chat yet, the owner gets the news as soon as they install the app (or Cascade does it for them).
  const queueCard = () => deps.cards.queueCard(tenantId, goal.ownerId, card, deps.goalDeps.clock.now());
  tasks.push(ownerConversation ? deps.messenger.send(ownerConversation, card) : queueCard().then(() => deps.appInstalls?.requestInstall(tenantId, goal.ownerId)));
  await settleWithinBudget(deps, tasks, "a decision");
}

export async function handleGoalEvent(deps: BotDeps, tenantId: string, event: GoalEvent): Promise<void> {
  if (!isApprovalEvent(event)) return;
  if (event.kind === "submitted") await onSubmitted(deps, tenantId, event);
  else await onDecided(deps, tenantId, event);
}

/** After someone installs the app, the approvals that waited for them arrive in their chat. Teams
 * announces one install twice (conversationUpdate and installationUpdate), so each record is
 * claimed with its ETag before sending: only one of two concurrent deliveries sends the card. */
export async function deliverWaitingApprovals(deps: BotDeps, conversation: ConversationRecord): Promise<void> {
  const { tenantId, userId } = conversation;
  const waiting = (await deps.cards.listApprovals(tenantId, userId, "pending")).filter((r) => r.delivery === "waiting");
  const deliver = async (record: ApprovalCardRecord) => {
    const found = await deps.cards.getApproval(tenantId, userId, record.goalId);
    if (!found || found.record.delivery !== "waiting") return;
    const stored = await deps.goalDeps.goals.getGoal(tenantId, record.goalId);
    const updatedAt = deps.goalDeps.clock.now().toISOString();
    if (!stored || stored.value.status !== "pending_approval" || stored.value.approverId !== userId) {
      await deps.cards.saveApproval({ ...found.record, state: "moved", updatedAt }, found.etag);
      return;
    }
    const claimed = { ...found.record, delivery: "sent" as const, updatedAt };
    const etag = await deps.cards.saveApproval(claimed, found.etag).catch((error: unknown) => {
      if (isAppError(error) && error.code === "precondition_failed") return null;
      throw error;
    });
    if (etag === null) return;
    try {
      const sent = await deps.messenger.send(conversation, await buildRequestCard(deps, stored));
      await deps.cards.saveApproval({ ...claimed, sent }, etag);
    } catch (error) {
      await deps.cards.saveApproval({ ...claimed, delivery: "waiting" }, etag);
      throw error;
    }
  };
  await settleWithinBudget(deps, waiting.map(deliver), "a waiting approval card");
}

/** Cards that waited for the person to install the app (the news of a decision, for instance). */
export async function deliverQueuedCards(deps: BotDeps, conversation: ConversationRecord): Promise<void> {
  const queued = await deps.cards.takeQueuedCards(conversation.tenantId, conversation.userId, QUEUED_CARDS_LIMIT);
  for (const item of queued) await deps.messenger.send(conversation, item.card as AdaptiveCard);
}
