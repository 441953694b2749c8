/** Check-ins in plain words: how confident the owner was and where each result stood. */
import type { CheckIn, Confidence, KeyResult } from "../api/types.js";
import type { Translator } from "../i18n/translator.js";
import type { BadgeColor } from "./goal-status.js";
import { formatQuantity } from "./format.js";

const CONFIDENCE_COLORS: Record<Confidence, BadgeColor> = { on_track: "success", at_risk: "warning", off_track: "danger" };

export function describeConfidence(confidence: Confidence, tr: Translator): { label: string; color: BadgeColor } {
  const color = CONFIDENCE_COLORS[confidence];
  return color ? { label: tr.t(`confidence.${confidence}`), color } : { label: String(confidence), color: "informative" };
}

/** One line per value recorded, named after the result as it is now on the goal. */
export function describeCheckInValues(checkIn: Pick<CheckIn, "values">, keyResults: readonly KeyResult[], tr: Translator): string[] {
  return checkIn.values.map((value) => {
    const kr = keyResults.find((candidate) => candidate.id === value.id);
    const title = kr?.title ?? tr.t("checkIn.removedResult");
    if (value.done !== undefined) return tr.t(value.done ? "checkIn.valueDone" : "checkIn.valueNotDone", { title });
    if (value.current === undefined) return title;
    return tr.t("checkIn.value", { title, value: formatQuantity(value.current, kr && kr.kind !== "milestone" ? kr : undefined, tr) });
  });
}
