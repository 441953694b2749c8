/** Progress maths: key results → goal → weighted roll-up. All results are in [0, 1]. */
import type { KeyResult } from "./types.js";

function clamp01(value: number): number {
  if (Number.isNaN(value)) return 0;
  return Math.min(1, Math.max(0, value));
}

/** Works for increasing and decreasing targets alike: the share of the way from start to target. */
export function computeKeyResultProgress(kr: KeyResult): number {
  if (kr.kind === "milestone") return kr.done ? 1 : 0;
  if (kr.target === kr.start) return kr.current === kr.target ? 1 : 0;
  return clamp01((kr.current - kr.start) / (kr.target - kr.start));
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
