import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { computeGoalProgress, computeKeyResultProgress, rollUpProgress } from "./progress.js";
import type { KeyResult, NumberKeyResult } from "./types.js";

const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });
const numberKr = fc.record({ start: finite, target: finite, current: finite }).map((v): NumberKeyResult => ({ id: "k", title: "t", kind: "number", ...v }));
const milestoneKr = fc.boolean().map((done): KeyResult => ({ id: "m", title: "t", kind: "milestone", done }));
const anyKr = fc.oneof(numberKr, milestoneKr);

describe("progress maths (property-based)", () => {
  test("every key result's progress is in [0, 1]", () => {
    fc.assert(fc.property(anyKr, (kr) => {
      const p = computeKeyResultProgress(kr);
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(1);
    }));
  });

  test("reaching the target is done and staying at the start is nothing, for increasing and decreasing targets", () => {
    fc.assert(fc.property(finite, finite, (start, target) => {
      fc.pre(start !== target);
      expect(computeKeyResultProgress({ id: "k", title: "t", kind: "number", start, target, current: target })).toBe(1);
      expect(computeKeyResultProgress({ id: "k", title: "t", kind: "number", start, target, current: start })).toBe(0);
    }));
  });

  test("moving towards the target never lowers progress", () => {
    fc.assert(fc.property(numberKr, fc.double({ min: 0, max: 1, noNaN: true }), (kr, step) => {
      fc.pre(kr.start !== kr.target);
      const closer = { ...kr, current: kr.current + (kr.target - kr.current) * step };
      expect(computeKeyResultProgress(closer)).toBeGreaterThanOrEqual(computeKeyResultProgress(kr) - 1e-9);
    }));
  });

  test("a decreasing target mirrors an increasing one", () => {
    fc.assert(fc.property(finite, finite, finite, (start, target, current) => {
      const up = computeKeyResultProgress({ id: "k", title: "t", kind: "number", start, target, current });
      const down = computeKeyResultProgress({ id: "k", title: "t", kind: "number", start: -start, target: -target, current: -current });
      expect(down).toBeCloseTo(up, 9);
    }));
  });

  test("a goal's progress is the mean of its key results and lies between their min and max", () => {
    fc.assert(fc.property(fc.array(anyKr, { minLength: 1, maxLength: 5 }), (krs) => {
      const each = krs.map(computeKeyResultProgress);
      const p = computeGoalProgress(krs);
      expect(p).toBeGreaterThanOrEqual(Math.min(...each) - 1e-12);
      expect(p).toBeLessThanOrEqual(Math.max(...each) + 1e-12);
      expect(p).toBeCloseTo(each.reduce((a, b) => a + b, 0) / each.length, 9);
    }));
  });

  test("the weighted roll-up stays within its items, ignores non-positive weights and scales with no weight", () => {
    const weight = fc.oneof(fc.constant(0), fc.constant(-1), fc.double({ min: 0.001, max: 100, noNaN: true }));
    const item = fc.record({ progress: fc.double({ min: 0, max: 1, noNaN: true }), weight });
    fc.assert(fc.property(fc.array(item, { maxLength: 10 }), fc.double({ min: 0.01, max: 50, noNaN: true }), (items, factor) => {
      const counted = items.filter((i) => i.weight > 0);
      const result = rollUpProgress(items);
      if (counted.length === 0) {
        expect(result).toBe(0);
        return;
      }
      expect(result).toBeGreaterThanOrEqual(Math.min(...counted.map((i) => i.progress)) - 1e-9);
      expect(result).toBeLessThanOrEqual(Math.max(...counted.map((i) => i.progress)) + 1e-9);
      expect(rollUpProgress(items.map((i) => ({ ...i, weight: i.weight * factor })))).toBeCloseTo(result, 9);
    }));
  });
});
