import { describe, expect, it, vi } from "vitest";
import { isFramedWindow, settleWithin, shouldTryTeams } from "./detect-host.js";

describe("shouldTryTeams", () => {
  it("skips Teams at once in a top-level browser window", () => {
    expect(shouldTryTeams(false, "")).toBe(false);
    expect(shouldTryTeams(false, "?view=my-goals")).toBe(false);
  });

  it("tries Teams when framed or when the manifest says so", () => {
    expect(shouldTryTeams(true, "")).toBe(true);
    expect(shouldTryTeams(false, "?inTeams=1&view=my-goals")).toBe(true);
    expect(shouldTryTeams(false, "?inTeams=0")).toBe(false);
  });
});

describe("isFramedWindow", () => {
  it("compares self and top, and counts an unreadable top as framed", () => {
    const win = {} as Window;
    expect(isFramedWindow({ self: win, top: win } as unknown as Window)).toBe(false);
    expect(isFramedWindow({ self: win, top: {} } as unknown as Window)).toBe(true);
    const crossOrigin = Object.defineProperty({ self: win }, "top", { get: () => { throw new Error("blocked"); } });
    expect(isFramedWindow(crossOrigin as unknown as Window)).toBe(true);
  });
});

describe("settleWithin", () => {
  it("gives the value when it comes in time", async () => {
    await expect(settleWithin(Promise.resolve("teams"), 50, "timeout")).resolves.toBe("teams");
  });

  it("gives the fallback when time runs out", async () => {
    vi.useFakeTimers();
    try {
      const result = settleWithin(new Promise(() => undefined), 4000, "timeout");
      await vi.advanceTimersByTimeAsync(4000);
      await expect(result).resolves.toBe("timeout");
    } finally {
      vi.useRealTimers();
    }
  });

  it("passes on a failure", async () => {
    await expect(settleWithin(Promise.reject(new Error("no host")), 50, null)).rejects.toThrow("no host");
  });
});
