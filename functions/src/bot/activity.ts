/** The parts of an incoming Bot Framework activity Cascade reads, checked before anything acts on
 * them, and who sent it. */
import { z } from "zod";
import { AppError } from "../domain/errors.js";
import type { Principal } from "../domain/types.js";
import type { CardActionResponse } from "./invoke-response.js";

/** Marks activities from the local chat panel. Bot Service never sends it: the Teams SDK accepts
 * an activity only when its service URL matches the one in its Bot Framework token. */
export const LOCAL_SERVICE_URL = "urn:cascade:local-chat";

export type Channel = "teams" | "local";

const accountSchema = z.looseObject({
  id: z.string().min(1).max(256),
  name: z.string().max(256).optional(),
  aadObjectId: z.string().max(64).optional(),
});

export const activitySchema = z.looseObject({
  type: z.string().min(1).max(64),
  id: z.string().max(256).optional(),
  name: z.string().max(128).optional(),
  action: z.string().max(32).optional(),
  channelId: z.string().max(64).optional(),
  serviceUrl: z.string().max(2048).optional(),
  from: accountSchema,
  recipient: accountSchema,
  conversation: z.looseObject({
    id: z.string().min(1).max(1024),
    tenantId: z.string().max(64).optional(),
    conversationType: z.string().max(32).optional(),
  }),
  channelData: z.looseObject({ tenant: z.looseObject({ id: z.string().max(64) }).optional() }).optional(),
  membersAdded: z.array(accountSchema).optional(),
  /** The sender's Teams language (BCP 47), which replies and refreshed cards are written in. */
  locale: z.string().max(64).optional(),
  /** Typed text; Teams caps a message well below this, so a longer one is not from Teams. */
  text: z.string().max(100_000).optional(),
  value: z.unknown().optional(),
});

export type IncomingActivity = z.infer<typeof activitySchema>;

const invokeValueSchema = z.looseObject({
  action: z.looseObject({
    type: z.string().max(64),
    verb: z.string().max(64).optional(),
    data: z.record(z.string(), z.unknown()).optional(),
  }),
});

export function parseActivity(raw: string): IncomingActivity {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new AppError("malformed_json", "The activity is not valid JSON.");
  }
  const parsed = activitySchema.safeParse(json);
  if (!parsed.success) throw new AppError("validation_failed", "This is not an activity Cascade understands.");
  return parsed.data;
}

/** The verb and data of an `adaptiveCard/action` invoke; null when the value is not one. */
export function readInvokeAction(activity: IncomingActivity): { verb: string; data: Record<string, unknown> } | null {
  const parsed = invokeValueSchema.safeParse(activity.value);
  if (!parsed.success || !parsed.data.action.verb) return null;
  return { verb: parsed.data.action.verb, data: parsed.data.action.data ?? {} };
}

const OBJECT_ID = /^[0-9a-fA-F-]{36}$/;

export function readTenantId(activity: IncomingActivity): string | null {
  const tenantId = activity.conversation.tenantId ?? activity.channelData?.tenant?.id;
  return tenantId && OBJECT_ID.test(tenantId) ? tenantId.toLowerCase() : null;
}

/** The person behind an activity: Teams names them by Entra object id in `from.aadObjectId`. */
export function readSender(activity: IncomingActivity, allowedTenantIds: readonly string[]): Principal | null {
  const tenantId = readTenantId(activity);
  const userId = activity.from.aadObjectId;
  if (!tenantId || !allowedTenantIds.includes(tenantId) || !userId || !OBJECT_ID.test(userId)) return null;
  return { tenantId, userId: userId.toLowerCase(), name: activity.from.name ?? "", roles: [] };
}

export function isPersonalConversation(activity: IncomingActivity): boolean {
  return activity.conversation.conversationType === "personal";
}

/** Cascade's reactions to activities; the bot runtime hands them validated activities only. */
export interface BotActivityHandlers {
  onCardAction(activity: IncomingActivity, channel: Channel): Promise<CardActionResponse>;
  onInstalled(activity: IncomingActivity, channel: Channel): Promise<void>;
  onUninstalled(activity: IncomingActivity, channel: Channel): Promise<void>;
  onMessage(activity: IncomingActivity, channel: Channel): Promise<void>;
}
