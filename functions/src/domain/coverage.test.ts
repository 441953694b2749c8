import { describe, expect, test } from "vitest";
import { buildCascadePerson as person, buildSummary as goal } from "../../../test/support/cascade-test-data.js";
import { computeCoverage, listWhiteSpaceCandidates, orderFromRoot } from "./coverage.js";

/** r ── a ── a1, a2 (disabled)
 *  └─── b              plus x, y who manage each other (unreachable from r) */
const people = [
  person("r", null),
  person("a", "r"),
  person("a1", "a"),
  person("a2", "a", { isEnabled: false }),
  person("b", "r"),
  person("x", "y"),
  person("y", "x"),
];

const goals = [
  goal("r1", "r", { isTopLevel: true, progress: 0.8 }),
  goal("a1g", "a", { parentId: "r1", progress: 0.4, weight: 2 }),
  goal("a1x", "a1", { parentId: "a1g", progress: 0 }),
  goal("a1d", "a1", { status: "draft" }),
  goal("a2g", "a2", { parentId: "a1g", flags: ["owner_left"], progress: 1 }),
  goal("bg", "b", { status: "completed", progress: 1 }),
  goal("bx", "b", { status: "cancelled" }),
];

const input = { rootId: "r", people, goals, alignedElsewhere: new Set<string>(), elapsedShare: 0.5, riskMargin: 0.15 };

describe("orderFromRoot", () => {
  test("managers before reports, by name; people outside the root's tree are left out", () => {
    const { order, reportsOf } = orderFromRoot("r", people);
    expect(order).toEqual(["r", "a", "b", "a1", "a2"]);
    expect(reportsOf.get("a")).toEqual(["a1", "a2"]);
  });
});

describe("computeCoverage", () => {
  const result = computeCoverage(input);

  test("branch figures, hand computed", () => {
    expect(result.figures.get("r")).toEqual({
      people: 4,
      covered: 3,
      coverage: 0.75,
      goals: 6,
      orphans: 1,
      whiteSpace: 0,
      atRisk: 1,
      needsRealignment: 0,
      ownerLeft: 1,
      progress: (0.8 + 0.4 * 2 + 0 + 1 + 1) / 6,
    });
    expect(result.figures.get("a")).toMatchObject({ people: 2, covered: 2, coverage: 1, orphans: 1, atRisk: 1, ownerLeft: 1 });
    expect(result.figures.get("b")).toMatchObject({ people: 1, covered: 0, goals: 1, orphans: 0, progress: 1 });
  });

  test("goal marks: roll-up, risk, orphan, aligned count", () => {
    const byId = new Map([...result.goalsOf.values()].flat().map((g) => [g.id, g]));
    expect(byId.get("a1x")).toMatchObject({ isAtRisk: true, riskReason: "behind" });
    expect(byId.get("a1d")).toMatchObject({ isOrphan: true, isAtRisk: false });
    expect(byId.get("a1g")?.alignedCount).toBe(2);
    expect(byId.get("a1g")?.rolledUpProgress).toBeCloseTo((0.4 + 0 + 1) / 3);
    expect(byId.get("r1")?.rolledUpProgress).toBeCloseTo((0.8 + ((0.4 + 0 + 1) / 3) * 2) / 3);
  });

  test("white space: a manager's goal with nothing aligned, unless aligned from outside the view", () => {
    const lonely = [...goals, goal("a2nd", "a", { parentId: "r1" })];
    expect(listWhiteSpaceCandidates("r", people, lonely).map((g) => g.id)).toEqual(["a2nd"]);
    expect(computeCoverage({ ...input, goals: lonely }).figures.get("r")?.whiteSpace).toBe(1);
    expect(computeCoverage({ ...input, goals: lonely, alignedElsewhere: new Set(["a2nd"]) }).figures.get("r")?.whiteSpace).toBe(0);
  });

  test("a deleted leaver's goals count, the leaver does not", () => {
    const leaver = person("gone", "b", { isEnabled: false, hasLeft: true });
    const withLeaver = computeCoverage({ ...input, people: [...people, leaver], goals: [...goals, goal("gg", "gone", { parentId: "r1", flags: ["owner_left"] })] });
    expect(withLeaver.figures.get("b")).toMatchObject({ people: 1, covered: 0, goals: 2, ownerLeft: 1 });
  });

  test("roll-ups may count goals the viewer does not see", () => {
    const hidden = goal("hid", "a1", { parentId: "a1g", visibility: "private", progress: 1 });
    const seen = computeCoverage({ ...input, rollUpGoals: [...goals, hidden] });
    const a1g = [...seen.goalsOf.values()].flat().find((g) => g.id === "a1g");
    expect(a1g?.rolledUpProgress).toBeCloseTo((0.4 + 0 + 1 + 1) / 4);
    expect(seen.figures.get("r")?.goals).toBe(6);
  });
});

describe("computeCoverage with branches cut off", () => {
  // r ── a, b: a's reports are not loaded; their branch is kept elsewhere.
  const cutPeople = [person("r", null), person("a", "r"), person("b", "r")];
  const cutGoals = [goal("r1", "r", { isTopLevel: true }), goal("ag", "a", { parentId: "r1" }), goal("bg", "b", { parentId: "r1" })];
  // The kept white space is the whole branch's: the head's goal and two goals further down.
  const kept = { people: 5, covered: 4, goals: 7, orphans: 1, whiteSpace: 3, atRisk: 2, needsRealignment: 1, ownerLeft: 0, weighted: 3, weights: 6 };
  const result = computeCoverage({ rootId: "r", people: cutPeople, goals: cutGoals, alignedElsewhere: new Set(), elapsedShare: 0, riskMargin: 0.15, managers: new Set(["a"]), branches: new Map([["a", kept]]) });

  test("a kept branch stands for its head's own figures, and adds up to the root", () => {
    expect(result.figures.get("a")).toMatchObject({ people: 5, covered: 4, goals: 7, orphans: 1, atRisk: 2, needsRealignment: 1, coverage: 0.8, progress: 0.5 });
    expect(result.figures.get("r")).toMatchObject({ people: 7, covered: 6, goals: 9, orphans: 1, atRisk: 2 });
  });

  test("the head of a cut branch has reports: a goal nothing is aligned to yet is white space, and the branch counts the kept white space", () => {
    expect(result.goalsOf.get("a")![0]!.isWhiteSpace).toBe(true);
    expect(result.goalsOf.get("b")![0]!.isWhiteSpace).toBe(false);
    expect(result.figures.get("a")!.whiteSpace).toBe(3);
    expect(result.figures.get("r")!.whiteSpace).toBe(3);
    expect(listWhiteSpaceCandidates("r", cutPeople, cutGoals, new Set(["a"])).map((g) => g.id)).toEqual(["ag"]);
  });
});
