import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { assessGoalRisk, assessProgressRisk, computeElapsedShare } from "./risk.js";
import { buildTestCycle, withProgress } from "../../../test/support/test-goals.js";

const cycle = buildTestCycle({ startDate: "2027-01-01", endDate: "2027-01-10" });

describe("elapsed share and at-risk", () => {
  test("elapsed share counts the end date as a whole day", () => {
    expect(computeElapsedShare(cycle, new Date("2026-12-31T00:00:00Z"))).toBe(0);
    expect(computeElapsedShare(cycle, new Date("2027-01-06T00:00:00Z"))).toBe(0.5);
    expect(computeElapsedShare(cycle, new Date("2027-01-11T00:00:00Z"))).toBe(1);
  });

  test("behind by more than the margin is at risk; within it is not", () => {
    const now = new Date("2027-01-06T00:00:00Z");
    expect(assessGoalRisk(withProgress(30), cycle, now, 0.15)).toMatchObject({ isAtRisk: true, reason: "behind" });
    expect(assessGoalRisk(withProgress(40), cycle, now, 0.15)).toMatchObject({ isAtRisk: false, reason: null });
  });

  test("the owner's confidence wins; only active goals can be at risk", () => {
    const now = new Date("2027-01-02T00:00:00Z");
    const worried = withProgress(100, { lastCheckIn: { at: "2027-01-01T10:00:00Z", confidence: "off_track" } });
    expect(assessGoalRisk(worried, cycle, now, 0.15)).toMatchObject({ isAtRisk: true, reason: "confidence" });
    expect(assessGoalRisk({ ...worried, status: "completed" }, cycle, now, 0.15).isAtRisk).toBe(false);
  });

  test("property: the rule is exactly 'pessimistic or progress < elapsed − margin'", () => {
    const share = fc.double({ min: 0, max: 1, noNaN: true });
    const confidence = fc.constantFrom(null, "on_track", "at_risk", "off_track" as const);
    fc.assert(fc.property(share, share, share, confidence, (progress, elapsed, margin, conf) => {
      const result = assessProgressRisk(progress, conf, elapsed, margin);
      const expected = conf === "at_risk" || conf === "off_track" || progress < elapsed - margin;
      expect(result.isAtRisk).toBe(expected);
    }));
  });

  test("property: more progress never makes an on-track goal riskier; a larger margin never adds risk", () => {
    const share = fc.double({ min: 0, max: 1, noNaN: true });
    fc.assert(fc.property(share, share, share, share, (p, more, elapsed, margin) => {
      const higher = Math.min(1, p + more);
      if (!assessProgressRisk(p, "on_track", elapsed, margin).isAtRisk) expect(assessProgressRisk(higher, "on_track", elapsed, margin).isAtRisk).toBe(false);
      if (!assessProgressRisk(p, null, elapsed, margin).isAtRisk) expect(assessProgressRisk(p, null, elapsed, margin + more).isAtRisk).toBe(false);
    }));
  });
});
