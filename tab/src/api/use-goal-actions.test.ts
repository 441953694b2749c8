import { describe, expect, it, vi } from "vitest";
import { buildGoal } from "../../../test/support/tab-builders.js";
import type { ApiClient, RequestOptions } from "./client.js";
import { QueryCache } from "./query-cache.js";
import { createGoalActions } from "./use-goal-actions.js";
import { buildGoalsKey, buildHistoryKey } from "./use-goals.js";

function createFakeClient(etag: string | null = 'W/"7"') {
  const calls: Array<{ path: string; options: RequestOptions | undefined }> = [];
  const client: ApiClient = {
    request: vi.fn(async (path: string, options?: RequestOptions) => {
      calls.push({ path, options });
      return { data: buildGoal({ etag: 'W/"body"' }), etag } as never;
    }),
  };
  return { client, calls };
}

describe("createGoalActions", () => {
  it("patches with If-Match and prefers the ETag header over the body", async () => {
    const { client, calls } = createFakeClient();
    const goal = await createGoalActions(client, new QueryCache()).updateGoal("g-1", 'W/"6"', { title: "New title" });
    expect(calls[0]).toEqual({ path: "/api/goals/g-1", options: { method: "PATCH", body: { title: "New title" }, ifMatch: 'W/"6"' } });
    expect(goal.etag).toBe('W/"7"');
  });

  it("keeps the body's etag when the answer has no ETag header", async () => {
    const { client } = createFakeClient(null);
    const goal = await createGoalActions(client, new QueryCache()).fetchGoal("g-1");
    expect(goal.etag).toBe('W/"body"');
  });

  it("marks goal lists and that goal's history stale after a change", async () => {
    const { client } = createFakeClient();
    const cache = new QueryCache();
    cache.set(buildGoalsKey("c-q3"), []);
    cache.set(buildHistoryKey("g-1"), []);
    cache.set(buildHistoryKey("g-2"), []);
    cache.set("cycles", []);

    await createGoalActions(client, cache).submitGoal("g-1");

    expect(cache.peek(buildGoalsKey("c-q3")).isStale).toBe(true);
    expect(cache.peek(buildHistoryKey("g-1")).isStale).toBe(true);
    expect(cache.peek(buildHistoryKey("g-2")).isStale).toBe(false);
    expect(cache.peek("cycles").isStale).toBe(false);
  });

  it("uses the goal routes of the API contract", async () => {
    const { client, calls } = createFakeClient();
    const actions = createGoalActions(client, new QueryCache());
    await actions.createGoal({ cycleId: "c", title: "t", description: "", dueDate: null, visibility: "public", parentId: null, weight: 1, keyResults: [] });
    await actions.submitGoal("g/1");
    await actions.deleteGoal("g-1");
    expect(calls.map((call) => `${call.options?.method ?? "GET"} ${call.path}`)).toEqual([
      "POST /api/goals",
      "POST /api/goals/g%2F1/submit",
      "DELETE /api/goals/g-1",
    ]);
  });
});
