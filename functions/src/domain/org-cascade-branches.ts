/** The figures of the branches a cascade answer cuts off, from the team roll-ups kept for them
 * (team-rollups.ts) rather than from their people and goals. A viewer who does not manage a branch
 * gets the figures of its public goals only, which the roll-ups keep alongside. */
import type { BranchTally } from "./coverage.js";
import type { LoadedLevels } from "./org-cascade-load.js";
import { listAtRiskGoals, mergeRollUpCounts, readTimedFigures, type ListedGoal, type RollUpCounts } from "./team-rollups.js";
import { GOAL_STATUSES, type Cycle, type GoalStatus } from "./types.js";
import type { GoalRef } from "../contracts/views.js";

const MICROS = 1_000_000;
const UNCOUNTED: ReadonlySet<GoalStatus> = new Set(["rejected", "cancelled"]);

interface Moment {
  cycle: Pick<Cycle, "startDate" | "endDate">;
  now: Date;
  riskMargin: number;
}

/** A branch's figures from its head count and roll-up, as computeCoverage adds them up. */
export function tallyFromRollUp(people: number, rollUp: RollUpCounts | null | undefined, at: Moment): BranchTally {
  const tally: BranchTally = { people, covered: 0, goals: 0, orphans: 0, whiteSpace: 0, atRisk: 0, needsRealignment: 0, ownerLeft: 0, weighted: 0, weights: 0 };
  if (!rollUp) return tally;
  return {
    ...tally,
    covered: rollUp.covered,
    goals: GOAL_STATUSES.filter((s) => !UNCOUNTED.has(s)).reduce((sum, s) => sum + (rollUp.byStatus[s] ?? 0), 0),
    orphans: rollUp.orphans,
    whiteSpace: rollUp.whiteSpace ?? 0,
    atRisk: readTimedFigures(rollUp, at.cycle, at.now, at.riskMargin).atRisk,
    needsRealignment: rollUp.needsRealignment ?? 0,
    ownerLeft: rollUp.ownerLeft ?? 0,
    weighted: rollUp.weightedMicros / MICROS,
    weights: rollUp.weightMicros / MICROS,
  };
}

/** Per person at the deepest level with reports, the figures of their whole branch; and the goals at
 * risk, the orphans, the white space and the goals needing realignment there that the roll-ups list. `managed`: the people whose private goals the viewer may see. */
export interface CutBranchLists {
  atRisk: GoalRef[];
  orphans: GoalRef[];
  whiteSpace: GoalRef[];
  needsRealignment: GoalRef[];
}

const toRef = (g: ListedGoal, status: GoalStatus): GoalRef => ({ id: g.id, title: g.title, ownerId: g.ownerId, ownerName: g.ownerName, status, progress: g.progress });

export function readCutBranches(loaded: Pick<LoadedLevels, "cut">, managed: ReadonlySet<string>, at: Moment): { tallies: Map<string, BranchTally> } & CutBranchLists {
  const tallies = new Map<string, BranchTally>();
  const seen: RollUpCounts[] = [];
  for (const [personId, branch] of loaded.cut) {
    const rollUp = managed.has(personId) ? branch.rollUp : branch.rollUp?.public;
    if (rollUp) seen.push(rollUp);
    tallies.set(personId, tallyFromRollUp(branch.people, rollUp, at));
  }
  const merged = mergeRollUpCounts(seen, at.now);
  const atRisk = listAtRiskGoals(merged, at.cycle, at.now, at.riskMargin).map((g): GoalRef => ({ id: g.id, title: g.title, ownerId: g.ownerId, ownerName: g.ownerName, status: "active", progress: g.progress }));
  const named = (list: ListedGoal[] | undefined) => (list ?? []).map((g) => toRef(g, g.status ?? "active"));
  return { tallies, atRisk, orphans: named(merged.orphanList), whiteSpace: named(merged.whiteSpaceList), needsRealignment: named(merged.realignList) };
}
