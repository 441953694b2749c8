/** What Cascade does with each kind of activity: card actions, installs and the Action.Submit
 * fallback of older clients. */
import { readSubmitVerb } from "../../../cards/src/index.js";
import type { ConversationRecord } from "../store/conversation-store.js";
import { isPersonalConversation, LOCAL_SERVICE_URL, readInvokeAction, readSender, type BotActivityHandlers, type Channel, type IncomingActivity } from "./activity.js";
import { deliverQueuedCards, deliverWaitingApprovals } from "./approval-notifier.js";
import type { BotDeps } from "./bot-deps.js";
import { executeCardAction } from "./card-actions.js";
import { respondWithError } from "./invoke-response.js";

function toConversation(deps: BotDeps, activity: IncomingActivity, channel: Channel, tenantId: string, userId: string): ConversationRecord | null {
  const serviceUrl = channel === "local" ? LOCAL_SERVICE_URL : activity.serviceUrl;
  if (!serviceUrl) return null;
  return {
    tenantId,
    userId,
    kind: channel,
    conversationId: activity.conversation.id,
    serviceUrl,
    botId: activity.recipient.id,
    userMri: activity.from.id,
    updatedAt: deps.goalDeps.clock.now().toISOString(),
  };
}

export function createActivityHandlers(deps: BotDeps, allowedTenantIds: readonly string[]): BotActivityHandlers {
  return {
    async onCardAction(activity) {
      const sender = readSender(activity, allowedTenantIds);
      if (!sender) return respondWithError(400, "BadRequest", "Cascade cannot tell who pressed this button, or this organisation does not use this Cascade.");
      const action = readInvokeAction(activity);
      if (!action) return respondWithError(400, "BadRequest", "This is not a card action Cascade knows.");
      return executeCardAction(deps, sender, action);
    },
    async onInstalled(activity, channel) {
      const sender = readSender(activity, allowedTenantIds);
      if (!sender || !isPersonalConversation(activity)) return;
      const conversation = toConversation(deps, activity, channel, sender.tenantId, sender.userId);
      if (!conversation) return;
      await deps.conversations.saveConversation(conversation);
      await Promise.all([deliverWaitingApprovals(deps, conversation), deliverQueuedCards(deps, conversation)]);
    },
    async onUninstalled(activity) {
      const sender = readSender(activity, allowedTenantIds);
      if (sender && isPersonalConversation(activity)) await deps.conversations.removeConversation(sender.tenantId, sender.userId);
    },
    async onMessage(activity) {
      // Clients without Universal Actions send the card's Action.Submit fallback as a message.
      const verb = readSubmitVerb(activity.value);
      const sender = readSender(activity, allowedTenantIds);
      if (!verb || !sender) return;
      const response = await executeCardAction(deps, sender, { verb, data: activity.value as Record<string, unknown> });
      const conversation = await deps.conversations.getConversation(sender.tenantId, sender.userId);
      if (response.statusCode === 200 && conversation) await deps.messenger.send(conversation, response.value);
    },
  };
}
