/** When a goal counts as at risk: its owner says so, or its progress trails the share of the cycle
 * that has already gone by more than the tenant's margin. */
import { computeGoalProgress } from "../contracts/progress.js";
import type { Confidence, Cycle, Goal } from "./types.js";
import type { RiskReason } from "../contracts/views.js";

export type { RiskReason } from "../contracts/views.js";

/** Progress may trail elapsed time by this much before a goal counts as behind. */
export const DEFAULT_RISK_MARGIN = 0.15;

const DAY_MS = 24 * 60 * 60 * 1000;

export interface RiskAssessment {
  isAtRisk: boolean;
  reason: RiskReason | null;
  progress: number;
  elapsedShare: number;
}

/** Share of the cycle gone by at `now`, in [0, 1]. The end date counts as a whole day. */
export function computeElapsedShare(cycle: Pick<Cycle, "startDate" | "endDate">, now: Date): number {
  const start = Date.parse(`${cycle.startDate}T00:00:00Z`);
  const end = Date.parse(`${cycle.endDate}T00:00:00Z`) + DAY_MS;
  if (!(end > start)) return now.getTime() >= start ? 1 : 0;
  return Math.min(1, Math.max(0, (now.getTime() - start) / (end - start)));
}

export function isPessimistic(confidence: Confidence | null | undefined): boolean {
  return confidence === "at_risk" || confidence === "off_track";
}

/** Pure rule; callers decide which goals are worth assessing (active ones). */
export function assessProgressRisk(progress: number, confidence: Confidence | null, elapsedShare: number, margin: number): Omit<RiskAssessment, "progress" | "elapsedShare"> {
  if (isPessimistic(confidence)) return { isAtRisk: true, reason: "confidence" };
  if (progress < elapsedShare - margin) return { isAtRisk: true, reason: "behind" };
  return { isAtRisk: false, reason: null };
}

/** Only active goals can be at risk: drafts have not started and closed goals are settled. */
export function assessGoalRisk(goal: Pick<Goal, "status" | "keyResults" | "lastCheckIn">, cycle: Pick<Cycle, "startDate" | "endDate"> | null, now: Date, margin: number = DEFAULT_RISK_MARGIN): RiskAssessment {
  const progress = computeGoalProgress(goal.keyResults);
  const elapsedShare = cycle ? computeElapsedShare(cycle, now) : 0;
  if (goal.status !== "active") return { isAtRisk: false, reason: null, progress, elapsedShare };
  return { ...assessProgressRisk(progress, goal.lastCheckIn?.confidence ?? null, elapsedShare, margin), progress, elapsedShare };
}
