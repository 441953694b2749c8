/** At-a-glance figures for a manager's subtree, and the same for each direct report's team.
 * Pure: the caller loads the people and their goals for one cycle. */
import { computeGoalProgress } from "../contracts/progress.js";
import { assessGoalRisk, computeElapsedShare } from "./risk.js";
import type { Cycle, Goal, GoalStatus, Person } from "./types.js";
import type { PersonSummary } from "../contracts/common.js";
import type { AtRiskGoal, Dashboard, DashboardFigures } from "../contracts/views.js";

const DAY_MS = 24 * 60 * 60 * 1000;
export const AT_RISK_LIST_MAX = 20;

export interface DashboardInput {
  manager: Person;
  /** Everyone below the manager. */
  people: Person[];
  directReports: Person[];
  goalsByOwner: Map<string, Goal[]>;
  cycle: Cycle;
  now: Date;
  riskMargin: number;
}

const UNCOUNTED: ReadonlySet<GoalStatus> = new Set(["draft", "rejected", "cancelled"]);
const ALIGNED_STATUSES: ReadonlySet<GoalStatus> = new Set(["active", "completed"]);

const share = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);
const summarise = (p: Person): PersonSummary => ({ id: p.id, displayName: p.displayName, jobTitle: p.jobTitle });

export function isAligned(goal: Pick<Goal, "parentId" | "isTopLevel">): boolean {
  return goal.parentId !== null || goal.isTopLevel;
}

/** `enabled`: the people who count as people (coverage); disabled accounts' goals still count. */
export function computeFigures(personIds: string[], enabled: ReadonlySet<string>, goalsByOwner: Map<string, Goal[]>, cycle: Cycle, now: Date, riskMargin: number): DashboardFigures {
  let goals = 0, covered = 0, atRisk = 0, fresh7 = 0, fresh14 = 0, pending = 0, progressSum = 0;
  const active: Goal[] = [];
  const people = personIds.filter((id) => enabled.has(id)).length;
  for (const id of personIds) {
    const own = goalsByOwner.get(id) ?? [];
    if (enabled.has(id) && own.some((g) => ALIGNED_STATUSES.has(g.status) && isAligned(g))) covered++;
    for (const goal of own) {
      if (!UNCOUNTED.has(goal.status)) goals++;
      if (goal.status === "pending_approval") pending++;
      if (goal.status === "active") active.push(goal);
    }
  }
  for (const goal of active) {
    progressSum += computeGoalProgress(goal.keyResults);
    if (assessGoalRisk(goal, cycle, now, riskMargin).isAtRisk) atRisk++;
    const age = goal.lastCheckIn ? now.getTime() - Date.parse(goal.lastCheckIn.at) : Infinity;
    if (age <= 7 * DAY_MS) fresh7++;
    if (age <= 14 * DAY_MS) fresh14++;
  }
  return {
    people,
    goals,
    activeGoals: active.length,
    coverage: share(covered, people),
    averageProgress: share(progressSum, active.length),
    atRisk,
    checkedInWithin7Days: share(fresh7, active.length),
    checkedInWithin14Days: share(fresh14, active.length),
    pendingApprovals: pending,
  };
}

/** Each direct report with everyone below them, from the managerId links inside the subtree. */
export function groupTeams(directReports: Person[], people: Person[]): Map<string, string[]> {
  const reportsOf = new Map<string, string[]>();
  for (const person of people) {
    if (!person.managerId) continue;
    const list = reportsOf.get(person.managerId) ?? [];
    list.push(person.id);
    reportsOf.set(person.managerId, list);
  }
  const teams = new Map<string, string[]>();
  for (const head of directReports) {
    const members: string[] = [];
    const seen = new Set<string>();
    const queue = [head.id];
    while (queue.length > 0) {
      const id = queue.shift()!;
      if (seen.has(id)) continue;
      seen.add(id);
      members.push(id);
      queue.push(...(reportsOf.get(id) ?? []));
    }
    teams.set(head.id, members);
  }
  return teams;
}

function listAtRisk(input: DashboardInput, names: Map<string, string>): AtRiskGoal[] {
  const found: AtRiskGoal[] = [];
  for (const [ownerId, goals] of input.goalsByOwner) {
    for (const goal of goals) {
      const risk = assessGoalRisk(goal, input.cycle, input.now, input.riskMargin);
      if (risk.isAtRisk) found.push({ id: goal.id, title: goal.title, ownerId, ownerName: names.get(ownerId) ?? "", progress: risk.progress, reason: risk.reason!, visibility: goal.visibility });
    }
  }
  return found.sort((a, b) => a.progress - b.progress || a.title.localeCompare(b.title)).slice(0, AT_RISK_LIST_MAX);
}

export function computeDashboard(input: DashboardInput): Dashboard {
  const { cycle, now, riskMargin, goalsByOwner } = input;
  const byStatus = Object.fromEntries(["draft", "pending_approval", "active", "changes_requested", "rejected", "completed", "missed", "cancelled"].map((s) => [s, 0])) as Record<GoalStatus, number>;
  const ids = input.people.map((p) => p.id);
  for (const id of ids) for (const goal of goalsByOwner.get(id) ?? []) byStatus[goal.status]++;
  const teams = groupTeams(input.directReports, input.people);
  const names = new Map(input.people.map((p) => [p.id, p.displayName]));
  const enabled = new Set([...input.people, ...input.directReports].filter((p) => p.accountEnabled).map((p) => p.id));
  return {
    manager: summarise(input.manager),
    cycle: { id: cycle.id, name: cycle.name, startDate: cycle.startDate, endDate: cycle.endDate },
    asOf: now.toISOString(),
    elapsedShare: computeElapsedShare(cycle, now),
    summary: computeFigures(ids, enabled, goalsByOwner, cycle, now, riskMargin),
    byStatus,
    directReports: input.directReports.map((person) => ({ person: summarise(person), figures: computeFigures(teams.get(person.id) ?? [person.id], enabled, goalsByOwner, cycle, now, riskMargin) })),
    atRiskGoals: listAtRisk({ ...input, goalsByOwner: new Map([...goalsByOwner].filter(([id]) => names.has(id))) }, names),
  };
}
