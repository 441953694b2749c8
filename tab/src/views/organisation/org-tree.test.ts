import { describe, expect, test } from "vitest";
import { english } from "../../../../test/support/tab-translator.js";
import type { BranchFigures, GoalInsight, OrgCascade, OrgCascadeNode } from "../../api/use-org-cascade.js";
import { describeCoverage, describeGoalFlags, indexCascade, listBranchFlags, searchCascade } from "./org-tree.js";

const FIGURES: BranchFigures = { people: 1, covered: 1, coverage: 1, goals: 1, orphans: 0, whiteSpace: 0, atRisk: 0, needsRealignment: 0, ownerLeft: 0, progress: 0.5 };

function buildGoal(id: string, title: string, overrides: Partial<GoalInsight> = {}): GoalInsight {
  return {
    id, title, ownerId: "o", ownerName: "O", cycleId: "c", parentId: null, isTopLevel: false, status: "active", weight: 1, visibility: "public", flags: [],
    progress: 0.5, confidence: null, lastCheckInAt: null, dueDate: null, updatedAt: "", rolledUpProgress: 0.5, isAtRisk: false, riskReason: null,
    isOrphan: false, isWhiteSpace: false, alignedCount: 0, ...overrides,
  };
}

function buildNode(id: string, name: string, managerId: string | null, reportIds: string[], goals: GoalInsight[] = []): OrgCascadeNode {
  return { person: { id, displayName: name, jobTitle: null, department: "Sales", isEnabled: true, hasLeft: false }, managerId, depth: 0, reportIds, reportsCount: reportIds.length, figures: FIGURES, goals };
}

const cascade = {
  rootId: "ceo",
  nodes: [
    buildNode("ceo", "Amara Okafor", null, ["cro", "cto"]),
    buildNode("cro", "Grace Mensah", "ceo", ["ae"]),
    buildNode("cto", "Daniel Kim", "ceo", []),
    buildNode("ae", "Fatou Diallo", "cro", [], [buildGoal("g1", "Win 40 new customers"), buildGoal("g2", "Renew every contract")]),
  ],
} as unknown as OrgCascade;

describe("searchCascade", () => {
  const tree = indexCascade(cascade);

  test("a person match shows them and everyone above, opened", () => {
    const result = searchCascade(tree, "fatou")!;
    expect([...result.visible].sort()).toEqual(["ae", "ceo", "cro"]);
    expect(result.expanded.has("ceo") && result.expanded.has("cro")).toBe(true);
    expect(result.count).toBe(1);
  });

  test("a goal title match opens its owner; accents and case do not matter", () => {
    const result = searchCascade(tree, "CUSTOMERS win")!;
    expect(result.goalIds).toEqual(new Set(["g1"]));
    expect(result.expanded.has("ae")).toBe(true);
    expect(searchCascade(tree, "Mensáh")!.visible.has("cro")).toBe(true);
  });

  test("an empty query is no search; nothing found is an empty result", () => {
    expect(searchCascade(tree, "  ")).toBeNull();
    expect(searchCascade(tree, "nobody")!.count).toBe(0);
  });
});

describe("flags in plain words", () => {
  test("only the branch figures that need attention", () => {
    expect(listBranchFlags(FIGURES, english)).toEqual([]);
    expect(listBranchFlags({ ...FIGURES, atRisk: 2, whiteSpace: 1 }, english).map((f) => f.label)).toEqual(["2 at risk", "1 nothing aligned"]);
  });

  test("a goal's marks", () => {
    const goal = buildGoal("g", "t", { isAtRisk: true, riskReason: "behind", flags: ["needs_realignment", "owner_left"], isWhiteSpace: true });
    expect(describeGoalFlags(goal, english).map((f) => f.label)).toEqual(["At risk: behind schedule", "Needs re-alignment", "Owner has left", "Nothing aligned to it yet"]);
  });

  test("coverage", () => {
    expect(describeCoverage({ ...FIGURES, people: 4, covered: 3 }, english)).toBe("3 of 4 people have an aligned goal");
    expect(describeCoverage({ ...FIGURES, people: 0 }, english)).toBe("Nobody here yet");
  });
});
