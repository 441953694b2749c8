/** The demo's check-in plan on fixed dates: weekly history for most goals, some recent, some stale,
 * a few at risk or off track, values that move towards the target without reaching it. */
import { describe, expect, it } from "vitest";
import { planCheckIns, type PlannedCheckIn } from "../../functions/dev/demo-checkins.js";
import { computeGoalProgress } from "../../functions/src/contracts/progress.js";
import { applyCheckInValues } from "../../functions/src/domain/checkins.js";
import { buildTestCycle, buildTestGoal } from "../support/test-goals.js";
import type { Goal } from "../../functions/src/domain/types.js";

const DAY_MS = 24 * 60 * 60 * 1000;
const cycle = buildTestCycle({ startDate: "2027-01-01", endDate: "2027-03-31" });
const MID_CYCLE = new Date("2027-02-20T10:00:00Z");

function buildDemoGoal(overrides: Partial<Goal> = {}): Goal {
  return buildTestGoal({
    createdAt: "2026-12-28T09:30:00.000Z",
    keyResults: [
      { id: "time", title: "Median page load time", kind: "decrease", start: 3.2, target: 1.6, current: 3.2, unitKind: "text", unit: "s" },
      { id: "budget", title: "Performance budget in every build", kind: "milestone", done: false },
    ],
    ...overrides,
  });
}

const daysBefore = (today: Date, at: Date) => (today.getTime() - at.getTime()) / DAY_MS;
const planAll = (goal: Goal, today: Date) => Array.from({ length: 20 }, (_, index) => planCheckIns(goal, index, cycle, today));

describe("the demo check-in plan", () => {
  it("gives most goals weeks of weekly history, some recent, some stale, a few at risk or off track", () => {
    const plans = planAll(buildDemoGoal(), MID_CYCLE);
    expect(plans.filter((p) => p.length >= 3).length).toBeGreaterThan(plans.length / 2);
    const lastAges = plans.map((p) => daysBefore(MID_CYCLE, p.at(-1)!.at));
    expect(lastAges.filter((days) => days <= 7).length).toBeGreaterThan(plans.length / 2);
    expect(lastAges.some((days) => days > 7 && days <= 14)).toBe(true);
    expect(lastAges.some((days) => days > 14)).toBe(true);
    const latest = plans.map((p) => p.at(-1)!.input.confidence);
    expect(latest.filter((c) => c === "at_risk").length).toBeGreaterThan(0);
    expect(latest.filter((c) => c === "off_track").length).toBeGreaterThan(0);
    expect(latest.filter((c) => c === "on_track").length).toBeGreaterThan(plans.length / 2);
    for (const plan of plans) {
      for (const [i, entry] of plan.entries()) if (i > 0) expect(entry.at.getTime() - plan[i - 1]!.at.getTime()).toBe(7 * DAY_MS);
    }
  });

  it("moves the values towards the target, keeps milestones done and never finishes a goal", () => {
    const goal = buildDemoGoal();
    for (const plan of planAll(goal, MID_CYCLE)) {
      let keyResults = goal.keyResults;
      let previous = computeGoalProgress(keyResults);
      for (const { input } of plan) {
        keyResults = applyCheckInValues(keyResults, input.keyResults);
        const progress = computeGoalProgress(keyResults);
        expect(progress).toBeGreaterThanOrEqual(previous);
        previous = progress;
      }
      expect(previous).toBeGreaterThan(0);
      expect(previous).toBeLessThan(1);
    }
  });

  it("keeps every check-in between the goal's writing and today, even on a cycle's first day", () => {
    const firstDay = new Date("2027-01-01T08:00:00Z");
    const lateGoal = buildDemoGoal({ createdAt: "2027-02-18T12:00:00.000Z" });
    const cases: Array<{ goal: Goal; today: Date }> = [{ goal: buildDemoGoal(), today: firstDay }, { goal: lateGoal, today: MID_CYCLE }, { goal: buildDemoGoal(), today: MID_CYCLE }];
    for (const { goal, today } of cases) {
      for (const plan of planAll(goal, today)) {
        expect(plan.length).toBeGreaterThan(0);
        const times = plan.map((p: PlannedCheckIn) => p.at.getTime());
        expect(Math.min(...times)).toBeGreaterThan(Date.parse(goal.createdAt));
        expect(Math.max(...times)).toBeLessThanOrEqual(today.getTime());
        expect(plan.length).toBeLessThanOrEqual(4);
      }
    }
  });
});
