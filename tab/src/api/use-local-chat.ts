/** Local development only: the "Teams chat" panel. It reads the cards the app sent to the
 * signed-in person and sends activities to /api/messages the way Teams would. */
import { useCallback, useMemo } from "react";
import type { AdaptiveCard } from "../../../cards/src/card-json.js";
import type { CardActionInput, CardActionResponse } from "./use-approvals.js";
import { useApi } from "./api-context.js";
import type { ApiClient } from "./client.js";
import type { Me } from "./types.js";
import { useQuery, type QueryResult } from "./use-query.js";

export interface ChatMessage {
  id: string;
  card: AdaptiveCard;
  sentAt: string;
}

export const INBOX_KEY = "dev-inbox";

export function useInbox(): QueryResult<ChatMessage[]> {
  const { client } = useApi();
  const fetchInbox = useCallback(async () => (await client.request<ChatMessage[]>("/api/dev/inbox")).data, [client]);
  return useQuery(INBOX_KEY, fetchInbox);
}

/** The person's Teams id in their chat with the app, as Teams would name them. */
export function toTeamsUserId(me: Pick<Me, "id">): string {
  return `29:${me.id}`;
}

function buildActivity(me: Pick<Me, "id" | "tenantId" | "displayName">, fields: Record<string, unknown>): Record<string, unknown> {
  return {
    id: crypto.randomUUID(),
    channelId: "msteams",
    timestamp: new Date().toISOString(),
    from: { id: toTeamsUserId(me), name: me.displayName, aadObjectId: me.id },
    recipient: { id: "28:cascade-local", name: "Cascade" },
    conversation: { id: `local:${me.id}`, conversationType: "personal", tenantId: me.tenantId },
    ...fields,
  };
}

export interface LocalChat {
  /** Teams announces an install with this activity; the app then starts sending cards here. */
  install(): Promise<void>;
  execute(action: CardActionInput): Promise<CardActionResponse>;
  /** A typed message, such as a command; the answer arrives in the inbox. */
  sendText(text: string): Promise<void>;
}

export function createLocalChat(client: ApiClient, me: Pick<Me, "id" | "tenantId" | "displayName">): LocalChat {
  const post = (activity: Record<string, unknown>) => client.request<unknown>("/api/messages", { method: "POST", body: activity });
  return {
    async install() {
      await post(buildActivity(me, { type: "installationUpdate", action: "add" }));
    },
    async execute(action) {
      const value = { action: { type: "Action.Execute", verb: action.verb, data: action.data }, trigger: "manual" };
      const { data } = await post(buildActivity(me, { type: "invoke", name: "adaptiveCard/action", value }));
      return data as CardActionResponse;
    },
    async sendText(text) {
      await post(buildActivity(me, { type: "message", text, textFormat: "plain" }));
    },
  };
}

export function useLocalChat(me: Me | undefined): LocalChat | null {
  const { client } = useApi();
  return useMemo(() => (me ? createLocalChat(client, me) : null), [client, me]);
}
