import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { computeGoalProgress } from "../contracts/progress.js";
import { rollUpSummaries } from "./rollup.js";
import { withProgress } from "../../../test/support/test-goals.js";
import type { Goal } from "./types.js";

const rollUpGoalTree = (goals: Goal[]) => rollUpSummaries(goals.map((g) => ({ ...g, progress: computeGoalProgress(g.keyResults) })));

describe("roll-up over the alignment tree", () => {
  test("a parent's own key results weigh 1 beside each child's weight", () => {
    const parent = withProgress(0, { id: "p" });
    const a = withProgress(100, { id: "a", parentId: "p", weight: 2 });
    const b = withProgress(50, { id: "b", parentId: "p", weight: 1 });
    const rolled = rollUpGoalTree([parent, a, b]);
    expect(rolled.get("p")).toBeCloseTo((0 * 1 + 1 * 2 + 0.5 * 1) / 4, 12);
    expect(rolled.get("a")).toBe(1);
  });

  test("grandchildren roll up through their parent", () => {
    const root = withProgress(0, { id: "r" });
    const mid = withProgress(0, { id: "m", parentId: "r" });
    const leaf = withProgress(100, { id: "l", parentId: "m" });
    const rolled = rollUpGoalTree([root, mid, leaf]);
    expect(rolled.get("m")).toBe(0.5);
    expect(rolled.get("r")).toBe(0.25);
  });

  test("drafts, rejected and cancelled children do not count", () => {
    const parent = withProgress(40, { id: "p" });
    const draft = withProgress(100, { id: "d", parentId: "p", status: "draft" });
    const cancelled = withProgress(100, { id: "c", parentId: "p", status: "cancelled" });
    expect(rollUpGoalTree([parent, draft, cancelled]).get("p")).toBe(0.4);
  });

  test("a cycle of parent links ends and stays in range", () => {
    const a = withProgress(10, { id: "a", parentId: "b" });
    const b = withProgress(90, { id: "b", parentId: "a" });
    const rolled = rollUpGoalTree([a, b]);
    expect(rolled.size).toBe(2);
  });

  test("property: every rolled value lies within the min and max of the own progress of its subtree", () => {
    const tree = fc.array(fc.record({ current: fc.integer({ min: 0, max: 100 }), parent: fc.nat(), weight: fc.integer({ min: 0, max: 5 }) }), { minLength: 1, maxLength: 30 });
    fc.assert(fc.property(tree, (nodes) => {
      const goals = nodes.map((n, i) => withProgress(n.current, { id: `n${i}`, parentId: i === 0 ? null : `n${n.parent % i}`, weight: n.weight }));
      const rolled = rollUpGoalTree(goals);
      const own = goals.map((g) => computeGoalProgress(g.keyResults));
      const lo = Math.min(...own), hi = Math.max(...own);
      for (const g of goals) {
        expect(rolled.get(g.id)!).toBeGreaterThanOrEqual(lo - 1e-9);
        expect(rolled.get(g.id)!).toBeLessThanOrEqual(hi + 1e-9);
      }
      const leaves = goals.filter((g) => !goals.some((c) => c.parentId === g.id));
      for (const leaf of leaves) expect(rolled.get(leaf.id)).toBe(computeGoalProgress(leaf.keyResults));
    }));
  });
});
