/** Wires the bot: the stores and the card logic, the reaction to goal events, and the Teams SDK
 * runtime, which is created on first use. */
import type { Config } from "../config.js";
import type { AdminLogEntry } from "../domain/admin.js";
import type { GoalDeps } from "../domain/goal-context.js";
import type { Principal } from "../domain/types.js";
import type { EventBus } from "../events.js";
import type { AppInstallStore } from "../store/app-install-store.js";
import type { CardStore, InboxItem } from "../store/card-store.js";
import type { ConversationRecord, ConversationStore } from "../store/conversation-store.js";
import type { IncomingActivity } from "./activity.js";
import type { AppInstaller } from "./app-installer.js";
import { adoptConversation, createActivityHandlers } from "./activity-handlers.js";
import { listPendingApprovals, type PendingApproval } from "./approval-inbox.js";
import { handleGoalEvent } from "./approval-notifier.js";
import type { AdaptiveCard } from "../../../cards/src/index.js";
import type { BotDeps, BotLog, CardActionHandler } from "./bot-deps.js";
import type { BotRuntime, BotTokenProvider } from "./bot-runtime.js";
import { executeCardAction } from "./card-actions.js";
import type { CardActionInput, CardActionResponse } from "./invoke-response.js";
import { findInstallBlocker } from "./install-rules.js";
import { createMessenger } from "./messenger.js";
import { createProactiveInstall, type ProactiveInstall } from "./proactive-install.js";
import { buildTabLinkSettings } from "./tab-links.js";

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

/** The Graph installer loads with the first install, so starting an instance does not pay for it;
 * it is made once, so its tokens are cached across installs. */
function createAppInstalls(options: BotServicesOptions, adopt: (conversation: ConversationRecord) => Promise<void>): ProactiveInstall {
  const { config, goalDeps } = options;
  const blocker = findInstallBlocker(config);
  let installer: Promise<AppInstaller> | null = null;
  const loadInstaller = () =>
    (installer ??= import("./app-installer.js")
      .then(({ createGraphAppInstaller }) => createGraphAppInstaller({ graphBaseUrl: config.graphBaseUrl, teamsAppId: config.teamsAppId!, clientId: config.entra.clientId, clientSecret: config.entra.clientSecret!, authorityHost: config.entra.authorityHost }))
      .catch((error: unknown) => {
        installer = null;
        throw error;
      }));
  return createProactiveInstall({
    store: options.appInstallStore,
    conversations: options.conversations,
    clock: goalDeps.clock,
    ids: goalDeps.ids,
    log: options.log,
    tenantPolicy: (tenantId) => goalDeps.tenantPolicy(tenantId),
    addAdminLogEntry: options.addAdminLogEntry,
    loadInstaller: blocker ? null : loadInstaller,
    unavailableReason: blocker,
    botId: config.bot.id,
    adoptConversation: adopt,
  });
}

export function createBotServices(options: BotServicesOptions): BotServices {
  let runtime: Promise<BotRuntime> | null = null;
  const getRuntime = (): Promise<BotRuntime> => {
    runtime ??= import("./bot-runtime.js")
      .then(({ createBotRuntime }) => {
        if (!options.config.bot.id) options.log(options.config.authMode === "dev" ? "info" : "warn", "BOT_ID is not set, so activities from Teams are refused; only the local chat panel reaches the bot.");
        return createBotRuntime({ bot: options.config.bot, handlers, log: options.log, tokenProvider: options.botTokenProvider });
      })
      .catch((error: unknown) => {
        runtime = null;
        throw error;
      });
    return runtime;
  };
  const messenger = createMessenger({ cards: options.cards, clock: options.goalDeps.clock, getTeamsSender: getRuntime });
  const deps: BotDeps = {
    goalDeps: options.goalDeps,
    conversations: options.conversations,
    cards: options.cards,
    messenger,
    ...buildTabLinkSettings(options.config),
    log: options.log,
    cardActions: options.cardActions,
  };
  const appInstalls = createAppInstalls(options, (conversation) => adoptConversation(deps, conversation));
  deps.appInstalls = appInstalls;
  const handlers = createActivityHandlers(deps, options.allowedTenantIds);
  options.events.subscribe((tenantId, event) => handleGoalEvent(deps, tenantId, event));
  return {
    handleTeamsActivity: async (activity, headers) => (await getRuntime()).handleTeamsRequest(activity, headers),
    handleLocalActivity: async (activity) => (await getRuntime()).handleLocalActivity(activity),
    executeCardAction: (viewer, action) => executeCardAction(deps, viewer, action),
    listPendingApprovals: (viewer) => listPendingApprovals(deps, viewer),
    listInbox: (viewer) => options.cards.listInbox(viewer.tenantId, viewer.userId, INBOX_LIMIT),
    async sendCard(tenantId, userId, card) {
      const conversation = await options.conversations.getConversation(tenantId, userId);
      if (conversation) {
        await messenger.send(conversation, card);
        return true;
      }
      await appInstalls.requestInstall(tenantId, userId, () => options.cards.queueCard(tenantId, userId, card, options.goalDeps.clock.now()));
      return false;
    },
    appInstalls,
  };
}
