/** The Approvals inbox: goals waiting for the caller's decision, each with its card, and the card
 * actions, which the server runs through the same handler as card actions in Teams. */
import { useCallback, useMemo } from "react";
import type { AdaptiveCard } from "../../../cards/src/card-json.js";
import type { CardActionInput, CardActionResponse as WireCardActionResponse, PendingApproval as WirePendingApproval } from "../../../functions/src/contracts/index.js";
import { useApi } from "./api-context.js";
import type { ItemList } from "./types.js";
import { GOALS_KEY_PREFIX } from "./use-goals.js";
import { useQuery, type QueryResult } from "./use-query.js";

export type PendingApproval = WirePendingApproval<AdaptiveCard>;
export type CardActionResponse = WireCardActionResponse<AdaptiveCard>;
export type { CardActionInput };

export const APPROVALS_KEY = "approvals";

export function useApprovals(): QueryResult<PendingApproval[]> {
  const { client } = useApi();
  const fetchApprovals = useCallback(async () => (await client.request<ItemList<PendingApproval>>("/api/approvals")).data.items, [client]);
  return useQuery(APPROVALS_KEY, fetchApprovals);
}

export interface CardActions {
  execute(action: CardActionInput): Promise<CardActionResponse>;
}

/** Runs a card action as the signed-in person. The list is not reloaded here, so the card that
 * was acted on can keep showing its outcome; goal lists are, since a status changed. */
export function useCardActions(): CardActions {
  const { client, cache } = useApi();
  return useMemo(
    () => ({
      async execute(action) {
        const { data } = await client.request<CardActionResponse>("/api/card-actions", { method: "POST", body: action });
        cache.invalidate((key) => key.startsWith(GOALS_KEY_PREFIX));
        return data;
      },
    }),
    [client, cache],
  );
}
