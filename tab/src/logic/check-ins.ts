/** Check-ins in plain words: how confident the owner was and where each result stood. */
import type { CheckIn, Confidence, KeyResult } from "../api/types.js";
import type { BadgeColor } from "./goal-status.js";
import { formatQuantity } from "./format.js";

const CONFIDENCE: Record<Confidence, { label: string; color: BadgeColor }> = {
  on_track: { label: "On track", color: "success" },
  at_risk: { label: "At risk", color: "warning" },
  off_track: { label: "Off track", color: "danger" },
};

export function describeConfidence(confidence: Confidence): { label: string; color: BadgeColor } {
  return CONFIDENCE[confidence] ?? { label: String(confidence), color: "informative" };
}

/** One line per value recorded, named after the result as it is now on the goal. */
export function describeCheckInValues(checkIn: Pick<CheckIn, "values">, keyResults: readonly KeyResult[]): string[] {
  return checkIn.values.map((value) => {
    const kr = keyResults.find((candidate) => candidate.id === value.id);
    const title = kr?.title ?? "A result since removed";
    if (value.done !== undefined) return `${title}: ${value.done ? "done" : "not done"}`;
    if (value.current === undefined) return title;
    return `${title}: ${formatQuantity(value.current, kr?.kind === "number" ? kr.unit : undefined)}`;
  });
}
