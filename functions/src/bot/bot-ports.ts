/** What the bot's card logic needs from the rest of the app. */
import type { GoalDeps } from "../domain/goal-context.js";
import type { CardStore } from "../store/card-store.js";
import type { ConversationStore } from "../store/conversation-store.js";
import type { Principal } from "../domain/types.js";
import type { CardActionResponse } from "./invoke-response.js";
import type { LocaleDeps } from "./card-locale.js";
import type { Messenger } from "./messenger.js";
import type { ProactiveInstall } from "./proactive-install.js";
import type { Logger } from "../domain/logger.js";
import type { TabLinkSettings } from "./tab-links.js";

/** Handles the card actions of one verb that another part of the app owns (check-ins, kudos). */
export type CardActionHandler = (viewer: Principal, data: Record<string, unknown>) => Promise<CardActionResponse>;

/** The tab's address and the Teams app id (TabLinkSettings) are there for the links in cards. */
export interface BotDeps extends TabLinkSettings, LocaleDeps {
  goalDeps: GoalDeps;
  conversations: ConversationStore;
  cards: CardStore;
  messenger: Messenger;
  log: Logger;
  /** Installs the app for someone a card cannot reach yet, when the admin allows it. */
  appInstalls?: ProactiveInstall;
  /** Extra verbs, by verb. */
  cardActions?: Readonly<Record<string, CardActionHandler>>;
  /** True for a person whose data was erased: activities from them are refused. */
  isErased?(tenantId: string, userId: string): Promise<boolean>;
}
