import { describe, expect, test } from "vitest";
import { createWorkSlots } from "./work-slots.js";

describe("background work slots", () => {
  test("never run more than the limit at once, and run everything in arrival order", async () => {
    const slots = createWorkSlots(2);
    let running = 0;
    let peak = 0;
    const started: number[] = [];
    const results = await Promise.all(
      [0, 1, 2, 3, 4, 5].map((n) =>
        slots.run(async () => {
          started.push(n);
          peak = Math.max(peak, ++running);
          await new Promise((resolve) => setTimeout(resolve, 5));
          running--;
          return n * 10;
        }),
      ),
    );
    expect(peak).toBe(2);
    expect(started).toEqual([0, 1, 2, 3, 4, 5]);
    expect(results).toEqual([0, 10, 20, 30, 40, 50]);
  });

  test("a failing piece frees its slot", async () => {
    const slots = createWorkSlots(1);
    await expect(slots.run(() => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await slots.run(async () => "next")).toBe("next");
  });
});
