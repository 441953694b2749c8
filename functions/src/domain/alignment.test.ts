import { describe, expect, test } from "vitest";
import { buildAlignmentTree } from "./alignment.js";
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

describe("buildAlignmentTree", () => {
  const goals = new Map(
    [
      goal("root", "ceo", { isTopLevel: true, progress: 0.5 }),
      goal("open", "vp", { parentId: "root", progress: 1 }),
      goal("secret", "vp", { parentId: "root", visibility: "private", progress: 0 }),
      goal("under", "ic", { parentId: "secret", progress: 1 }),
    ].map((g) => [g.id, g]),
  );
  const childrenOf = new Map([
    ["root", ["open", "secret"]],
    ["secret", ["under"]],
  ]);
  const build = (canSeeSecret: boolean) =>
    buildAlignmentTree({ rootIds: ["root"], goals, childrenOf, isVisible: (g) => g.visibility === "public" || canSeeSecret, owners: new Map([["ceo", { id: "ceo", displayName: "Chief", jobTitle: null }]]), elapsedShare: 0.9, riskMargin: 0.1 });

  test("hidden goals are left out with their branch and counted; roll-ups are the same for everyone", () => {
    const [hidden] = build(false);
    const [shown] = build(true);
    expect(hidden!.children.map((c) => c.goal.id)).toEqual(["open"]);
    expect(hidden!.hiddenChildren).toBe(1);
    expect(shown!.children.map((c) => c.goal.id)).toEqual(["open", "secret"]);
    expect(shown!.children[1]!.children.map((c) => c.goal.id)).toEqual(["under"]);
    expect(hidden!.rolledUpProgress).toBeCloseTo(shown!.rolledUpProgress);
    expect(shown!.rolledUpProgress).toBeCloseTo((0.5 + 1 + 0.5) / 3);
  });

  test("owners come from the directory, or the indexed name; risk is judged on active goals", () => {
    const [root] = build(true);
    expect(root!.owner).toEqual({ id: "ceo", displayName: "Chief", jobTitle: null });
    expect(root!.children[0]!.owner).toEqual({ id: "vp", displayName: "VP", jobTitle: null });
    expect(root).toMatchObject({ isAtRisk: true, riskReason: "behind" });
    expect(root!.children[0]).toMatchObject({ isAtRisk: false });
  });
});
