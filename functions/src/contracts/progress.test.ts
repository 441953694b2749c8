import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { computeGoalProgress, computeKeyResultProgress, rollUpProgress } from "./progress.js";
import type { KeyResult } from "./key-results.js";

const num = (start: number, target: number, current: number): KeyResult => ({ id: "k", title: "t", kind: target < start ? "decrease" : "increase", start, target, current, unitKind: "text" });

describe("key result progress", () => {
  test("increasing and decreasing targets", () => {
    expect(computeKeyResultProgress(num(0, 100, 25))).toBe(0.25);
    expect(computeKeyResultProgress(num(90, 30, 60))).toBe(0.5);
    expect(computeKeyResultProgress(num(90, 30, 100))).toBe(0);
    expect(computeKeyResultProgress(num(0, 10, 15))).toBe(1);
  });

  test("a kept threshold is all of the way while the latest value holds it", () => {
    const keep = (kind: "keep_above" | "keep_below", current: number): KeyResult => ({ id: "k", title: "t", kind, start: 97, target: 99, current, unitKind: "percent" });
    expect(computeKeyResultProgress(keep("keep_above", 99))).toBe(1);
    expect(computeKeyResultProgress(keep("keep_above", 98.9))).toBe(0);
    expect(computeKeyResultProgress(keep("keep_below", 99))).toBe(1);
    expect(computeKeyResultProgress(keep("keep_below", 99.1))).toBe(0);
  });

  test("milestones are all or nothing", () => {
    expect(computeKeyResultProgress({ id: "m", title: "t", kind: "milestone", done: true })).toBe(1);
    expect(computeKeyResultProgress({ id: "m", title: "t", kind: "milestone", done: false })).toBe(0);
  });

  test("always within [0, 1] and monotonic towards the target", () => {
    const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(finite, finite, finite, finite, (start, target, a, b) => {
        const pa = computeKeyResultProgress(num(start, target, a));
        const pb = computeKeyResultProgress(num(start, target, b));
        expect(pa).toBeGreaterThanOrEqual(0);
        expect(pa).toBeLessThanOrEqual(1);
        const isCloserToTarget = target >= start ? b >= a : b <= a;
        if (target !== start && isCloserToTarget) expect(pb).toBeGreaterThanOrEqual(pa);
      }),
    );
  });
});

describe("goal progress and roll-up", () => {
  test("goal progress is the mean of its key results", () => {
    expect(computeGoalProgress([num(0, 10, 5), { id: "m", title: "t", kind: "milestone", done: true }])).toBe(0.75);
    expect(computeGoalProgress([])).toBe(0);
  });

  test("roll-up is weighted and ignores zero weights", () => {
    expect(rollUpProgress([{ progress: 1, weight: 3 }, { progress: 0, weight: 1 }])).toBe(0.75);
    expect(rollUpProgress([{ progress: 1, weight: 0 }])).toBe(0);
  });

  test("roll-up lies between the smallest and largest child", () => {
    const item = fc.record({ progress: fc.double({ min: 0, max: 1, noNaN: true }), weight: fc.double({ min: 0.01, max: 100, noNaN: true }) });
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 20 }), (items) => {
        const result = rollUpProgress(items);
        const values = items.map((i) => i.progress);
        expect(result).toBeGreaterThanOrEqual(Math.min(...values) - 1e-9);
        expect(result).toBeLessThanOrEqual(Math.max(...values) + 1e-9);
      }),
    );
  });
});
