/** The org cascade as a tree the views render: who is under whom, what a search finds, and the
 * flags of a branch or a goal in plain words. Pure, so it is tested without a browser. */
import type { BranchFigures, GoalInsight, OrgCascade, OrgCascadeNode } from "../../api/use-org-cascade.js";

export interface CascadeTree {
  root: OrgCascadeNode | undefined;
  byId: Map<string, OrgCascadeNode>;
  childrenOf: Map<string, string[]>;
}

export function indexCascade(cascade: OrgCascade): CascadeTree {
  const byId = new Map(cascade.nodes.map((node) => [node.person.id, node]));
  const childrenOf = new Map(cascade.nodes.map((node) => [node.person.id, node.reportIds.filter((id) => byId.has(id))]));
  return { root: byId.get(cascade.rootId), byId, childrenOf };
}

function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{Diacritic}/gu, "").toLowerCase();
}

function matchesAll(haystack: string, words: string[]): boolean {
  const folded = fold(haystack);
  return words.every((word) => folded.includes(word));
}

export interface SearchResult {
  /** People to show: the matches and everyone above them. */
  visible: Set<string>;
  /** People to open so the matches can be seen. */
  expanded: Set<string>;
  /** Goals whose title matches. */
  goalIds: Set<string>;
  count: number;
}

/** Every word must appear in a person's name, job title or department, or in one of their goals' titles. */
export function searchCascade(tree: CascadeTree, query: string): SearchResult | null {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return null;
  const result: SearchResult = { visible: new Set(), expanded: new Set(), goalIds: new Set(), count: 0 };
  for (const node of tree.byId.values()) {
    const person = node.person;
    const isPersonMatch = matchesAll([person.displayName, person.jobTitle ?? "", person.department ?? ""].join(" "), words);
    const goals = node.goals.filter((goal) => matchesAll(goal.title, words));
    if (!isPersonMatch && goals.length === 0) continue;
    result.count += (isPersonMatch ? 1 : 0) + goals.length;
    for (const goal of goals) result.goalIds.add(goal.id);
    if (goals.length > 0) result.expanded.add(person.id);
    result.visible.add(person.id);
    for (let up = node.managerId; up && !result.visible.has(up) && tree.byId.has(up); up = tree.byId.get(up)!.managerId) {
      result.visible.add(up);
      result.expanded.add(up);
    }
    if (node.managerId) result.expanded.add(node.managerId);
  }
  return result;
}

export type FlagTone = "danger" | "warning" | "informative";

export interface BranchFlag {
  id: "at-risk" | "realign" | "left" | "orphans" | "white-space";
  label: string;
  count: number;
  tone: FlagTone;
  description: string;
}

/** The branch's figures that need someone's attention; none when all is well. */
export function listBranchFlags(figures: BranchFigures): BranchFlag[] {
  const flags: BranchFlag[] = [
    { id: "at-risk", label: "at risk", count: figures.atRisk, tone: "danger", description: "Goals behind schedule or flagged by their owner" },
    { id: "realign", label: "to re-align", count: figures.needsRealignment, tone: "warning", description: "Goals whose parent is no longer in the owner's management chain" },
    { id: "left", label: "owner left", count: figures.ownerLeft, tone: "warning", description: "Goals of people who left, waiting to be given to someone or closed" },
    { id: "orphans", label: "not aligned", count: figures.orphans, tone: "informative", description: "Goals that are not aligned to any goal above" },
    { id: "white-space", label: "nothing aligned", count: figures.whiteSpace, tone: "informative", description: "Goals with no goal aligned to them yet (white space)" },
  ];
  return flags.filter((flag) => flag.count > 0);
}

export interface GoalFlagLabel {
  label: string;
  tone: FlagTone;
}

export function describeGoalFlags(goal: GoalInsight): GoalFlagLabel[] {
  const labels: GoalFlagLabel[] = [];
  if (goal.isAtRisk) labels.push({ label: goal.riskReason === "confidence" ? "At risk: owner says so" : "At risk: behind schedule", tone: "danger" });
  if (goal.flags.includes("needs_realignment")) labels.push({ label: "Needs re-alignment", tone: "warning" });
  if (goal.flags.includes("owner_left")) labels.push({ label: "Owner has left", tone: "warning" });
  if (goal.isOrphan) labels.push({ label: "Not aligned", tone: "informative" });
  if (goal.isWhiteSpace) labels.push({ label: "Nothing aligned to it yet", tone: "informative" });
  if (goal.flags.includes("cross_chain")) labels.push({ label: "Aligned outside the chain", tone: "informative" });
  return labels;
}

export function describeCoverage(figures: BranchFigures): string {
  if (figures.people === 0) return "Nobody here yet";
  return `${figures.covered} of ${figures.people} ${figures.people === 1 ? "person has" : "people have"} an aligned goal`;
}
