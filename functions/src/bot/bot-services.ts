/** The bot as the rest of the app sees it. Its implementation (bot-core.ts: the card logic, the card
 * builders, the activity schema and, behind it, the Teams SDK) loads with the first call that needs it,
 * so a cold start parses none of it. */
import type { AdaptiveCard } from "../../../cards/src/index.js";
import type { Config } from "../config.js";
import type { AdminLogEntry } from "../domain/admin.js";
import { isApprovalEvent, type GoalDeps } from "../domain/goal-context.js";
import type { Principal } from "../domain/types.js";
import type { EventBus } from "../events.js";
import type { AppInstallStore } from "../store/app-install-store.js";
import type { CardStore, InboxItem } from "../store/card-store.js";
import type { ConversationStore } from "../store/conversation-store.js";
import type { IncomingActivity } from "./activity.js";
import type { PendingApproval } from "./approval-inbox.js";
import type { BotCore } from "./bot-core.js";
import type { BotLog, CardActionHandler } from "./bot-deps.js";
import type { BotTokenProvider } from "./bot-runtime.js";
import type { CardActionInput, CardActionResponse } from "./invoke-response.js";
import { createLazyLoader, type LazyLoader } from "../lazy-loader.js";
import type { ProactiveInstall } from "./proactive-install.js";

export const INBOX_LIMIT = 50;

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
  log: BotLog;
  /** Where install problems are told to the admins. */
  addAdminLogEntry(tenantId: string, entry: AdminLogEntry): Promise<void>;
  /** Tenants whose people may act through the bot. */
  allowedTenantIds: readonly string[];
  /** Replaces how the bot gets Bot Framework tokens for outgoing messages (tests). */
  botTokenProvider?: BotTokenProvider;
  /** Verbs handled outside the approval flow (check-ins, kudos). */
  cardActions?: Readonly<Record<string, CardActionHandler>>;
}

function forwardAppInstalls(core: LazyLoader<BotCore>): ProactiveInstall {
  return {
    requestInstall: async (tenantId, userId, keepCard) => (await core.load()).appInstalls.requestInstall(tenantId, userId, keepCard),
    noteInstalled: async (tenantId, userId) => (await core.load()).appInstalls.noteInstalled(tenantId, userId),
    noteRemoved: async (tenantId, userId) => (await core.load()).appInstalls.noteRemoved(tenantId, userId),
    describe: async (tenantId) => (await core.load()).appInstalls.describe(tenantId),
    // Installs start only from a loaded bot: without one nothing is in flight.
    whenIdle: async () => core.peek()?.then((loaded) => loaded.appInstalls.whenIdle(), () => undefined),
  };
}

export function createBotServices(options: BotServicesOptions): BotServices {
  const core = createLazyLoader(() => import("./bot-core.js").then(({ createBotCore }) => createBotCore(options)));
  // Subscribed now, not when the bot loads, so the bot still reacts before later subscribers (the bus awaits each in turn).
  options.events.subscribe(async (tenantId, event) => {
    // Other goal changes leave the bot's code unloaded.
    if (isApprovalEvent(event)) await (await core.load()).handleGoalEvent(tenantId, event);
  });
  return {
    handleTeamsActivity: async (activity, headers) => (await core.load()).handleTeamsActivity(activity, headers),
    handleLocalActivity: async (activity) => (await core.load()).handleLocalActivity(activity),
    executeCardAction: async (viewer, action) => (await core.load()).executeCardAction(viewer, action),
    listPendingApprovals: async (viewer) => (await core.load()).listPendingApprovals(viewer),
    listInbox: (viewer) => options.cards.listInbox(viewer.tenantId, viewer.userId, INBOX_LIMIT),
    sendCard: async (tenantId, userId, card) => (await core.load()).sendCard(tenantId, userId, card),
    appInstalls: forwardAppInstalls(core),
  };
}
