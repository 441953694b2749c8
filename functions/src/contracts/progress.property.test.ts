import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { computeGoalProgress, computeKeyResultProgress, rollUpProgress } from "./progress.js";
import { MEASURED_KINDS, type KeyResult, type MeasuredKeyResult, type MeasuredKind, type UnitKind } from "./key-results.js";

const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });
const unitKind = fc.constantFrom<UnitKind>("text", "percent", "currency");
const measuredKr = (kind: MeasuredKind) =>
  fc.record({ start: finite, target: finite, current: finite, unitKind }).map((v): MeasuredKeyResult => {
    // Increases and decreases only ever hold a target on their own side of the start.
    if (kind === "increase" && v.target < v.start) return { id: "k", title: "t", kind, ...v, start: v.target, target: v.start };
    if (kind === "decrease" && v.target > v.start) return { id: "k", title: "t", kind, ...v, start: v.target, target: v.start };
    return { id: "k", title: "t", kind, ...v };
  });
const anyMeasured = fc.constantFrom<MeasuredKind>(...MEASURED_KINDS).chain(measuredKr);
const milestoneKr = fc.boolean().map((done): KeyResult => ({ id: "m", title: "t", kind: "milestone", done }));
const anyKr = fc.oneof(anyMeasured, milestoneKr);

/** True when `b` is at least as good as `a` for this kind: higher for the upward kinds, lower for the downward ones. */
function isNoWorse(kind: MeasuredKind, a: number, b: number): boolean {
  return kind === "increase" || kind === "keep_above" ? b >= a : b <= a;
}

describe("progress maths (property-based)", () => {
  test("every key result's progress is in [0, 1], for all five kinds", () => {
    fc.assert(fc.property(anyKr, (kr) => {
      const p = computeKeyResultProgress(kr);
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(1);
    }));
  });

  test("a better latest value never lowers progress, in each kind's own direction", () => {
    fc.assert(fc.property(anyMeasured, finite, (kr, other) => {
      const better = isNoWorse(kr.kind, kr.current, other) ? other : kr.current;
      const worse = better === other ? kr.current : other;
      expect(computeKeyResultProgress({ ...kr, current: better })).toBeGreaterThanOrEqual(computeKeyResultProgress({ ...kr, current: worse }));
    }));
  });

  test("reaching the target is done and staying at the start is nothing, for increases and decreases", () => {
    fc.assert(fc.property(fc.constantFrom("increase" as const, "decrease" as const).chain(measuredKr), (kr) => {
      fc.pre(kr.start !== kr.target);
      expect(computeKeyResultProgress({ ...kr, current: kr.target })).toBe(1);
      expect(computeKeyResultProgress({ ...kr, current: kr.start })).toBe(0);
    }));
  });

  test("a decrease mirrors an increase", () => {
    fc.assert(fc.property(measuredKr("increase"), (kr) => {
      const up = computeKeyResultProgress(kr);
      const down = computeKeyResultProgress({ ...kr, kind: "decrease", start: -kr.start, target: -kr.target, current: -kr.current });
      expect(down).toBeCloseTo(up, 9);
    }));
  });

  test("a kept threshold is all or nothing: held exactly when the latest value is on its side, whatever the baseline", () => {
    fc.assert(fc.property(fc.constantFrom("keep_above" as const, "keep_below" as const).chain(measuredKr), (kr) => {
      const isHeld = kr.kind === "keep_above" ? kr.current >= kr.target : kr.current <= kr.target;
      expect(computeKeyResultProgress(kr)).toBe(isHeld ? 1 : 0);
      expect(computeKeyResultProgress({ ...kr, current: kr.target })).toBe(1);
    }));
  });

  test("moving towards the target never lowers progress", () => {
    fc.assert(fc.property(fc.constantFrom("increase" as const, "decrease" as const).chain(measuredKr), fc.double({ min: 0, max: 1, noNaN: true }), (kr, step) => {
      fc.pre(kr.start !== kr.target);
      // Kept between the latest value and the target: rounding may otherwise land a hair past the target.
      const between = kr.current + (kr.target - kr.current) * step;
      const closer = { ...kr, current: Math.min(Math.max(between, Math.min(kr.current, kr.target)), Math.max(kr.current, kr.target)) };
      expect(computeKeyResultProgress(closer)).toBeGreaterThanOrEqual(computeKeyResultProgress(kr) - 1e-9);
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
