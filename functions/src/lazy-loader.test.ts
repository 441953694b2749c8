import { describe, expect, test, vi } from "vitest";
import { createLazyLoader, createWarmUp } from "./lazy-loader.js";

describe("a lazy loader", () => {
  test("loads once for every caller, and nothing before the first call", async () => {
    const create = vi.fn(async () => ({ loaded: true }));
    const loader = createLazyLoader(create);
    expect(loader.peek()).toBeNull();
    const [first, second] = await Promise.all([loader.load(), loader.load()]);
    expect(first).toBe(second);
    expect(create).toHaveBeenCalledTimes(1);
  });

  test("forgets a failed load, so the next call tries again", async () => {
    const create = vi.fn().mockRejectedValueOnce(new Error("chunk missing")).mockResolvedValueOnce("ready");
    const loader = createLazyLoader<string>(create);
    await expect(loader.load()).rejects.toThrow("chunk missing");
    expect(loader.peek()).toBeNull();
    await expect(loader.load()).resolves.toBe("ready");
    expect(create).toHaveBeenCalledTimes(2);
  });
});

describe("the warm-up after the first answer", () => {
  test("runs every load once, later, however often it is asked for", () => {
    const scheduled: Array<() => void> = [];
    const loads = [vi.fn(async () => "handlers"), vi.fn(async () => "jose")];
    const warmUp = createWarmUp(loads, (run) => scheduled.push(run));
    warmUp();
    warmUp();
    expect(loads[0]).not.toHaveBeenCalled();
    expect(scheduled).toHaveLength(1);
    scheduled[0]!();
    for (const load of loads) expect(load).toHaveBeenCalledTimes(1);
  });

  test("lets a failed load go without an unhandled rejection, for its first use to retry", async () => {
    const scheduled: Array<() => void> = [];
    const failing = vi.fn(async () => Promise.reject(new Error("offline")));
    const other = vi.fn(async () => "ok");
    createWarmUp([failing, other], (run) => scheduled.push(run))();
    const unhandled = vi.fn();
    process.on("unhandledRejection", unhandled);
    scheduled[0]!();
    await new Promise((resolve) => setTimeout(resolve, 10));
    process.off("unhandledRejection", unhandled);
    expect(other).toHaveBeenCalledTimes(1);
    expect(unhandled).not.toHaveBeenCalled();
  });
});
