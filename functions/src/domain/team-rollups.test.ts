import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { Dashboard } from "../contracts/views.js";
import { computeDashboard } from "./dashboard.js";
import { computeAllRollUps } from "./team-rollup-rebuild.js";
import type { RollUpSlot } from "./team-rollup-service.js";
import { CHECK_IN_BUCKET_MS, computeContribution, LIST_MAX, mergeRollUps, assembleDashboard, readTimedFigures, type RollUp } from "./team-rollups.js";
import { buildTestCycle, buildTestPerson, withProgress } from "../../../test/support/test-goals.js";
import type { Confidence, Goal, GoalStatus, Person } from "./types.js";

// Cycle 2027-01-01..2027-01-10; at noon on 2027-01-06 a little over half of it has gone by.
const cycle = buildTestCycle({ startDate: "2027-01-01", endDate: "2027-01-10" });
const now = new Date("2027-01-06T12:00:00Z");
const DAY = 86_400_000;
const MARGIN = 0.15;
/** An enabled person without reports, nothing aligned to their goals. */
const ALONE = { isEnabled: true, hasReports: false, alignedTo: new Set<string>() };

describe("a person's contribution", () => {
  test("counts by status, coverage, orphans and progress in millionths", () => {
    const owner = buildTestPerson("a", "m");
    const own = computeContribution(owner, [
      withProgress(60, { ownerId: "a", parentId: "x", weight: 2, lastCheckIn: { at: new Date(now.getTime() - 3 * DAY).toISOString(), confidence: "on_track" } }),
      withProgress(10, { ownerId: "a", status: "pending_approval" }),
      withProgress(30, { ownerId: "a", status: "completed", weight: 1 }),
    ], now, ALONE);
    expect(own.byStatus).toMatchObject({ active: 1, pending_approval: 1, completed: 1, draft: 0 });
    expect(own).toMatchObject({ covered: 1, withActive: 1, orphans: 1, progressMicros: 600_000, weightedMicros: 1_200_000 + 300_000, weightMicros: 3_000_000, pessimistic: 0 });
    expect(own.progressSteps).toEqual({ "600": 1 });
    expect(own.lowest.map((g) => g.ownerName)).toEqual([owner.displayName]);
  });

  test("counts open goals to realign and of owners who left, and keeps the public goals' figures alongside", () => {
    const own = computeContribution(buildTestPerson("a", "m"), [
      withProgress(20, { ownerId: "a", parentId: "x", visibility: "private", flags: ["needs_realignment"], lastCheckIn: { at: now.toISOString(), confidence: "off_track" } }),
      withProgress(50, { ownerId: "a", status: "draft", flags: ["owner_left"] }),
      withProgress(90, { ownerId: "a", parentId: "y", status: "completed", flags: ["needs_realignment"] }),
    ], now, ALONE);
    expect(own).toMatchObject({ needsRealignment: 1, ownerLeft: 1, covered: 1, pessimistic: 1 });
    expect(own.public).toMatchObject({ needsRealignment: 0, ownerLeft: 1, covered: 1, pessimistic: 0, lowest: [] });
    expect(own.public!.byStatus).toMatchObject({ active: 0, draft: 1, completed: 1 });
    const merged = mergeRollUps([own, own], now);
    expect(merged.public).toMatchObject({ ownerLeft: 2, covered: 2 });
    expect(merged.needsRealignment).toBe(2);
  });

  test("counts white space: active or waiting goals of someone with reports, or organisation goals, that nothing is aligned to", () => {
    const goals = [
      withProgress(10, { id: "w1", ownerId: "a" }),
      withProgress(10, { id: "w2", ownerId: "a", status: "pending_approval", visibility: "private" }),
      withProgress(10, { id: "aligned", ownerId: "a" }),
      withProgress(10, { id: "draft", ownerId: "a", status: "draft" }),
    ];
    const manager = computeContribution(buildTestPerson("a", null), goals, now, { isEnabled: true, hasReports: true, alignedTo: new Set(["aligned"]) });
    expect(manager.whiteSpace).toBe(2);
    expect(manager.public!.whiteSpace).toBe(1);
    const alone = computeContribution(buildTestPerson("a", null), [...goals, withProgress(10, { id: "org", ownerId: "a", isTopLevel: true })], now, ALONE);
    expect(alone.whiteSpace).toBe(1);
  });

  test("a disabled account's goals count, but it is not a person covered", () => {
    const own = computeContribution(buildTestPerson("a", "m", { accountEnabled: false }), [withProgress(10, { ownerId: "a", parentId: "x" })], now, { ...ALONE, isEnabled: false });
    expect(own).toMatchObject({ covered: 0, orphans: 0 });
    expect(own.byStatus.active).toBe(1);
  });

  test("time moves what is behind, fresh and overdue without touching the rows", () => {
    const goal = withProgress(40, { ownerId: "a", dueDate: "2027-01-05", lastCheckIn: { at: "2027-01-01T00:00:00.000Z", confidence: "on_track" } });
    const own = computeContribution(buildTestPerson("a", null), [goal], new Date("2027-01-01T00:00:00Z"), ALONE);
    expect(readTimedFigures(own, cycle, new Date("2027-01-02T00:00:00Z"), MARGIN)).toEqual({ atRisk: 0, overdue: 0, checkedIn7: 1, checkedIn14: 1 });
    expect(readTimedFigures(own, cycle, new Date("2027-01-09T00:00:00Z"), MARGIN)).toEqual({ atRisk: 1, overdue: 1, checkedIn7: 0, checkedIn14: 1 });
  });

  test("check-ins too old to count anywhere are dropped when roll-ups are added up", () => {
    const old = computeContribution(buildTestPerson("a", null), [withProgress(50, { lastCheckIn: { at: "2026-12-01T00:00:00.000Z", confidence: "on_track" } })], new Date("2026-12-02T00:00:00Z"), ALONE);
    expect(Object.keys(old.checkIns)).toHaveLength(1);
    expect(mergeRollUps([old], now).checkIns).toEqual({});
    expect(Number(Object.keys(old.checkIns)[0]) * CHECK_IN_BUCKET_MS).toBe(Date.parse("2026-12-01T00:00:00.000Z"));
  });

  test("lists keep the goals furthest behind, at most LIST_MAX, whatever the order they are added in", () => {
    const goals = Array.from({ length: LIST_MAX + 10 }, (_, i) => withProgress(i, { ownerId: "a", title: `Goal ${String(i).padStart(2, "0")}` }));
    const owner = buildTestPerson("a", null);
    const parts = goals.map((g) => computeContribution(owner, [g], now, ALONE));
    const forward = mergeRollUps(parts, now);
    const backward = mergeRollUps([...parts].reverse(), now);
    expect(forward).toEqual(backward);
    expect(forward.lowest.map((g) => g.title)).toEqual(goals.slice(0, LIST_MAX).map((g) => g.title));
  });
});

/** A random org: each person under someone earlier, some of them disabled, with random goals of one cycle. */
const world = fc
  .record({
    managers: fc.array(fc.nat(), { minLength: 1, maxLength: 12 }),
    disabled: fc.array(fc.boolean(), { maxLength: 13 }),
    goals: fc.array(
      fc.record({
        owner: fc.nat(),
        status: fc.constantFrom<GoalStatus>("draft", "pending_approval", "active", "active", "changes_requested", "rejected", "completed", "missed", "cancelled"),
        current: fc.integer({ min: 0, max: 100 }),
        confidence: fc.constantFrom<Confidence | null>(null, "on_track", "at_risk", "off_track"),
        checkInSteps: fc.integer({ min: 0, max: (20 * DAY) / CHECK_IN_BUCKET_MS }),
        aligned: fc.boolean(),
        weight: fc.constantFrom(0, 1, 2),
      }),
      { maxLength: 40 },
    ),
  })
  .map(({ managers, disabled, goals }) => {
    const people: Person[] = [buildTestPerson("p0", null)];
    managers.forEach((m, i) => people.push(buildTestPerson(`p${i + 1}`, `p${m % (i + 1)}`, { accountEnabled: !disabled[i + 1] })));
    const goalsByOwner = new Map<string, Goal[]>();
    goals.forEach((g, i) => {
      const ownerId = people[g.owner % people.length]!.id;
      const lastCheckIn = g.confidence ? { at: new Date(now.getTime() - g.checkInSteps * CHECK_IN_BUCKET_MS).toISOString(), confidence: g.confidence } : null;
      const goal = withProgress(g.current, { id: `g${i}`, title: `Goal ${i}`, ownerId, status: g.status, lastCheckIn, parentId: g.aligned ? "x" : null, weight: g.weight });
      goalsByOwner.set(ownerId, [...(goalsByOwner.get(ownerId) ?? []), goal]);
    });
    return { people, goalsByOwner };
  });

const rounded = (dashboard: Dashboard) => JSON.parse(JSON.stringify(dashboard, (_key, value: unknown) => (typeof value === "number" ? Math.round(value * 1e9) / 1e9 : value))) as Dashboard;

function subtreeOf(people: Person[], rootId: string): Person[] {
  const below: Person[] = [];
  const queue = [rootId];
  while (queue.length > 0) {
    const id = queue.shift()!;
    for (const p of people) if (p.managerId === id) {
      below.push(p);
      queue.push(p.id);
    }
  }
  return below;
}

describe("dashboards from roll-ups", () => {
  test("equal the dashboards computed from the whole subtree, for every manager", () => {
    fc.assert(
      fc.property(world, ({ people, goalsByOwner }) => {
        const rows = computeAllRollUps(people, goalsByOwner, now);
        const find = (at: string, slot: RollUpSlot) => rows.find((r) => r.at === at && JSON.stringify(r.slot) === JSON.stringify(slot))?.value;
        for (const manager of people) {
          const directReports = people.filter((p) => p.managerId === manager.id);
          const subtree = subtreeOf(people, manager.id);
          const expected = computeDashboard({ manager, people: subtree, directReports, goalsByOwner: new Map(subtree.map((p) => [p.id, goalsByOwner.get(p.id) ?? []])), cycle, now, riskMargin: MARGIN });
          const reports = directReports.map((person) => ({
            person,
            people: find(manager.id, { kind: "people", reportId: person.id }) as number,
            rollUp: (find(manager.id, { kind: "team", cycleId: cycle.id, reportId: person.id }) as RollUp | undefined) ?? null,
          }));
          expect(rounded(assembleDashboard({ manager, cycle, now, riskMargin: MARGIN, reports }))).toEqual(rounded(expected));
        }
      }),
      { numRuns: 200 },
    );
  });
});
