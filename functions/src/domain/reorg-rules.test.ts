import { describe, expect, test } from "vitest";
import { buildChainInSubtree, planAlignmentFlags } from "./reorg-rules.js";
import { buildTestGoal } from "../../../test/support/test-goals.js";

describe("planAlignmentFlags", () => {
  const chain = new Set(["manager", "director"]);
  const aligned = buildTestGoal({ ownerId: "me", parentId: "p" });

  test("a parent in the chain, or the owner's own, needs nothing", () => {
    expect(planAlignmentFlags(aligned, "director", chain)).toEqual([]);
    expect(planAlignmentFlags(aligned, "me", chain)).toEqual([]);
    expect(planAlignmentFlags({ ...aligned, flags: ["needs_realignment", "owner_left"] }, "manager", chain)).toEqual(["owner_left"]);
  });

  test("a parent outside the chain, or gone, needs re-alignment", () => {
    expect(planAlignmentFlags(aligned, "someone-else", chain)).toEqual(["needs_realignment"]);
    expect(planAlignmentFlags(aligned, undefined, chain)).toEqual(["needs_realignment"]);
  });

  test("a goal aligned across chains on purpose stays so; closed goals and goals without parent are left alone", () => {
    expect(planAlignmentFlags({ ...aligned, flags: ["cross_chain"] }, "someone-else", chain)).toEqual(["cross_chain"]);
    expect(planAlignmentFlags({ ...aligned, flags: ["cross_chain"] }, "manager", chain)).toEqual([]);
    expect(planAlignmentFlags({ ...aligned, status: "completed" }, "someone-else", chain)).toEqual([]);
    expect(planAlignmentFlags({ ...aligned, parentId: null, flags: ["needs_realignment"] }, null, chain)).toEqual([]);
  });
});

describe("buildChainInSubtree", () => {
  test("managers up to the moved person, the moved person, then the moved person's new chain", () => {
    const managerOf = new Map<string, string | null>([
      ["ic", "lead"],
      ["lead", "moved"],
    ]);
    expect([...buildChainInSubtree("ic", "moved", managerOf, ["new-boss", "ceo"])]).toEqual(["lead", "moved", "new-boss", "ceo"]);
  });

  test("a loop inside the subtree ends the walk", () => {
    const managerOf = new Map<string, string | null>([
      ["a", "b"],
      ["b", "a"],
    ]);
    expect([...buildChainInSubtree("a", "moved", managerOf, [])]).toEqual(["b", "a", "moved"]);
  });
});
