import { useCallback } from "react";
import { useApi } from "./api-context.js";
import type { GoalView, HistoryEntry, ItemList, ParentOption } from "./types.js";
import { useQuery, type QueryResult } from "./use-query.js";

export const GOALS_KEY_PREFIX = "goals:";

export function buildGoalsKey(cycleId: string, ownerId?: string): string {
  return `${GOALS_KEY_PREFIX}${ownerId ?? "me"}:${cycleId}`;
}

/** Under the goals prefix, so every write that refreshes goal lists refreshes an open goal too. */
export function buildGoalKey(goalId: string): string {
  return `${GOALS_KEY_PREFIX}goal:${goalId}`;
}

export function buildGoalPath(goalId: string, suffix = ""): string {
  return `/api/goals/${encodeURIComponent(goalId)}${suffix}`;
}

export function buildHistoryKey(goalId: string): string {
  return `history:${goalId}`;
}

/** Goals of one person in one cycle; the caller's own goals when no owner is given. */
export function useGoals(cycleId: string | null, ownerId?: string): QueryResult<GoalView[]> {
  const { client } = useApi();
  const fetchGoals = useCallback(async () => {
    const query = new URLSearchParams({ cycle: cycleId ?? "" });
    if (ownerId) query.set("owner", ownerId);
    return (await client.request<ItemList<GoalView>>(`/api/goals?${query.toString()}`)).data.items;
  }, [client, cycleId, ownerId]);
  return useQuery(cycleId ? buildGoalsKey(cycleId, ownerId) : null, fetchGoals);
}

/** Goals the caller may align to in a cycle, nearest manager first. */
export function useParentOptions(cycleId: string | null): QueryResult<ParentOption[]> {
  const { client } = useApi();
  const fetchOptions = useCallback(async () => {
    const query = new URLSearchParams({ cycle: cycleId ?? "" });
    return (await client.request<ItemList<ParentOption>>(`/api/alignment/parent-options?${query.toString()}`)).data.items;
  }, [client, cycleId]);
  return useQuery(cycleId ? `parent-options:${cycleId}` : null, fetchOptions);
}

export function useGoalHistory(goalId: string | null): QueryResult<HistoryEntry[]> {
  const { client } = useApi();
  const fetchHistory = useCallback(
    async () => (await client.request<ItemList<HistoryEntry>>(buildGoalPath(goalId ?? "", "/history"))).data.items,
    [client, goalId],
  );
  return useQuery(goalId ? buildHistoryKey(goalId) : null, fetchHistory);
}
