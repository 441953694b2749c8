/** POST /api/messages, the Teams bot endpoint. Activities from Bot Service go to the Teams SDK,
 * which checks their Bot Framework token before anything runs. With AUTH_MODE=dev, activities from
 * the local chat panel carry a local-issuer token instead, for the person named as their sender. */
import type { HttpResponseInit } from "@azure/functions";
import { AppError } from "../domain/errors.js";
import { parseActivity } from "../bot/activity.js";
import type { BotHttpResult } from "../bot/bot-api.js";
import { isLocalIssuerToken, verifyLocalSender } from "../bot/local-chat.js";
import { json, type RouteContext, type RouteHandlers } from "./pipeline.js";
import { problemResponse } from "./problem.js";

function readHeaders(ctx: RouteContext): Record<string, string> {
  const headers: Record<string, string> = {};
  ctx.request.headers.forEach((value, key) => (headers[key.toLowerCase()] = value));
  return headers;
}

/** The SDK answers a bad token with 401 and a bare body; the API's errors are problem+json. */
function toResponse(result: BotHttpResult, instance: string): HttpResponseInit {
  if (result.status === 401) return problemResponse(new AppError("unauthenticated", "The Bot Framework token is missing or not valid."), instance);
  if (result.status >= 500) return problemResponse(new AppError("internal", "The bot could not handle this activity."), instance);
  // Activities other than invokes have no answer; an empty object keeps every response JSON.
  return json(result.status, result.body ?? {});
}

async function handleMessages(ctx: RouteContext): Promise<HttpResponseInit> {
  const activity = parseActivity(ctx.rawBody);
  const authorization = ctx.request.headers.get("authorization");
  const { services } = ctx;
  const isLocal = services.config.authMode === "dev" && isLocalIssuerToken(authorization);
  if (isLocal) await verifyLocalSender(services.verifyToken, authorization, activity);
  const result = isLocal ? await services.bot.handleLocalActivity(activity) : await services.bot.handleTeamsActivity(activity, readHeaders(ctx));
  return toResponse(result, new URL(ctx.request.url).pathname);
}

export const messageHandlers = {
  "bot-messages": handleMessages,
} satisfies RouteHandlers;
