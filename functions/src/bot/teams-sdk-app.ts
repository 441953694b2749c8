/** The Teams SDK app, hosted in a Function: it validates Bot Framework tokens, routes activities to
 * Cascade's handlers and sends proactive messages. Loaded on first use, so routes that never touch
 * the bot do not pay for the SDK at cold start. */
import { CHINA, PUBLIC, US_GOV, US_GOV_DOD, withOverrides, type AdaptiveCardActionResponse, type CloudEnvironment, type ConversationReference, type IToken } from "@microsoft/teams.api";
import { App, type AppOptions, type IHttpServerResponse, type IPlugin } from "@microsoft/teams.apps";
import type { AdaptiveCard } from "../../../cards/src/index.js";
import type { BotConfig } from "../config.js";
import { activitySchema, LOCAL_SERVICE_URL, type BotActivityHandlers, type Channel, type IncomingActivity } from "./activity.js";
import { FunctionHttpAdapter } from "./function-adapter.js";
import { DEFAULT_SERVICE_URL, type TeamsAddress, type TeamsSender } from "./messenger.js";
import { createSdkLogger } from "./sdk-logger.js";
import type { Logger } from "../domain/logger.js";

export const MESSAGING_ENDPOINT = "/api/messages";
/** Bot Service calls must leave time to answer an invoke within its 5 s. */
const SEND_TIMEOUT_MS = 2500;

export type BotTokenProvider = (scope: string | string[], tenantId?: string) => string | Promise<string>;

export interface BotRuntime extends TeamsSender {
  /** An activity from Bot Service: the SDK checks its Bot Framework token before any handler runs. */
  handleTeamsRequest(body: unknown, headers: Record<string, string>): Promise<IHttpServerResponse>;
  /** An activity from the local chat panel, whose sender the caller has already verified. */
  handleLocalActivity(activity: IncomingActivity): Promise<IHttpServerResponse>;
}

const CLOUDS: Record<BotConfig["cloud"], CloudEnvironment> = { Public: PUBLIC, USGov: US_GOV, USGovDoD: US_GOV_DOD, China: CHINA };

function resolveCloud(bot: BotConfig): CloudEnvironment {
  const cloud = CLOUDS[bot.cloud];
  return bot.openIdMetadataUrl ? withOverrides(cloud, { openIdMetadataUrl: bot.openIdMetadataUrl }) : cloud;
}

/** Proactive sends need the conversation's own service URL, which `App.send` does not take, so
 * the app's activity sender is used with the stored reference. */
class CascadeBotApp extends App {
  async sendCard(to: TeamsAddress, card: AdaptiveCard, activityId?: string): Promise<{ id: string }> {
    const ref: ConversationReference = {
      serviceUrl: to.serviceUrl,
      channelId: "msteams",
      bot: { id: to.botId, role: "bot" },
      conversation: { id: to.conversationId, conversationType: to.conversationType ?? "personal" },
    };
    const attachments = [{ contentType: "application/vnd.microsoft.card.adaptive", content: card }];
    const sent = await this.activitySender.send({ type: "message", attachments, ...(activityId ? { id: activityId } : {}) }, ref);
    return { id: sent.id };
  }
}

/** Empty strings rather than undefined: for undefined options the SDK reads its own environment
 * variables, and configuration is read in config.ts only. */
function buildAppOptions(bot: BotConfig, adapter: FunctionHttpAdapter, log: Logger, token?: BotTokenProvider): AppOptions<IPlugin> {
  return {
    clientId: bot.id ?? "",
    clientSecret: bot.clientSecret ?? "",
    tenantId: bot.tenantId ?? "",
    managedIdentityClientId: bot.id ?? "",
    ...(token ? { token } : {}),
    httpServerAdapter: adapter,
    messagingEndpoint: MESSAGING_ENDPOINT,
    dangerouslyAllowUnauthenticatedRequests: false,
    cloud: resolveCloud(bot),
    serviceUrl: DEFAULT_SERVICE_URL,
    client: { timeout: SEND_TIMEOUT_MS },
    logger: createSdkLogger(log),
  };
}

function channelOf(serviceUrl: string): Channel {
  return serviceUrl === LOCAL_SERVICE_URL ? "local" : "teams";
}

function registerHandlers(app: CascadeBotApp, handlers: BotActivityHandlers): void {
  const run = <T>(raw: unknown, serviceUrl: string, handle: (a: IncomingActivity, c: Channel) => Promise<T>): Promise<T | undefined> => {
    const parsed = activitySchema.safeParse(raw);
    return parsed.success ? handle(parsed.data, channelOf(serviceUrl)) : Promise.resolve(undefined);
  };
  app.on("card.action", async (ctx) => {
    const response = await run(ctx.activity, ctx.ref.serviceUrl, handlers.onCardAction);
    // Cascade's card type is a plain JSON shape; the SDK's is its own card model of the same JSON.
    return response as unknown as AdaptiveCardActionResponse;
  });
  app.on("install.add", async (ctx) => void (await run(ctx.activity, ctx.ref.serviceUrl, handlers.onInstalled)));
  app.on("install.remove", async (ctx) => void (await run(ctx.activity, ctx.ref.serviceUrl, handlers.onUninstalled)));
  app.on("conversationUpdate", async (ctx) => {
    const isBotAdded = ctx.activity.membersAdded?.some((member) => member.id === ctx.activity.recipient.id) ?? false;
    if (isBotAdded) await run(ctx.activity, ctx.ref.serviceUrl, handlers.onInstalled);
  });
  app.on("message", async (ctx) => void (await run(ctx.activity, ctx.ref.serviceUrl, handlers.onMessage)));
}

/** Stands in for the Bot Framework token on local-chat activities; nothing is ever sent with it. */
const LOCAL_TOKEN: IToken = { appId: "", from: "azure", fromId: "", serviceUrl: LOCAL_SERVICE_URL, isExpired: () => false };

export async function createBotRuntime(options: { bot: BotConfig; handlers: BotActivityHandlers; log: Logger; tokenProvider?: BotTokenProvider }): Promise<BotRuntime> {
  const adapter = new FunctionHttpAdapter();
  const app = new CascadeBotApp(buildAppOptions(options.bot, adapter, options.log, options.tokenProvider));
  registerHandlers(app, options.handlers);
  await app.initialize();
  return {
    handleTeamsRequest: (body, headers) => adapter.dispatch("POST", MESSAGING_ENDPOINT, { body, headers }),
    async handleLocalActivity(activity) {
      const response = await app.process({ body: { ...activity, serviceUrl: LOCAL_SERVICE_URL }, token: LOCAL_TOKEN });
      return { status: response.status || 200, body: response.body };
    },
    sendCard: (to, card, activityId) => app.sendCard(to, card, activityId),
  };
}
