import { describe, expect, test } from "vitest";
import { computeAllFigures, computeFigures, sameAlignedRow, toAlignedRow } from "./alignment-rollups.js";
import { buildTestGoal } from "../../../test/support/test-goals.js";
import { rollUpSummaries } from "./rollup.js";
import { buildSummary as goal } from "../../../test/support/cascade-test-data.js";

describe("rollUpSummaries", () => {
  test("own progress weighs 1 beside each aligned goal under way, weighted by its weight", () => {
    const rolled = rollUpSummaries([
      goal("p", "o", { progress: 0.2 }),
      goal("c1", "o", { parentId: "p", progress: 1, weight: 3 }),
      goal("c2", "o", { parentId: "p", progress: 0.6, status: "pending_approval" }),
      goal("c3", "o", { parentId: "p", progress: 0, status: "missed" }),
    ]);
    expect(rolled.get("p")).toBeCloseTo((0.2 + 3 + 0) / 5);
  });

  test("a loop in parent links ends", () => {
    const rolled = rollUpSummaries([goal("a", "o", { parentId: "b", progress: 1 }), goal("b", "o", { parentId: "a", progress: 0 })]);
    expect(rolled.size).toBe(2);
  });
});

describe("kept figures", () => {
  test("a goal's figures from its own progress and its rows: the same as rolled up over the whole tree", () => {
    const tree = [
      goal("root", "ceo", { isTopLevel: true, progress: 0.5 }),
      goal("open", "vp", { parentId: "root", progress: 1, weight: 2 }),
      goal("secret", "vp", { parentId: "root", visibility: "private", progress: 0 }),
      goal("draft", "vp", { parentId: "root", progress: 0, status: "draft" }),
      goal("under", "ic", { parentId: "secret", progress: 1 }),
    ];
    const all = computeAllFigures(tree);
    expect(all.get("root")).toEqual({ rolledUpProgress: rollUpSummaries(tree).get("root"), alignedCount: 3 });
    expect(all.get("secret")).toEqual({ rolledUpProgress: 0.5, alignedCount: 1 });
    expect(all.get("under")).toEqual({ rolledUpProgress: 1, alignedCount: 0 });
    const below = tree.filter((g) => g.parentId === "root").map((g) => ({ ...g, ...all.get(g.id)! }));
    expect(computeFigures(0.5, below)).toEqual(all.get("root"));
    expect(computeFigures(0.5, below).rolledUpProgress).toBeCloseTo((0.5 + 2 * 1 + 0.5) / 4);
  });

  test("a row whose figures are not kept yet counts with its own progress", () => {
    expect(computeFigures(0, [{ status: "active", weight: 1, progress: 1, rolledUpProgress: null }])).toEqual({ rolledUpProgress: 0.5, alignedCount: 1 });
  });

  test("rows compare field by field, flags by value", () => {
    const row = { ...toAlignedRow(buildTestGoal({ id: "g1" }), []) };
    expect(sameAlignedRow(row, { ...row, flags: [...row.flags] })).toBe(true);
    expect(sameAlignedRow(row, { ...row, rolledUpProgress: 0.25 })).toBe(false);
    expect(sameAlignedRow(row, null)).toBe(false);
    expect(sameAlignedRow(null, null)).toBe(true);
  });
});
