/** Roll-ups kept per person and cycle, so a view reads what it shows instead of a whole subtree.
 * A person's own contribution is computed from their goals; a subtree's roll-up is the person's own
 * contribution plus their direct reports' subtree roll-ups. Only enabled accounts count as people.
 * Sums are kept in integer millionths, so
 * adding them up in any order gives the same figures. Figures that move with time alone (at risk,
 * fresh check-ins, overdue) are kept as small histograms and read at the time of the view.
 * Pure: the caller loads goals and stored roll-ups. */
import { isOrphanGoal } from "./coverage.js";
import type { PersonSummary } from "../contracts/common.js";
import { computeGoalProgress } from "../contracts/progress.js";
import type { AtRiskGoal, Dashboard, DashboardFigures } from "../contracts/views.js";
import { AT_RISK_LIST_MAX, isAligned } from "./dashboard.js";
import { computeElapsedShare, isPessimistic } from "./risk.js";
import { isCountedInRollUp } from "./rollup.js";
import { GOAL_STATUSES, type Cycle, type Goal, type GoalStatus, type Person } from "./types.js";

const DAY_MS = 24 * 60 * 60 * 1000;
const MICROS = 1_000_000;
/** Progress of goals that may fall behind is kept to a tenth of a percent. */
const PROGRESS_STEPS = 1000;
/** Check-ins are kept to five minutes: finer than any figure a dashboard shows needs. */
export const CHECK_IN_BUCKET_MS = 5 * 60 * 1000;
/** Check-ins older than this count for no figure, so they are dropped. */
const CHECK_IN_HORIZON_MS = 14 * DAY_MS;
/** Goals kept per list: what the dashboard shows. */
export const LIST_MAX = AT_RISK_LIST_MAX;

const UNCOUNTED: ReadonlySet<GoalStatus> = new Set(["draft", "rejected", "cancelled"]);
const ALIGNED_STATUSES: ReadonlySet<GoalStatus> = new Set(["active", "completed"]);
const OPEN: ReadonlySet<GoalStatus> = new Set(["draft", "pending_approval", "changes_requested", "active"]);

export interface ListedGoal {
  id: string;
  title: string;
  ownerId: string;
  ownerName: string;
  progress: number;
  isPessimistic: boolean;
  visibility: Goal["visibility"];
  /** In the lists of goals by title (orphans, white space, needing realignment), which are of any open status. */
  status?: GoalStatus;
}

/** The lists a cascade view shows beside its figures, each the LIST_MAX first by title: a view that cuts
 * a branch off lists the branch's goals from here. Absent from rows written before they were kept. */
export interface NamedLists {
  orphanList?: ListedGoal[];
  whiteSpaceList?: ListedGoal[];
  realignList?: ListedGoal[];
}

const NAMED_LISTS = ["orphanList", "whiteSpaceList", "realignList"] as const;

export interface RollUpCounts extends NamedLists {
  byStatus: Record<GoalStatus, number>;
  /** Enabled people with an aligned active or completed goal. */
  covered: number;
  /** People with at least one active goal; everyone else of the subtree is white space. */
  withActive: number;
  /** Open goals aligned to nothing that are not organisation goals. */
  orphans: number;
  /** Sum of the active goals' progress, in millionths. */
  progressMicros: number;
  /** Weighted progress of the goals counted in roll-ups: sum of progress × weight and of weights, in millionths. */
  weightedMicros: number;
  weightMicros: number;
  /** Active goals whose owner said they are at risk or off track. */
  pessimistic: number;
  /** The other active goals by progress in thousandths: they are behind once time passes them. */
  progressSteps: Record<string, number>;
  /** Active goals by their last check-in, in CHECK_IN_BUCKET_MS steps since the epoch. */
  checkIns: Record<string, number>;
  /** Active goals by due date. */
  dueDates: Record<string, number>;
  /** The active goals furthest behind, and the pessimistic ones furthest behind, LIST_MAX each. */
  lowest: ListedGoal[];
  lowestPessimistic: ListedGoal[];
  /** Open goals flagged for realignment, and open goals whose owner left. */
  needsRealignment: number;
  ownerLeft: number;
  /** Active or waiting goals of people with reports (or organisation goals) that nothing counted is
   * aligned to, anywhere: the white space of coverage.ts. Absent from rows written before it was kept. */
  whiteSpace?: number;
}

export interface RollUp extends RollUpCounts {
  /** The same over public goals only: what someone outside the owners' management chains may see.
   * Absent from rows written before it was kept; the rebuild adds it. */
  public?: RollUpCounts;
  /** A person's own contribution only: their goals that may be white space (`checked`, by id), and
   * those of them something counted is aligned to, from anywhere (`aligned`). A cascade view decides
   * from it whether such a goal has something aligned from outside the levels it read. Absent when
   * the person has no such goal, and from rows written before it was kept. */
  alignment?: { checked: string[]; aligned: string[] };
}

function emptyCounts(): RollUpCounts {
  return {
    byStatus: Object.fromEntries(GOAL_STATUSES.map((s) => [s, 0])) as Record<GoalStatus, number>,
    covered: 0,
    withActive: 0,
    orphans: 0,
    progressMicros: 0,
    weightedMicros: 0,
    weightMicros: 0,
    pessimistic: 0,
    progressSteps: {},
    checkIns: {},
    dueDates: {},
    lowest: [],
    lowestPessimistic: [],
    needsRealignment: 0,
    ownerLeft: 0,
    whiteSpace: 0,
    orphanList: [],
    whiteSpaceList: [],
    realignList: [],
  };
}

export function emptyRollUp(): RollUp {
  return { ...emptyCounts(), public: emptyCounts() };
}

const toMicros = (value: number) => Math.round(value * MICROS);

/** The order of the at-risk list: furthest behind first, then by title (the id only breaks ties). */
export function compareListed(a: ListedGoal, b: ListedGoal): number {
  return a.progress - b.progress || a.title.localeCompare(b.title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function addCount(into: Record<string, number>, key: string, n: number): void {
  into[key] = (into[key] ?? 0) + n;
}

/** Keys in order, so equal roll-ups store as equal text. */
function sortedCounts(counts: Record<string, number>, keep: (key: string) => boolean = () => true): Record<string, number> {
  const out: Record<string, number> = {};
  for (const key of Object.keys(counts).sort()) if (counts[key]! > 0 && keep(key)) out[key] = counts[key]!;
  return out;
}

const isRecentBucket = (now: Date) => (key: string) => now.getTime() - Number(key) * CHECK_IN_BUCKET_MS <= CHECK_IN_HORIZON_MS;

function topList(goals: ListedGoal[], compare: (a: ListedGoal, b: ListedGoal) => number = compareListed): ListedGoal[] {
  const seen = new Set<string>();
  return [...goals].sort(compare).filter((g) => !seen.has(g.id) && seen.add(g.id)).slice(0, LIST_MAX);
}

/** The order of the lists by title (the id only breaks ties). */
export const compareByTitle = (a: ListedGoal, b: ListedGoal) => a.title.localeCompare(b.title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Adds roll-ups up. Check-ins that can no longer count at `now` or later are dropped. */
export function mergeRollUps(parts: ReadonlyArray<RollUp | null | undefined>, now: Date): RollUp {
  return { ...mergeRollUpCounts(parts, now), public: mergeRollUpCounts(parts.map((p) => p?.public), now) };
}

/** Adds the counts of roll-ups up (without their public part). */
export function mergeRollUpCounts(parts: ReadonlyArray<RollUpCounts | null | undefined>, now: Date): RollUpCounts {
  const total = emptyCounts();
  const lowest: ListedGoal[] = [];
  const lowestPessimistic: ListedGoal[] = [];
  const named = Object.fromEntries(NAMED_LISTS.map((list) => [list, [] as ListedGoal[]])) as Record<(typeof NAMED_LISTS)[number], ListedGoal[]>;
  for (const part of parts) {
    if (!part) continue;
    for (const list of NAMED_LISTS) named[list].push(...(part[list] ?? []));
    for (const status of GOAL_STATUSES) total.byStatus[status] += part.byStatus[status] ?? 0;
    total.covered += part.covered;
    total.withActive += part.withActive;
    total.orphans += part.orphans;
    total.progressMicros += part.progressMicros;
    total.weightedMicros += part.weightedMicros;
    total.weightMicros += part.weightMicros;
    total.pessimistic += part.pessimistic;
    total.needsRealignment += part.needsRealignment ?? 0;
    total.ownerLeft += part.ownerLeft ?? 0;
    total.whiteSpace! += part.whiteSpace ?? 0;
    for (const [key, n] of Object.entries(part.progressSteps)) addCount(total.progressSteps, key, n);
    for (const [key, n] of Object.entries(part.checkIns)) addCount(total.checkIns, key, n);
    for (const [key, n] of Object.entries(part.dueDates)) addCount(total.dueDates, key, n);
    lowest.push(...part.lowest);
    lowestPessimistic.push(...part.lowestPessimistic);
  }
  total.progressSteps = sortedCounts(total.progressSteps);
  total.checkIns = sortedCounts(total.checkIns, isRecentBucket(now));
  total.dueDates = sortedCounts(total.dueDates);
  total.lowest = topList(lowest);
  total.lowestPessimistic = topList(lowestPessimistic);
  for (const list of NAMED_LISTS) total[list] = topList(named[list], compareByTitle);
  return total;
}

/** What a person's own contribution depends on besides their goals. */
export interface ContributionContext {
  /** Only an enabled account counts as a person (coverage). */
  isEnabled: boolean;
  /** The person has direct reports: their active and waiting goals are expected to have something aligned. */
  hasReports: boolean;
  /** Goals of the person something counted (not rejected or cancelled) is aligned to, in any cycle. */
  alignedTo: ReadonlySet<string>;
}

const WHITE_SPACE_STATUSES: ReadonlySet<GoalStatus> = new Set(["active", "pending_approval"]);

/** Whether a goal may be white space at all: only then does its having something aligned matter. */
export function isWhiteSpaceCandidate(goal: Pick<Goal, "status" | "isTopLevel">, hasReports: boolean): boolean {
  return WHITE_SPACE_STATUSES.has(goal.status) && (goal.isTopLevel || hasReports);
}

/** One person's own contribution from their goals of one cycle, and from their public goals. */
export function computeContribution(owner: Pick<Person, "id" | "displayName">, goals: readonly Goal[], now: Date, context: ContributionContext): RollUp {
  const contribution: RollUp = { ...countContribution(owner, goals, now, context), public: countContribution(owner, goals.filter((g) => g.visibility === "public"), now, context) };
  const checked = goals.filter((g) => isWhiteSpaceCandidate(g, context.hasReports)).map((g) => g.id).sort();
  if (checked.length > 0) contribution.alignment = { checked, aligned: checked.filter((id) => context.alignedTo.has(id)) };
  return contribution;
}

function countContribution(owner: Pick<Person, "id" | "displayName">, goals: readonly Goal[], now: Date, context: ContributionContext): RollUpCounts {
  const own = emptyCounts();
  for (const goal of goals) {
    own.byStatus[goal.status]++;
    const progress = computeGoalProgress(goal.keyResults);
    const named = (): ListedGoal => ({ id: goal.id, title: goal.title, ownerId: owner.id, ownerName: owner.displayName, progress, isPessimistic: isPessimistic(goal.lastCheckIn?.confidence), visibility: goal.visibility, status: goal.status });
    if (isOrphanGoal(goal)) {
      own.orphans++;
      own.orphanList!.push(named());
    }
    if (OPEN.has(goal.status) && goal.flags.includes("needs_realignment")) {
      own.needsRealignment++;
      own.realignList!.push(named());
    }
    if (OPEN.has(goal.status) && goal.flags.includes("owner_left")) own.ownerLeft++;
    if (isWhiteSpaceCandidate(goal, context.hasReports) && !context.alignedTo.has(goal.id)) {
      own.whiteSpace!++;
      own.whiteSpaceList!.push(named());
    }
    if (isCountedInRollUp(goal.status) && goal.weight > 0) {
      own.weightedMicros += toMicros(progress * goal.weight);
      own.weightMicros += toMicros(goal.weight);
    }
    if (goal.status !== "active") continue;
    own.progressMicros += toMicros(progress);
    const pessimistic = isPessimistic(goal.lastCheckIn?.confidence);
    if (pessimistic) own.pessimistic++;
    else addCount(own.progressSteps, String(Math.round(progress * PROGRESS_STEPS)), 1);
    if (goal.lastCheckIn) addCount(own.checkIns, String(Math.floor(Date.parse(goal.lastCheckIn.at) / CHECK_IN_BUCKET_MS)), 1);
    if (goal.dueDate) addCount(own.dueDates, goal.dueDate, 1);
    const listed: ListedGoal = { id: goal.id, title: goal.title, ownerId: owner.id, ownerName: owner.displayName, progress, isPessimistic: pessimistic, visibility: goal.visibility };
    own.lowest.push(listed);
    if (pessimistic) own.lowestPessimistic.push(listed);
  }
  own.covered = context.isEnabled && goals.some((g) => ALIGNED_STATUSES.has(g.status) && isAligned(g)) ? 1 : 0;
  own.withActive = goals.some((g) => g.status === "active") ? 1 : 0;
  return mergeRollUpCounts([own], now);
}

export function isEmptyRollUp(rollUp: RollUp): boolean {
  return JSON.stringify(rollUp) === JSON.stringify(emptyRollUp());
}

export function sameRollUp(a: RollUp | null, b: RollUp | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

const share = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);

export interface TimedFigures {
  atRisk: number;
  overdue: number;
  checkedIn7: number;
  checkedIn14: number;
}

/** The figures that move with time, at `now`: a goal is behind when its progress trails the share of
 * the cycle gone by more than the margin (see risk.ts). */
export function readTimedFigures(rollUp: RollUpCounts, cycle: Pick<Cycle, "startDate" | "endDate">, now: Date, riskMargin: number): TimedFigures {
  const threshold = computeElapsedShare(cycle, now) - riskMargin;
  let behind = 0;
  for (const [step, n] of Object.entries(rollUp.progressSteps)) if (Number(step) / PROGRESS_STEPS < threshold) behind += n;
  let checkedIn7 = 0;
  let checkedIn14 = 0;
  for (const [bucket, n] of Object.entries(rollUp.checkIns)) {
    const age = now.getTime() - Number(bucket) * CHECK_IN_BUCKET_MS;
    if (age <= 7 * DAY_MS) checkedIn7 += n;
    if (age <= 14 * DAY_MS) checkedIn14 += n;
  }
  const today = now.toISOString().slice(0, 10);
  let overdue = 0;
  for (const [due, n] of Object.entries(rollUp.dueDates)) if (due < today) overdue += n;
  return { atRisk: rollUp.pessimistic + behind, overdue, checkedIn7, checkedIn14 };
}

/** The dashboard figures of a group of `people` whose goals add up to `rollUp`. */
export function figuresFromRollUp(people: number, rollUp: RollUpCounts, cycle: Cycle, now: Date, riskMargin: number): DashboardFigures {
  const active = rollUp.byStatus.active;
  const timed = readTimedFigures(rollUp, cycle, now, riskMargin);
  return {
    people,
    goals: GOAL_STATUSES.filter((s) => !UNCOUNTED.has(s)).reduce((sum, s) => sum + rollUp.byStatus[s], 0),
    activeGoals: active,
    coverage: share(rollUp.covered, people),
    averageProgress: share(rollUp.progressMicros, active * MICROS),
    atRisk: timed.atRisk,
    checkedInWithin7Days: share(timed.checkedIn7, active),
    checkedInWithin14Days: share(timed.checkedIn14, active),
    pendingApprovals: rollUp.byStatus.pending_approval,
  };
}

/** The goals at risk at `now`, furthest behind first: every one of the LIST_MAX furthest behind is
 * among the lowest active goals or the lowest pessimistic ones. */
export function listAtRiskGoals(rollUp: RollUpCounts, cycle: Pick<Cycle, "startDate" | "endDate">, now: Date, riskMargin: number): AtRiskGoal[] {
  const threshold = computeElapsedShare(cycle, now) - riskMargin;
  const candidates = topList([...rollUp.lowest, ...rollUp.lowestPessimistic].filter((g) => g.isPessimistic || g.progress < threshold));
  return candidates.map((g) => ({ id: g.id, title: g.title, ownerId: g.ownerId, ownerName: g.ownerName, progress: g.progress, reason: g.isPessimistic ? "confidence" : "behind", visibility: g.visibility }));
}

export interface TeamRollUp {
  person: Person;
  /** Everyone in the report's subtree, the report included. */
  people: number;
  rollUp: RollUp | null;
}

const summarise = (p: Person): PersonSummary => ({ id: p.id, displayName: p.displayName, jobTitle: p.jobTitle });

/** The dashboard of a manager from their direct reports' subtree roll-ups. */
export function assembleDashboard(input: { manager: Person; cycle: Cycle; now: Date; riskMargin: number; reports: TeamRollUp[] }): Dashboard {
  const { cycle, now, riskMargin } = input;
  const total = mergeRollUps(input.reports.map((r) => r.rollUp), now);
  const people = input.reports.reduce((sum, r) => sum + r.people, 0);
  return {
    manager: summarise(input.manager),
    cycle: { id: cycle.id, name: cycle.name, startDate: cycle.startDate, endDate: cycle.endDate },
    asOf: now.toISOString(),
    elapsedShare: computeElapsedShare(cycle, now),
    summary: figuresFromRollUp(people, total, cycle, now, riskMargin),
    byStatus: total.byStatus,
    directReports: input.reports.map((r) => ({ person: summarise(r.person), figures: figuresFromRollUp(r.people, r.rollUp ?? emptyRollUp(), cycle, now, riskMargin) })),
    atRiskGoals: listAtRiskGoals(total, cycle, now, riskMargin),
  };
}
