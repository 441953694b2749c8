import { describe, expect, test } from "vitest";
import { computeDashboard } from "./dashboard.js";
import { buildTestCycle, buildTestPerson, withProgress } from "../../../test/support/test-goals.js";
import type { Goal } from "./types.js";

// Cycle 2027-01-01..2027-01-10 (10 days); now = 2027-01-06: half the cycle has gone by.
const cycle = buildTestCycle({ startDate: "2027-01-01", endDate: "2027-01-10" });
const now = new Date("2027-01-06T00:00:00Z");
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();

// m → (a → (a1, a2), b); c has no goals.
const manager = buildTestPerson("m", null);
const a = buildTestPerson("a", "m");
const a1 = buildTestPerson("a1", "a");
const a2 = buildTestPerson("a2", "a");
const b = buildTestPerson("b", "m");
const c = buildTestPerson("c", "m");

function fixture(): Map<string, Goal[]> {
  return new Map([
    // a: one aligned active goal at 60 %, checked in 3 days ago; one pending approval.
    ["a", [withProgress(60, { ownerId: "a", parentId: "x", lastCheckIn: { at: daysAgo(3), confidence: "on_track" } }), withProgress(0, { ownerId: "a", status: "pending_approval" })]],
    // a1: unaligned active goal at 10 % (behind: 0.10 < 0.50 − 0.15), checked in 10 days ago.
    ["a1", [withProgress(10, { ownerId: "a1", lastCheckIn: { at: daysAgo(10), confidence: "on_track" } })]],
    // a2: aligned active goal at 80 % but owner says at risk, checked in 20 days ago; a draft.
    ["a2", [withProgress(80, { ownerId: "a2", parentId: "x", lastCheckIn: { at: daysAgo(20), confidence: "at_risk" } }), withProgress(0, { ownerId: "a2", status: "draft" })]],
    // b: completed aligned goal, and a cancelled one.
    ["b", [withProgress(100, { ownerId: "b", parentId: "x", status: "completed" }), withProgress(5, { ownerId: "b", status: "cancelled" })]],
  ]);
}

describe("dashboard figures against a hand-computed fixture", () => {
  const dashboard = computeDashboard({ manager, people: [a, a1, a2, b, c], directReports: [a, b, c], goalsByOwner: fixture(), cycle, now, riskMargin: 0.15 });

  test("the subtree summary", () => {
    expect(dashboard.elapsedShare).toBe(0.5);
    expect(dashboard.summary).toEqual({
      people: 5,
      goals: 5, // 3 active + 1 pending + 1 completed; draft and cancelled do not count
      activeGoals: 3,
      coverage: 3 / 5, // a, a2 (aligned active) and b (aligned completed)
      averageProgress: (0.6 + 0.1 + 0.8) / 3,
      atRisk: 2, // a1 behind, a2 by confidence
      checkedInWithin7Days: 1 / 3,
      checkedInWithin14Days: 2 / 3,
      pendingApprovals: 1,
    });
    expect(dashboard.byStatus).toMatchObject({ active: 3, pending_approval: 1, completed: 1, draft: 1, cancelled: 1 });
  });

  test("per direct report, each with their own team", () => {
    const [teamA, teamB, teamC] = dashboard.directReports;
    expect(teamA!.person.id).toBe("a");
    expect(teamA!.figures).toMatchObject({ people: 3, goals: 4, activeGoals: 3, coverage: 2 / 3, atRisk: 2, pendingApprovals: 1 });
    expect(teamB!.figures).toMatchObject({ people: 1, goals: 1, activeGoals: 0, coverage: 1, averageProgress: 0, atRisk: 0 });
    expect(teamC!.figures).toMatchObject({ people: 1, goals: 0, coverage: 0, checkedInWithin7Days: 0 });
  });

  test("goals at risk, most behind first, with why", () => {
    expect(dashboard.atRiskGoals.map((g) => [g.ownerId, g.reason, g.progress])).toEqual([
      ["a1", "behind", 0.1],
      ["a2", "confidence", 0.8],
    ]);
    expect(dashboard.atRiskGoals[0]!.ownerName).toBe("A1");
  });

  test("an empty team has zeros, not NaN", () => {
    const empty = computeDashboard({ manager, people: [], directReports: [], goalsByOwner: new Map(), cycle, now, riskMargin: 0.15 });
    expect(empty.summary).toMatchObject({ people: 0, coverage: 0, averageProgress: 0, checkedInWithin7Days: 0 });
  });
});
