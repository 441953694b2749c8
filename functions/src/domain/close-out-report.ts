/** A manager's team at the end of a cycle: each goal's close-out state, and the cycle report over the
 * subtree (score distribution, achieved share per direct report's subtree, carry-over rate). Pure. */
import { canCloseOutStatus, isCloseOutOpen, isUnfinished, suggestScore } from "./close-out.js";
import { toCsv, type CsvValue } from "./csv.js";
import { computeGoalProgress } from "../contracts/progress.js";
import type { CloseOutFigures, CycleReport, TeamCloseOut } from "../contracts/close-out.js";
import type { TeamGoals } from "./team-goals.js";
import type { Goal, Person } from "./types.js";

export const SCORE_BANDS = [[0, 19], [20, 39], [40, 59], [60, 79], [80, 100]] as const;


/** The goals a close-out is about: the ones that were agreed and ran in the cycle. */
function listReviewedGoals(team: Pick<TeamGoals, "goalsByOwner">, ownerIds: Iterable<string>): Goal[] {
  return [...ownerIds].flatMap((id) => (team.goalsByOwner.get(id) ?? []).filter((g) => canCloseOutStatus(g.status)));
}

const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole);

export function computeFigures(goals: Goal[], people: number): CloseOutFigures {
  const scores = goals.flatMap((g) => (g.closeOut ? [g.closeOut.score] : []));
  const count = (outcome: string) => goals.filter((g) => g.closeOut?.outcome === outcome).length;
  const unfinished = goals.filter(isUnfinished);
  const carriedOver = unfinished.filter((g) => (g.carriedTo ?? []).length > 0).length;
  const achieved = count("achieved");
  return {
    people,
    goals: goals.length,
    closedOut: scores.length,
    achieved,
    partly: count("partly"),
    missed: count("missed"),
    achievedShare: ratio(achieved, scores.length),
    averageScore: scores.length === 0 ? null : Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 10) / 10,
    scoreDistribution: SCORE_BANDS.map(([from, to]) => ({ from, to, count: scores.filter((s) => s >= from && s <= to).length })),
    unfinished: unfinished.length,
    carriedOver,
    carryOverRate: ratio(carriedOver, unfinished.length),
  };
}

/** Each person of the team under the direct report whose subtree they are in. */
function groupByDirectReport(team: Pick<TeamGoals, "people" | "directReports">): Map<string, string[]> {
  const byId = new Map(team.people.map((p) => [p.id, p]));
  const tops = new Set(team.directReports.map((p) => p.id));
  const groups = new Map(team.directReports.map((p) => [p.id, [] as string[]]));
  for (const person of team.people) {
    let cursor: Person | undefined = person;
    for (let hops = 0; cursor && !tops.has(cursor.id) && hops <= team.people.length; hops++) cursor = cursor.managerId ? byId.get(cursor.managerId) : undefined;
    if (cursor) groups.get(cursor.id)!.push(person.id);
  }
  return groups;
}

export function computeCycleReport(team: TeamGoals, today: string): CycleReport {
  const groups = groupByDirectReport(team);
  return {
    cycle: { id: team.cycle.id, name: team.cycle.name, endDate: team.cycle.endDate, isCloseOutOpen: isCloseOutOpen(team.cycle, today) },
    managerId: team.manager.id,
    team: computeFigures(listReviewedGoals(team, team.people.map((p) => p.id)), team.people.length),
    subtrees: team.directReports.map((person) => {
      const ids = groups.get(person.id) ?? [];
      return { personId: person.id, displayName: person.displayName, ...computeFigures(listReviewedGoals(team, ids), ids.length) };
    }),
  };
}

export type { CloseOutFigures, CycleReport, TeamCloseOut };

export const REPORT_CSV_HEADER = [
  "scope", "person_id", "person_name", "people", "goals", "closed_out", "achieved", "partly", "missed", "achieved_share", "average_score",
  ...SCORE_BANDS.map(([from, to]) => `score_${from}_${to}`), "unfinished", "carried_over", "carry_over_rate",
];

function toCsvRow(scope: "team" | "subtree", id: string, name: string, f: CloseOutFigures): CsvValue[] {
  return [scope, id, name, f.people, f.goals, f.closedOut, f.achieved, f.partly, f.missed, f.achievedShare, f.averageScore, ...f.scoreDistribution.map((b) => b.count), f.unfinished, f.carriedOver, f.carryOverRate];
}

/** One row for the whole team, then one per direct report's subtree. */
export function toCycleReportCsv(report: CycleReport, manager: Person): string {
  return toCsv(REPORT_CSV_HEADER, [toCsvRow("team", manager.id, manager.displayName, report.team), ...report.subtrees.map((s) => toCsvRow("subtree", s.personId, s.displayName, s))]);
}

/** The team's close-out state: every reviewed goal with its owner, what the form starts from, and what happened. */
export function computeTeamCloseOut(team: TeamGoals, today: string): TeamCloseOut {
  const goals = team.people.flatMap((person) =>
    listReviewedGoals(team, [person.id]).map((g) => ({
      id: g.id,
      ownerId: person.id,
      ownerName: person.displayName,
      title: g.title,
      status: g.status,
      visibility: g.visibility,
      progress: computeGoalProgress(g.keyResults),
      suggestedScore: suggestScore(g),
      closeOut: g.closeOut ?? null,
      carriedTo: g.carriedTo ?? [],
      isUnfinished: isUnfinished(g),
    })),
  );
  return {
    cycle: { id: team.cycle.id, name: team.cycle.name, endDate: team.cycle.endDate, isCloseOutOpen: isCloseOutOpen(team.cycle, today) },
    managerId: team.manager.id,
    goals,
    summary: { goals: goals.length, closedOut: goals.filter((g) => g.closeOut).length, carriedOver: goals.filter((g) => g.carriedTo.length > 0).length },
  };
}
