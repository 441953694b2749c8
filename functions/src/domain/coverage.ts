/** Coverage, orphans, white space, risk and roll-up over an org subtree. Pure: the caller loads the
 * people of the subtree and the goals of one cycle that the viewer may see.
 * - coverage: share of enabled people with an aligned goal that is active or completed;
 * - orphan: an open goal that aligns to nothing and is not an organisation goal;
 * - white space: an active or waiting goal of someone with reports (or an organisation goal) that
 *   nothing is aligned to yet. */
import type { GoalSummary } from "./cascade-ports.js";
import { isCountedInRollUp, rollUpSummaries } from "./rollup.js";
import { assessProgressRisk } from "./risk.js";
import type { GoalStatus } from "./types.js";
import type { BranchFigures, CascadePerson, GoalInsight } from "../contracts/views.js";

export type { BranchFigures, CascadePerson, GoalInsight } from "../contracts/views.js";

export interface CoverageInput {
  rootId: string;
  people: CascadePerson[];
  goals: GoalSummary[];
  /** Goals whose progress rolls up, seen or not (defaults to goals): a parent's roll-up is the same for everyone. */
  rollUpGoals?: GoalSummary[];
  /** Goals known to have an aligned goal outside the view, so they are not white space. */
  alignedElsewhere: ReadonlySet<string>;
  elapsedShare: number;
  riskMargin: number;
  /** People with reports outside `people` (branches cut off below the view's deepest level). */
  managers?: ReadonlySet<string>;
  /** Figures of whole branches kept elsewhere (people whose reports are not in `people`): they stand
   * for the person's own, white space included. */
  branches?: ReadonlyMap<string, BranchTally>;
}

export interface CoverageResult {
  /** Everyone reachable from the root, parents before their reports. */
  order: string[];
  reportsOf: Map<string, string[]>;
  figures: Map<string, BranchFigures>;
  goalsOf: Map<string, GoalInsight[]>;
}

const OPEN: ReadonlySet<GoalStatus> = new Set(["draft", "pending_approval", "changes_requested", "active"]);
const UNCOUNTED: ReadonlySet<GoalStatus> = new Set(["rejected", "cancelled"]);
const PARENT_CANDIDATE: ReadonlySet<GoalStatus> = new Set(["active", "pending_approval"]);

export const isOrphanGoal = (g: Pick<GoalSummary, "status" | "isTopLevel" | "parentId">) => OPEN.has(g.status) && !g.isTopLevel && g.parentId === null;
const isAlignedContribution = (g: GoalSummary) => (g.status === "active" || g.status === "completed") && (g.parentId !== null || g.isTopLevel);

/** Breadth-first from the root over the managerId links; anyone unreachable is left out. */
export function orderFromRoot(rootId: string, people: CascadePerson[]): { order: string[]; reportsOf: Map<string, string[]> } {
  const reportsOf = new Map<string, string[]>();
  for (const p of [...people].sort((a, b) => a.displayName.localeCompare(b.displayName))) {
    if (p.id === rootId || p.managerId === null) continue;
    reportsOf.set(p.managerId, [...(reportsOf.get(p.managerId) ?? []), p.id]);
  }
  const order: string[] = [];
  const seen = new Set<string>();
  for (let queue = [rootId]; queue.length > 0; ) {
    const id = queue.shift()!;
    if (seen.has(id)) continue;
    seen.add(id);
    order.push(id);
    queue = queue.concat(reportsOf.get(id) ?? []);
  }
  return { order, reportsOf };
}

/** Goals with an aligned, counted child in the set; whatever is aligned elsewhere is added by the caller. */
export function countAlignedChildren(goals: GoalSummary[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const g of goals) if (g.parentId && !UNCOUNTED.has(g.status)) counts.set(g.parentId, (counts.get(g.parentId) ?? 0) + 1);
  return counts;
}

/** Goals that would be white space unless something outside the view aligns to them. */
export function listWhiteSpaceCandidates(rootId: string, people: CascadePerson[], goals: GoalSummary[], managers: ReadonlySet<string> = new Set()): GoalSummary[] {
  const { reportsOf } = orderFromRoot(rootId, people);
  const aligned = countAlignedChildren(goals);
  return goals.filter((g) => PARENT_CANDIDATE.has(g.status) && (g.isTopLevel || reportsOf.has(g.ownerId) || managers.has(g.ownerId)) && !aligned.has(g.id));
}

function assessGoals(input: CoverageInput, reportsOf: Map<string, string[]>): Map<string, GoalInsight[]> {
  const aligned = countAlignedChildren(input.goals);
  const rolled = rollUpSummaries(input.rollUpGoals ?? input.goals);
  const goalsOf = new Map<string, GoalInsight[]>();
  for (const g of input.goals) {
    const risk = g.status === "active" ? assessProgressRisk(g.progress, g.confidence, input.elapsedShare, input.riskMargin) : { isAtRisk: false, reason: null };
    const alignedCount = aligned.get(g.id) ?? 0;
    const isWhiteSpace = PARENT_CANDIDATE.has(g.status) && (g.isTopLevel || reportsOf.has(g.ownerId) || input.managers?.has(g.ownerId) === true) && alignedCount === 0 && !input.alignedElsewhere.has(g.id);
    const insight: GoalInsight = { ...g, rolledUpProgress: rolled.get(g.id) ?? g.progress, isAtRisk: risk.isAtRisk, riskReason: risk.reason, isOrphan: isOrphanGoal(g), isWhiteSpace, alignedCount };
    goalsOf.set(g.ownerId, [...(goalsOf.get(g.ownerId) ?? []), insight]);
  }
  return goalsOf;
}

/** Branch figures as sums, so branches add up: progress as the sum of progress × weight and of weights. */
export interface BranchTally extends Omit<BranchFigures, "coverage" | "progress"> {
  weighted: number;
  weights: number;
}
type Tally = BranchTally;

function tallyOwn(person: CascadePerson | undefined, goals: GoalInsight[]): Tally {
  const counts = (test: (g: GoalInsight) => boolean) => goals.filter(test).length;
  const isCounted = person !== undefined && person.isEnabled && !person.hasLeft;
  const rolling = goals.filter((g) => isCountedInRollUp(g.status) && g.weight > 0);
  return {
    people: isCounted ? 1 : 0,
    covered: isCounted && goals.some(isAlignedContribution) ? 1 : 0,
    goals: counts((g) => !UNCOUNTED.has(g.status)),
    orphans: counts((g) => g.isOrphan),
    whiteSpace: counts((g) => g.isWhiteSpace),
    atRisk: counts((g) => g.isAtRisk),
    needsRealignment: counts((g) => OPEN.has(g.status) && g.flags.includes("needs_realignment")),
    ownerLeft: counts((g) => OPEN.has(g.status) && g.flags.includes("owner_left")),
    weighted: rolling.reduce((sum, g) => sum + Math.min(1, Math.max(0, g.progress)) * g.weight, 0),
    weights: rolling.reduce((sum, g) => sum + g.weight, 0),
  };
}

function addTally(into: Tally, other: Tally): void {
  for (const key of Object.keys(into) as Array<keyof Tally>) into[key] += other[key];
}

const toFigures = (t: Tally): BranchFigures => {
  const { weighted, weights, ...counts } = t;
  return { ...counts, coverage: t.people === 0 ? 0 : t.covered / t.people, progress: weights === 0 ? 0 : weighted / weights };
};

export function computeCoverage(input: CoverageInput): CoverageResult {
  const { order, reportsOf } = orderFromRoot(input.rootId, input.people);
  const byId = new Map(input.people.map((p) => [p.id, p]));
  const goalsOf = assessGoals(input, reportsOf);
  const tallies = new Map<string, Tally>();
  for (const id of [...order].reverse()) {
    const own = tallyOwn(byId.get(id), goalsOf.get(id) ?? []);
    const kept = input.branches?.get(id);
    const tally = kept ? { ...kept } : own;
    for (const reportId of reportsOf.get(id) ?? []) {
      const below = tallies.get(reportId);
      if (below) addTally(tally, below);
    }
    tallies.set(id, tally);
  }
  return { order, reportsOf, figures: new Map([...tallies].map(([id, t]) => [id, toFigures(t)])), goalsOf };
}
