/** The bot itself: the stores and the card logic, the reaction to goal events, proactive installs and
 * the Teams SDK runtime (created on first use). lazy-bot.ts loads this module with the first call
 * that needs it, so a cold start parses none of it. */
import type { ConversationRecord } from "../store/conversation-store.js";
import { adoptConversation, createActivityHandlers } from "./activity-handlers.js";
import type { AppInstaller } from "./app-installer.js";
import { listPendingApprovals } from "./approval-inbox.js";
import { handleGoalEvent } from "./approval-notifier.js";
import type { BotDeps } from "./bot-ports.js";
import type { AssembledBot, BotServicesOptions } from "./bot-api.js";
import { executeCardAction } from "./card-actions.js";
import { findInstallBlocker } from "./install-rules.js";
import { createLazyLoader } from "../lazy-loader.js";
import { createMessenger } from "./messenger.js";
import { createProactiveInstall, type ProactiveInstall } from "./proactive-install.js";
import { buildTabLinkSettings } from "./tab-links.js";

/** The Graph installer loads with the first install; it is made once, so its tokens are cached across installs. */
function createAppInstalls(options: BotServicesOptions, adopt: (conversation: ConversationRecord) => Promise<void>): ProactiveInstall {
  const { config, goalDeps } = options;
  const blocker = findInstallBlocker(config);
  const installer = createLazyLoader<AppInstaller>(() =>
    import("./app-installer.js").then(({ createGraphAppInstaller }) =>
      createGraphAppInstaller({ graphBaseUrl: config.graphBaseUrl, teamsAppId: config.teamsAppId!, clientId: config.entra.clientId, clientSecret: config.entra.clientSecret!, authorityHost: config.entra.authorityHost }),
    ),
  );
  return createProactiveInstall({
    store: options.appInstallStore,
    conversations: options.conversations,
    clock: goalDeps.clock,
    ids: goalDeps.ids,
    log: options.log,
    tenantPolicy: (tenantId) => goalDeps.tenantPolicy(tenantId),
    addAdminLogEntry: options.addAdminLogEntry,
    loadInstaller: blocker ? null : installer.load,
    unavailableReason: blocker,
    botId: config.bot.id,
    adoptConversation: adopt,
  });
}

export function assembleBot(options: BotServicesOptions): AssembledBot {
  const runtime = createLazyLoader(() =>
    import("./teams-sdk-app.js").then(({ createBotRuntime }) => {
      if (!options.config.bot.id) options.log(options.config.authMode === "dev" ? "info" : "warn", "BOT_ID is not set, so activities from Teams are refused; only the local chat panel reaches the bot.");
      return createBotRuntime({ bot: options.config.bot, handlers, log: options.log, tokenProvider: options.botTokenProvider });
    }),
  );
  const messenger = createMessenger({ cards: options.cards, clock: options.goalDeps.clock, getTeamsSender: runtime.load });
  const deps: BotDeps = {
    goalDeps: options.goalDeps,
    conversations: options.conversations,
    cards: options.cards,
    messenger,
    ...buildTabLinkSettings(options.config),
    log: options.log,
    cardActions: options.cardActions,
    isErased: options.isErased,
    locales: options.locales,
  };
  const appInstalls = createAppInstalls(options, (conversation) => adoptConversation(deps, conversation));
  deps.appInstalls = appInstalls;
  const handlers = createActivityHandlers(deps, options.allowedTenantIds);
  return {
    handleTeamsActivity: async (activity, headers) => (await runtime.load()).handleTeamsRequest(activity, headers),
    handleLocalActivity: async (activity) => (await runtime.load()).handleLocalActivity(activity),
    executeCardAction: (viewer, action) => executeCardAction(deps, viewer, action),
    listPendingApprovals: (viewer) => listPendingApprovals(deps, viewer),
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
    handleGoalEvent: (tenantId, event) => handleGoalEvent(deps, tenantId, event),
  };
}
