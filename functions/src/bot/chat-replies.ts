/** Answers typed messages ("my goals", "pending approvals", "help"). The person is identified by
 * their Entra object id and tenant, never by name or email. Answers that show goals go to the
 * person's personal chat only; in a team or group chat the bot says where to find them. */
import { BOT_COMMANDS, createCardIntl } from "../../../cards/src/index.js";
import type { ConversationRecord } from "../store/conversation-store.js";
import { isPersonalConversation, LOCAL_SERVICE_URL, readSender, readTenantId, type Channel, type IncomingActivity } from "./activity.js";
import type { BotDeps } from "./bot-ports.js";
import { isPrivateCommand, parseChatCommand } from "./chat-commands.js";
import { buildCommandCard, buildSentPrivatelyCard, buildUnknownPersonCard } from "./command-cards.js";
import type { ChatTarget } from "./messenger.js";

/** The conversation an activity came from, as a place the bot can write to. */
export function toConversation(deps: BotDeps, activity: IncomingActivity, channel: Channel, tenantId: string, userId: string): ConversationRecord | null {
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

/** Replies go where the message came from; in the local panel that is the sender's own inbox. */
function toReplyTarget(deps: BotDeps, activity: IncomingActivity, channel: Channel): ChatTarget | null {
  const userId = activity.from.aadObjectId?.toLowerCase() ?? "";
  const conversation = toConversation(deps, activity, channel, readTenantId(activity) ?? "", userId);
  return conversation && { ...conversation, conversationType: activity.conversation.conversationType ?? "personal" };
}

export async function answerChatMessage(deps: BotDeps, activity: IncomingActivity, channel: Channel, allowedTenantIds: readonly string[]): Promise<void> {
  const replyTo = toReplyTarget(deps, activity, channel);
  if (!replyTo) return;
  const sender = readSender(activity, allowedTenantIds);
  const person = sender ? await deps.goalDeps.directory.getPerson(sender.tenantId, sender.userId) : null;
  const intl = createCardIntl(activity.locale);
  if (!sender || !person) {
    await deps.messenger.send(replyTo, buildUnknownPersonCard(intl));
    return;
  }
  const viewer = { ...sender, name: person.displayName, ...(activity.locale ? { locale: activity.locale } : {}) };
  const command = parseChatCommand(activity.text) ?? BOT_COMMANDS.help;
  if (isPersonalConversation(activity) || !isPrivateCommand(command)) {
    await deps.messenger.send(replyTo, await buildCommandCard(deps, viewer, command));
    return;
  }
  const personalChat = await deps.conversations.getConversation(sender.tenantId, sender.userId);
  if (personalChat) await deps.messenger.send(personalChat, await buildCommandCard(deps, viewer, command));
  await deps.messenger.send(replyTo, buildSentPrivatelyCard(deps, command, personalChat !== null, intl));
}
