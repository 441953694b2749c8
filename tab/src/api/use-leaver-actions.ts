/** What a former manager does with the goals of someone who left: give each to someone, or close it. */
import { useMemo } from "react";
import { useApi } from "./api-context.js";
import type { ApiClient } from "./client.js";
import type { QueryCache } from "./query-cache.js";
import type { GoalView } from "./types.js";
import { GOALS_KEY_PREFIX } from "./use-goals.js";
import { ORG_KEY_PREFIX } from "./use-org-cascade.js";

export interface LeaverActions {
  reassignGoal(goalId: string, newOwnerId: string, comment: string): Promise<GoalView>;
  /** An active goal is cancelled; one that was never approved is deleted. */
  closeGoal(goalId: string, comment: string): Promise<"closed" | "deleted">;
}

export function createLeaverActions(client: ApiClient, cache: QueryCache): LeaverActions {
  const refresh = () => cache.invalidate((key) => key.startsWith(ORG_KEY_PREFIX) || key.startsWith(GOALS_KEY_PREFIX));
  const path = (goalId: string, action: string) => `/api/goals/${encodeURIComponent(goalId)}/${action}`;
  const toComment = (comment: string) => comment.trim() || null;
  return {
    async reassignGoal(goalId, newOwnerId, comment) {
      const { data } = await client.request<GoalView>(path(goalId, "reassign"), { method: "POST", body: { newOwnerId, comment: toComment(comment) } });
      refresh();
      return data;
    },
    async closeGoal(goalId, comment) {
      const { data } = await client.request<{ outcome: "closed" | "deleted" }>(path(goalId, "close-for-leaver"), { method: "POST", body: { outcome: "cancelled", comment: toComment(comment) } });
      refresh();
      return data.outcome;
    },
  };
}

export function useLeaverActions(): LeaverActions {
  const { client, cache } = useApi();
  return useMemo(() => createLeaverActions(client, cache), [client, cache]);
}
