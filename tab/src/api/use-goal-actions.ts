import { useMemo } from "react";
import { useApi } from "./api-context.js";
import type { ApiClient } from "./client.js";
import type { QueryCache } from "./query-cache.js";
import type { GoalInput, GoalPatch, GoalView } from "./types.js";
import { GOALS_KEY_PREFIX, buildGoalPath, buildHistoryKey } from "./use-goals.js";

export interface GoalActions {
  createGoal(input: GoalInput): Promise<GoalView>;
  /** Fails with a 412 ApiError when someone else changed the goal since `etag` was read. */
  updateGoal(goalId: string, etag: string, patch: GoalPatch): Promise<GoalView>;
  submitGoal(goalId: string): Promise<GoalView>;
  deleteGoal(goalId: string): Promise<void>;
  fetchGoal(goalId: string): Promise<GoalView>;
}

function withEtag(goal: GoalView, etag: string | null): GoalView {
  return etag ? { ...goal, etag } : goal;
}

export function createGoalActions(client: ApiClient, cache: QueryCache): GoalActions {
  const refresh = (goalId?: string) =>
    cache.invalidate((key) => key.startsWith(GOALS_KEY_PREFIX) || (goalId !== undefined && key === buildHistoryKey(goalId)));
  return {
    async createGoal(input) {
      const { data, etag } = await client.request<GoalView>("/api/goals", { method: "POST", body: input });
      refresh();
      return withEtag(data, etag);
    },
    async updateGoal(goalId, etag, patch) {
      const response = await client.request<GoalView>(buildGoalPath(goalId), { method: "PATCH", body: patch, ifMatch: etag });
      refresh(goalId);
      return withEtag(response.data, response.etag);
    },
    async submitGoal(goalId) {
      const { data, etag } = await client.request<GoalView>(buildGoalPath(goalId, "/submit"), { method: "POST" });
      refresh(goalId);
      return withEtag(data, etag);
    },
    async deleteGoal(goalId) {
      await client.request<void>(buildGoalPath(goalId), { method: "DELETE" });
      refresh();
    },
    async fetchGoal(goalId) {
      const { data, etag } = await client.request<GoalView>(buildGoalPath(goalId));
      return withEtag(data, etag);
    },
  };
}

export function useGoalActions(): GoalActions {
  const { client, cache } = useApi();
  return useMemo(() => createGoalActions(client, cache), [client, cache]);
}
