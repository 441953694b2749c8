/** Progress maths: key results → goal → weighted roll-up. All results are in [0, 1]. This is the one
 * definition of each key-result kind's progress; roll-ups, dashboards, risk, exports, cards and the
 * tab all read it from here. */
import type { KeyResult, MeasuredKeyResult } from "./key-result-rules.js";

function clamp01(value: number): number {
  if (Number.isNaN(value)) return 0;
  return Math.min(1, Math.max(0, value));
}

/** The share of the way from start to target; a target equal to the start is met or not. */
function shareOfWay(start: number, target: number, current: number, isUp: boolean): number {
  if (target === start) return (isUp ? current >= target : current <= target) ? 1 : 0;
  return clamp01((current - start) / (target - start));
}

function computeMeasuredProgress(kr: MeasuredKeyResult): number {
  switch (kr.kind) {
    case "increase":
      return shareOfWay(kr.start, kr.target, kr.current, true);
    case "decrease":
      return shareOfWay(kr.start, kr.target, kr.current, false);
    // A threshold is held or not: the latest value on the right side of it is all of the way.
    case "keep_above":
      return kr.current >= kr.target ? 1 : 0;
    case "keep_below":
      return kr.current <= kr.target ? 1 : 0;
  }
}

export function computeKeyResultProgress(kr: KeyResult): number {
  if (kr.kind === "milestone") return kr.done ? 1 : 0;
  return computeMeasuredProgress(kr);
}

export function computeGoalProgress(keyResults: KeyResult[]): number {
  if (keyResults.length === 0) return 0;
  const sum = keyResults.reduce((total, kr) => total + computeKeyResultProgress(kr), 0);
  return clamp01(sum / keyResults.length);
}

export interface WeightedProgress {
  progress: number;
  weight: number;
}

/** Weighted mean; items with no positive weight are ignored, and an empty set has no progress. */
export function rollUpProgress(items: WeightedProgress[]): number {
  let total = 0;
  let weights = 0;
  for (const item of items) {
    if (!(item.weight > 0)) continue;
    total += clamp01(item.progress) * item.weight;
    weights += item.weight;
  }
  return weights === 0 ? 0 : clamp01(total / weights);
}
