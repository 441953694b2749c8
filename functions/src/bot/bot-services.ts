/** Wires the bot: the stores and the card logic, the reaction to goal events, and the Teams SDK
 * runtime, which is created on first use. */
import type { Config } from "../config.js";
import type { GoalDeps } from "../domain/goal-context.js";
import type { Principal } from "../domain/types.js";
import type { EventBus } from "../events.js";
import type { CardStore, InboxItem } from "../store/card-store.js";
import type { ConversationStore } from "../store/conversation-store.js";
import type { IncomingActivity } from "./activity.js";
import { createActivityHandlers } from "./activity-handlers.js";
import { listPendingApprovals, type PendingApproval } from "./approval-inbox.js";
import { handleGoalEvent } from "./approval-notifier.js";
import type { AdaptiveCard } from "../../../cards/src/index.js";
import type { BotDeps, BotLog, CardActionHandler } from "./bot-deps.js";
import type { BotRuntime, BotTokenProvider } from "./bot-runtime.js";
import { executeCardAction } from "./card-actions.js";
import type { CardActionInput, CardActionResponse } from "./invoke-response.js";
import { createMessenger } from "./messenger.js";

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
  /** Sends a card to the person's chat; false when they have no conversation with the app yet. */
  sendCard(tenantId: string, userId: string, card: AdaptiveCard): Promise<boolean>;
}

export interface BotServicesOptions {
  config: Config;
  goalDeps: GoalDeps;
  conversations: ConversationStore;
  cards: CardStore;
  events: EventBus;
  log: BotLog;
  /** Tenants whose people may act through the bot. */
  allowedTenantIds: readonly string[];
  /** Replaces how the bot gets Bot Framework tokens for outgoing messages (tests). */
  botTokenProvider?: BotTokenProvider;
  /** Verbs handled outside the approval flow (check-ins, kudos). */
  cardActions?: Readonly<Record<string, CardActionHandler>>;
}

function buildAppUrl(config: Config): string {
  return config.tabDomain ? `https://${config.tabDomain}` : `http://localhost:${config.port}`;
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
    appUrl: buildAppUrl(options.config),
    teamsAppId: options.config.teamsAppId,
    log: options.log,
    cardActions: options.cardActions,
  };
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
      if (!conversation) return false;
      await messenger.send(conversation, card);
      return true;
    },
  };
}
