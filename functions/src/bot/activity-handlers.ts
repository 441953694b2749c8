/** What Cascade does with each kind of activity: card actions, installs, typed commands and the
 * Action.Submit fallback of older clients. */
import { createCardIntl, readSubmitVerb } from "../../../cards/src/index.js";
import type { Principal } from "../domain/types.js";
import { isPersonalConversation, readInvokeAction, readSender, type BotActivityHandlers, type IncomingActivity } from "./activity.js";
import { deliverQueuedCards, deliverWaitingApprovals } from "./approval-notifier.js";
import type { ConversationRecord } from "../store/conversation-store.js";
import type { BotDeps } from "./bot-ports.js";
import { executeCardAction } from "./card-actions.js";
import { answerChatMessage, toConversation } from "./chat-replies.js";
import { respondWithError } from "./invoke-response.js";
import { describeError } from "../domain/logger.js";

/** The person's chat with the app, now known: it is kept, and what waited for it is delivered. */
export async function adoptConversation(deps: BotDeps, conversation: ConversationRecord): Promise<void> {
  await deps.conversations.saveConversation(conversation);
  await Promise.all([deliverWaitingApprovals(deps, conversation), deliverQueuedCards(deps, conversation), deps.appInstalls?.noteInstalled(conversation.tenantId, conversation.userId)]);
}

export function createActivityHandlers(deps: BotDeps, allowedTenantIds: readonly string[]): BotActivityHandlers {
  /** The sender, unless their data was erased: then nothing they do through Teams acts or is recorded. */
  async function readActiveSender(activity: IncomingActivity): Promise<Principal | null | "erased"> {
    const sender = readSender(activity, allowedTenantIds);
    if (sender && (await deps.isErased?.(sender.tenantId, sender.userId))) return "erased";
    if (!sender || !activity.locale) return sender;
    // Proactive cards later use the language the person last used Cascade in.
    await deps.locales?.noteLocale(sender.tenantId, sender.userId, activity.locale).catch((error: unknown) => deps.log("warn", "Could not record a person's language", { error: describeError(error) }));
    return { ...sender, locale: activity.locale };
  }

  return {
    async onCardAction(activity) {
      const sender = await readActiveSender(activity);
      const intl = createCardIntl(activity.locale);
      if (sender === "erased") return respondWithError(400, "BadRequest", intl.t("bot.error.erased"));
      if (!sender) return respondWithError(400, "BadRequest", intl.t("bot.error.unknownSender"));
      const action = readInvokeAction(activity);
      if (!action) return respondWithError(400, "BadRequest", intl.t("bot.error.unknownAction"));
      return executeCardAction(deps, sender, action);
    },
    async onInstalled(activity, channel) {
      const sender = await readActiveSender(activity);
      if (!sender || sender === "erased" || !isPersonalConversation(activity)) return;
      const conversation = toConversation(deps, activity, channel, sender.tenantId, sender.userId);
      if (conversation) await adoptConversation(deps, conversation);
    },
    async onUninstalled(activity) {
      const sender = readSender(activity, allowedTenantIds);
      if (!sender || !isPersonalConversation(activity)) return;
      await deps.conversations.removeConversation(sender.tenantId, sender.userId);
      await deps.appInstalls?.noteRemoved(sender.tenantId, sender.userId);
    },
    async onMessage(activity, channel) {
      const sender = await readActiveSender(activity);
      if (sender === "erased") return;
      // Clients without Universal Actions send the card's Action.Submit fallback as a message.
      const verb = readSubmitVerb(activity.value);
      if (!verb) return answerChatMessage(deps, activity, channel, allowedTenantIds);
      if (!sender) return;
      const response = await executeCardAction(deps, sender, { verb, data: activity.value as Record<string, unknown> });
      const conversation = await deps.conversations.getConversation(sender.tenantId, sender.userId);
      if (response.statusCode === 200 && conversation) await deps.messenger.send(conversation, response.value);
    },
  };
}
