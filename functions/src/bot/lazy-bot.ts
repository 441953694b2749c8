/** The bot facade (BotServices, see bot-api.ts). Its implementation (bot-assembly.ts: the card logic, the card
 * builders, the activity schema and, behind it, the Teams SDK) loads with the first call that needs it,
 * so a cold start parses none of it. */
import { isApprovalEvent } from "../domain/goal-context.js";
import { createLazyLoader, type LazyLoader } from "../lazy-loader.js";
import type { AssembledBot, BotServices, BotServicesOptions } from "./bot-api.js";
import type { ProactiveInstall } from "./proactive-install.js";

export const INBOX_LIMIT = 50;

function forwardAppInstalls(core: LazyLoader<AssembledBot>): ProactiveInstall {
  return {
    requestInstall: async (tenantId, userId, keepCard) => (await core.load()).appInstalls.requestInstall(tenantId, userId, keepCard),
    noteInstalled: async (tenantId, userId) => (await core.load()).appInstalls.noteInstalled(tenantId, userId),
    noteRemoved: async (tenantId, userId) => (await core.load()).appInstalls.noteRemoved(tenantId, userId),
    describe: async (tenantId) => (await core.load()).appInstalls.describe(tenantId),
    // Installs start only from a loaded bot: without one nothing is in flight.
    whenIdle: async () => core.peek()?.then((loaded) => loaded.appInstalls.whenIdle(), () => undefined),
  };
}

export function createLazyBot(options: BotServicesOptions): BotServices {
  const core = createLazyLoader(() => import("./bot-assembly.js").then(({ assembleBot }) => assembleBot(options)));
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
