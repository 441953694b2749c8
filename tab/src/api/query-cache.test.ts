import { describe, expect, it, vi } from "vitest";
import { ApiError } from "./client.js";
import { QueryCache } from "./query-cache.js";

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

describe("QueryCache", () => {
  it("asks once per key while a request is in flight", async () => {
    const cache = new QueryCache();
    const fetcher = vi.fn(async () => ["a"]);
    cache.ensure("goals", fetcher);
    cache.ensure("goals", fetcher);
    await vi.waitFor(() => expect(cache.peek("goals").data).toEqual(["a"]));
    cache.ensure("goals", fetcher);
    expect(fetcher).toHaveBeenCalledOnce();
  });

  it("keeps showing old data while an invalidated key refreshes", async () => {
    const cache = new QueryCache();
    cache.set("goals:me:c1", ["old"]);
    cache.invalidate((key) => key.startsWith("goals:"));
    expect(cache.peek("goals:me:c1")).toMatchObject({ data: ["old"], isStale: true });

    const next = deferred<string[]>();
    cache.ensure("goals:me:c1", () => next.promise);
    expect(cache.peek("goals:me:c1")).toMatchObject({ data: ["old"], isLoading: true });
    next.resolve(["new"]);
    await vi.waitFor(() => expect(cache.peek("goals:me:c1")).toMatchObject({ data: ["new"], isLoading: false }));
  });

  it("drops an answer that an invalidation made out of date", async () => {
    const cache = new QueryCache();
    const first = deferred<string>();
    cache.ensure("me", () => first.promise);
    cache.invalidate(() => true);
    cache.ensure("me", async () => "fresh");
    first.resolve("stale");
    await vi.waitFor(() => expect(cache.peek("me").data).toBe("fresh"));
    await first.promise;
    expect(cache.peek("me").data).toBe("fresh");
  });

  it("stores failures as ApiError and notifies subscribers", async () => {
    const cache = new QueryCache();
    const listener = vi.fn();
    cache.subscribe(listener);
    cache.ensure("cycles", async () => Promise.reject(new Error("boom")));
    await vi.waitFor(() => expect(cache.peek("cycles").error).toBeInstanceOf(ApiError));
    expect(cache.peek("cycles").error?.message).toBe("boom");
    expect(listener).toHaveBeenCalled();
  });

  it("forgets everything on clear", () => {
    const cache = new QueryCache();
    cache.set("me", { id: "p-1" });
    cache.clear();
    expect(cache.peek("me").data).toBeUndefined();
  });
});
