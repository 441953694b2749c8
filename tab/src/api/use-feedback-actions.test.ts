import { describe, expect, it, vi } from "vitest";
import { buildComment, buildKudos } from "../../../test/support/tab-builders.js";
import { ApiError, type ApiClient, type RequestOptions } from "./client.js";
import { QueryCache } from "./query-cache.js";
import { createFeedbackActions } from "./use-feedback-actions.js";
import { buildCommentsKey, buildKudosKey } from "./use-goal-details.js";

function createFakeClient(answer: unknown) {
  const calls: Array<{ path: string; options: RequestOptions | undefined }> = [];
  const client: ApiClient = {
    request: vi.fn(async (path: string, options?: RequestOptions) => {
      calls.push({ path, options });
      if (answer instanceof ApiError) throw answer;
      return { data: answer, etag: null } as never;
    }),
  };
  return { client, calls };
}

describe("createFeedbackActions", () => {
  it("posts a comment to the goal's comments route and shows it first", async () => {
    const older = buildComment({ id: "m-old", at: "2027-07-01T09:00:00.000Z" });
    const added = buildComment({ id: "m-new", text: "Legal signed off.", at: "2027-07-12T09:00:00.000Z" });
    const { client, calls } = createFakeClient(added);
    const cache = new QueryCache();
    cache.set(buildCommentsKey("g-1"), [older]);

    expect(await createFeedbackActions(client, cache).addComment("g-1", "Legal signed off.")).toEqual(added);

    expect(calls).toEqual([{ path: "/api/goals/g-1/comments", options: { method: "POST", body: { text: "Legal signed off." } } }]);
    expect(cache.peek(buildCommentsKey("g-1")).data).toEqual([added, older]);
  });

  it("posts kudos with a message and shows them once, even if the list already had them", async () => {
    const kudos = buildKudos({ id: "k-9" });
    const { client, calls } = createFakeClient(kudos);
    const cache = new QueryCache();
    cache.set(buildKudosKey("g/1"), [kudos]);

    await createFeedbackActions(client, cache).giveKudos("g/1", "Well done");

    expect(calls[0]).toEqual({ path: "/api/goals/g%2F1/kudos", options: { method: "POST", body: { message: "Well done" } } });
    expect(cache.peek(buildKudosKey("g/1")).data).toEqual([kudos]);
  });

  it("marks the list stale instead of inventing one that was never loaded", async () => {
    const { client } = createFakeClient(buildKudos());
    const cache = new QueryCache();
    cache.set(buildCommentsKey("g-1"), []);

    await createFeedbackActions(client, cache).giveKudos("g-1", "Thanks");

    expect(cache.peek(buildKudosKey("g-1")).data).toBeUndefined();
    expect(cache.peek(buildCommentsKey("g-1")).isStale).toBe(false);
  });

  it("passes the API's problem on and leaves the cached list as it was", async () => {
    const problem = new ApiError({ title: "Invalid", status: 400, errors: [{ path: "text", message: "Required." }] });
    const { client } = createFakeClient(problem);
    const cache = new QueryCache();
    const existing = [buildComment()];
    cache.set(buildCommentsKey("g-1"), existing);

    await expect(createFeedbackActions(client, cache).addComment("g-1", " ")).rejects.toBe(problem);
    expect(cache.peek(buildCommentsKey("g-1")).data).toBe(existing);
  });
});
