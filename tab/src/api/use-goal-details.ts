/** Reads behind the goal details panel: the goal itself (which may be someone else's), its
 * check-ins, kudos and comments. Keys are shared with the feedback actions that refresh them. */
import { useCallback } from "react";
import { useApi } from "./api-context.js";
import type { CheckIn, GoalComment, GoalView, ItemList, Kudos, Page } from "./types.js";
import { useGoalActions } from "./use-goal-actions.js";
import { buildGoalKey, buildGoalPath } from "./use-goals.js";
import { useQuery, type QueryResult } from "./use-query.js";

export const CHECK_IN_PAGE_SIZE = 10;

export function buildKudosKey(goalId: string): string {
  return `kudos:${goalId}`;
}

export function buildCommentsKey(goalId: string): string {
  return `comments:${goalId}`;
}

export function buildCheckInsKey(goalId: string, cursor: string | null): string {
  return `checkins:${goalId}:${cursor ?? ""}`;
}

export function useGoal(goalId: string | null): QueryResult<GoalView> {
  const { fetchGoal } = useGoalActions();
  const loadGoal = useCallback(() => fetchGoal(goalId ?? ""), [fetchGoal, goalId]);
  return useQuery(goalId ? buildGoalKey(goalId) : null, loadGoal);
}

export function useGoalKudos(goalId: string | null): QueryResult<Kudos[]> {
  const { client } = useApi();
  const fetchKudos = useCallback(async () => (await client.request<ItemList<Kudos>>(buildGoalPath(goalId ?? "", "/kudos"))).data.items, [client, goalId]);
  return useQuery(goalId ? buildKudosKey(goalId) : null, fetchKudos);
}

/** Null goal id while the caller may not read comments, so no request is made that would answer 403. */
export function useGoalComments(goalId: string | null): QueryResult<GoalComment[]> {
  const { client } = useApi();
  const fetchComments = useCallback(
    async () => (await client.request<ItemList<GoalComment>>(buildGoalPath(goalId ?? "", "/comments"))).data.items,
    [client, goalId],
  );
  return useQuery(goalId ? buildCommentsKey(goalId) : null, fetchComments);
}

/** One page of check-ins, newest first; the page carries the cursor of the next, older one. */
export function useGoalCheckIns(goalId: string | null, cursor: string | null): QueryResult<Page<CheckIn>> {
  const { client } = useApi();
  const fetchPage = useCallback(async () => {
    const query = new URLSearchParams({ limit: String(CHECK_IN_PAGE_SIZE) });
    if (cursor) query.set("cursor", cursor);
    return (await client.request<Page<CheckIn>>(buildGoalPath(goalId ?? "", `/checkins?${query.toString()}`))).data;
  }, [client, goalId, cursor]);
  return useQuery(goalId ? buildCheckInsKey(goalId, cursor) : null, fetchPage);
}
