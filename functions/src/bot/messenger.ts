/** Sends a card to a person's chat and updates it later. A Teams conversation goes through the
 * Teams SDK to Bot Service; the local chat panel's conversation is an inbox in Table Storage. */
import type { AdaptiveCard } from "../../../cards/src/index.js";
import type { Clock } from "../domain/ports.js";
import type { CardStore, SentCardRef } from "../store/card-store.js";
import type { ConversationRecord } from "../store/conversation-store.js";

/** A stored personal chat, or the conversation a message came from (a team channel thread, a
 * group chat), which Bot Service addresses the same way. */
export type ChatTarget = ConversationRecord & { conversationType?: string };

export interface Messenger {
  send(to: ChatTarget, card: AdaptiveCard): Promise<SentCardRef>;
  /** Replaces the card of a message sent earlier, for everyone who sees it. */
  update(sent: SentCardRef, card: AdaptiveCard): Promise<void>;
}

/** Bot Service's global address, for a chat whose own address Teams has not told the bot. */
export const DEFAULT_SERVICE_URL = "https://smba.trafficmanager.net/teams";

/** A conversation as Bot Service addresses it. */
export interface TeamsAddress {
  serviceUrl: string;
  botId: string;
  conversationId: string;
  /** "personal" unless it says otherwise. */
  conversationType?: string;
}

/** The part of the Teams SDK the messenger uses; the bot runtime implements it. */
export interface TeamsSender {
  sendCard(to: TeamsAddress, card: AdaptiveCard, activityId?: string): Promise<{ id: string }>;
}

export function createMessenger(options: { cards: CardStore; clock: Clock; getTeamsSender: () => Promise<TeamsSender> }): Messenger {
  const { cards, clock } = options;
  return {
    async send(to, card) {
      const base = { kind: to.kind, tenantId: to.tenantId, userId: to.userId, conversationId: to.conversationId, serviceUrl: to.serviceUrl, botId: to.botId };
      if (to.kind === "local") {
        const item = await cards.addInboxItem(to.tenantId, to.userId, card, clock.now());
        return { ...base, activityId: item.id };
      }
      const sender = await options.getTeamsSender();
      const sent = await sender.sendCard(to, card);
      return { ...base, activityId: sent.id };
    },
    async update(sent, card) {
      if (sent.kind === "local") {
        await cards.replaceInboxCard(sent.tenantId, sent.userId, sent.activityId, card, clock.now());
        return;
      }
      const sender = await options.getTeamsSender();
      await sender.sendCard(sent, card, sent.activityId);
    },
  };
}
