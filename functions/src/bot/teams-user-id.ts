/** The Teams id (MRI) a card's refresh lists its reader by. */
import type { ConversationStore } from "../store/conversation-store.js";

/** refresh.userIds lists people by their Teams id, which the app learns when they install it. */
export async function findTeamsUserId(deps: { conversations: Pick<ConversationStore, "getConversation"> }, tenantId: string, userId: string): Promise<string> {
  const conversation = await deps.conversations.getConversation(tenantId, userId);
  // Without a conversation the card is shown only in the tab, where the id is not used; Teams' own
  // id format for an Entra user keeps the card valid until the person installs the app.
  return conversation?.userMri ?? `8:orgid:${userId}`;
}
