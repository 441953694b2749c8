/** The bot as the rest of the app sees it, and what it is built from. lazy-bot.ts implements it as
 * a facade that loads bot-assembly.ts with the first call that needs it. */
import type { PersonLocales } from "./card-locale.js";
import type { AdaptiveCard } from "../../../cards/src/index.js";
import type { Config } from "../config.js";
import type { AdminLogEntry } from "../domain/admin.js";
import type { GoalDeps } from "../domain/goal-context.js";
import type { Logger } from "../domain/logger.js";
import type { Principal } from "../domain/types.js";
import type { EventBus, GoalEventHandler } from "../events.js";
import type { AppInstallStore } from "../store/app-install-store.js";
import type { CardStore, InboxItem } from "../store/card-store.js";
import type { ConversationStore } from "../store/conversation-store.js";
import type { IncomingActivity } from "./activity.js";
import type { PendingApproval } from "./approval-inbox.js";
import type { CardActionHandler } from "./bot-ports.js";
import type { BotTokenProvider } from "./teams-sdk-app.js";
import type { CardActionInput, CardActionResponse } from "./invoke-response.js";
import type { ProactiveInstall } from "./proactive-install.js";

export interface BotHttpResult {
  status: number;
  body?: unknown;
}

export interface BotServices {
  handleTeamsActivity(activity: IncomingActivity, headers: Record<string, string>): Promise<BotHttpResult>;
  handleLocalActivity(activity: IncomingActivity): Promise<BotHttpResult>;
  executeCardAction(viewer: Principal, action: CardActionInput): Promise<CardActionResponse>;
  listPendingApprovals(viewer: Principal): Promise<PendingApproval[]>;
  listInbox(viewer: Principal): Promise<InboxItem[]>;
  /** Sends a card to the person's chat; false when they have no conversation with the app yet (the
   * card then waits for the install Cascade makes for them, when the admin allows it). */
  sendCard(tenantId: string, userId: string, card: AdaptiveCard): Promise<boolean>;
  /** Installing the app for people a card must reach: its status for Admin, and the installs in flight. */
  appInstalls: ProactiveInstall;
}

export interface BotServicesOptions {
  config: Config;
  goalDeps: GoalDeps;
  conversations: ConversationStore;
  cards: CardStore;
  appInstallStore: AppInstallStore;
  events: EventBus;
  log: Logger;
  /** Where install problems are told to the admins. */
  addAdminLogEntry(tenantId: string, entry: AdminLogEntry): Promise<void>;
  /** Tenants whose people may act through the bot. */
  allowedTenantIds: readonly string[];
  /** Replaces how the bot gets Bot Framework tokens for outgoing messages (tests). */
  botTokenProvider?: BotTokenProvider;
  /** Verbs handled outside the approval flow (check-ins, kudos). */
  cardActions?: Readonly<Record<string, CardActionHandler>>;
  /** People whose data was erased; their activities are refused. */
  isErased?(tenantId: string, userId: string): Promise<boolean>;
  /** The language each person reads their cards in. */
  locales?: PersonLocales;
}

/** What the facade forwards to; the inbox list needs only the card store, so the facade answers it. */
export interface AssembledBot extends Omit<BotServices, "listInbox"> {
  handleGoalEvent: GoalEventHandler;
}
