/** Writing kudos and comments. The answer goes straight into the cached list, newest first, so the
 * person sees what they sent without waiting for a reload. */
import { useMemo } from "react";
import { useApi } from "./api-context.js";
import type { ApiClient } from "./client.js";
import type { QueryCache } from "./query-cache.js";
import type { GoalComment, Kudos } from "./types.js";
import { buildCommentsKey, buildKudosKey } from "./use-goal-details.js";
import { buildGoalPath } from "./use-goals.js";

export interface FeedbackActions {
  addComment(goalId: string, text: string): Promise<GoalComment>;
  giveKudos(goalId: string, message: string): Promise<Kudos>;
}

function prependTo<T extends { id: string }>(cache: QueryCache, key: string, item: T): void {
  const cached = cache.peek<T[]>(key).data;
  if (cached === undefined) {
    cache.invalidate((candidate) => candidate === key);
    return;
  }
  cache.set(key, [item, ...cached.filter((existing) => existing.id !== item.id)]);
}

export function createFeedbackActions(client: ApiClient, cache: QueryCache): FeedbackActions {
  return {
    async addComment(goalId, text) {
      const { data } = await client.request<GoalComment>(buildGoalPath(goalId, "/comments"), { method: "POST", body: { text } });
      prependTo(cache, buildCommentsKey(goalId), data);
      return data;
    },
    async giveKudos(goalId, message) {
      const { data } = await client.request<Kudos>(buildGoalPath(goalId, "/kudos"), { method: "POST", body: { message } });
      prependTo(cache, buildKudosKey(goalId), data);
      return data;
    },
  };
}

export function useFeedbackActions(): FeedbackActions {
  const { client, cache } = useApi();
  return useMemo(() => createFeedbackActions(client, cache), [client, cache]);
}
