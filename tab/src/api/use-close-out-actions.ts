import { useMemo } from "react";
import { useApi } from "./api-context.js";
import type { ApiClient } from "./client.js";
import type { QueryCache } from "./query-cache.js";
import type { CloseOutOutcome, GoalView } from "./types.js";
import { GOALS_KEY_PREFIX, buildGoalPath, buildHistoryKey } from "./use-goals.js";

export interface CloseOutActions {
  closeOut(goalId: string, body: { score: number; outcome: CloseOutOutcome; reflection: string }): Promise<GoalView>;
  /** The new draft in the target cycle (or the one an earlier carry-over made). */
  carryOver(goalId: string, cycleId: string): Promise<GoalView>;
  commentOnCloseOut(goalId: string, text: string): Promise<GoalView>;
}

export function createCloseOutActions(client: ApiClient, cache: QueryCache): CloseOutActions {
  const post = async (goalId: string, suffix: string, body: unknown) => {
    const { data } = await client.request<GoalView>(buildGoalPath(goalId, suffix), { method: "POST", body });
    cache.invalidate((key) => key.startsWith(GOALS_KEY_PREFIX) || key.startsWith("close-out:") || key === buildHistoryKey(goalId));
    return data;
  };
  return {
    closeOut: (goalId, body) => post(goalId, "/close-out", body),
    carryOver: (goalId, cycleId) => post(goalId, "/carry-over", { cycleId }),
    commentOnCloseOut: (goalId, text) => post(goalId, "/close-out/comments", { text }),
  };
}

export function useCloseOutActions(): CloseOutActions {
  const { client, cache } = useApi();
  return useMemo(() => createCloseOutActions(client, cache), [client, cache]);
}
