/** The org cascade as a tree the views render: who is under whom, what a search finds, and the
 * flags of a branch or a goal in plain words. Pure, so it is tested without a browser. */
import type { BranchFigures, GoalInsight, OrgCascade, OrgCascadeNode } from "../../api/use-org-cascade.js";
import type { Translator } from "../../i18n/translator.js";

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
  /** The count and what it counts, e.g. "2 at risk". */
  label: string;
  count: number;
  tone: FlagTone;
  description: string;
}

const BRANCH_FLAGS: ReadonlyArray<{ id: BranchFlag["id"]; figure: keyof BranchFigures; tone: FlagTone }> = [
  { id: "at-risk", figure: "atRisk", tone: "danger" },
  { id: "realign", figure: "needsRealignment", tone: "warning" },
  { id: "left", figure: "ownerLeft", tone: "warning" },
  { id: "orphans", figure: "orphans", tone: "informative" },
  { id: "white-space", figure: "whiteSpace", tone: "informative" },
];

/** The branch's figures that need someone's attention; none when all is well. */
export function listBranchFlags(figures: BranchFigures, tr: Translator): BranchFlag[] {
  return BRANCH_FLAGS.map(({ id, figure, tone }) => {
    const count = Number(figures[figure]);
    return { id, count, tone, label: tr.t(`org.flag.${id}`, { count }), description: tr.t(`org.flag.${id}.description`) };
  }).filter((flag) => flag.count > 0);
}

export interface GoalFlagLabel {
  label: string;
  tone: FlagTone;
}

export function describeGoalFlags(goal: GoalInsight, tr: Translator): GoalFlagLabel[] {
  const { t } = tr;
  const labels: GoalFlagLabel[] = [];
  if (goal.isAtRisk) labels.push({ label: goal.riskReason === "confidence" ? t("org.goalFlag.atRiskOwner") : t("org.goalFlag.atRiskBehind"), tone: "danger" });
  if (goal.flags.includes("needs_realignment")) labels.push({ label: t("org.goalFlag.realign"), tone: "warning" });
  if (goal.flags.includes("owner_left")) labels.push({ label: t("org.goalFlag.ownerLeft"), tone: "warning" });
  if (goal.isOrphan) labels.push({ label: t("org.goalFlag.orphan"), tone: "informative" });
  if (goal.isWhiteSpace) labels.push({ label: t("org.goalFlag.whiteSpace"), tone: "informative" });
  if (goal.flags.includes("cross_chain")) labels.push({ label: t("org.goalFlag.crossChain"), tone: "informative" });
  return labels;
}

export function describeCoverage(figures: BranchFigures, tr: Translator): string {
  if (figures.people === 0) return tr.t("org.coverage.nobody");
  return tr.t("org.coverage", { covered: figures.covered, count: figures.people });
}
