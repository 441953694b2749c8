/** Quantities and due dates in the person's words. Dates from the API are calendar days ("2027-03-31");
 * numbers, dates and percentages are formatted by the translator (tab/src/i18n/translator.ts). */
import { formatMeasuredNumber, type MeasureUnit } from "../../../cards/src/measure.js";
import type { KeyResult } from "../api/types.js";
import type { Translator } from "../i18n/translator.js";

const DAY_MS = 86_400_000;

/** "Due in 3 days", "Due today", "2 days overdue", counted in whole calendar days. */
export function describeDueDate(dueDate: string | null, today: string, tr: Translator): string {
  if (!dueDate) return tr.t("due.none");
  const days = Math.round((Date.parse(`${dueDate}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS);
  if (!Number.isFinite(days)) return tr.t("due.on", { date: dueDate });
  if (days === 0) return tr.t("due.today");
  if (days === 1) return tr.t("due.tomorrow");
  if (days > 1) return tr.t("due.inDays", { count: days });
  return tr.t("due.overdue", { count: -days });
}

export function toIsoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A key result's value with its unit in the person's language: "40%", "12 customers", "€1,200.00". */
export function formatQuantity(value: number, unit: MeasureUnit | undefined, tr: Translator): string {
  const measured = formatMeasuredNumber(value, unit ?? {}, tr.locale);
  if (measured !== null) return measured;
  const trimmed = unit?.unit?.trim() ?? "";
  const number = tr.formatNumber(value);
  if (!trimmed) return number;
  return /^[%‰°]$/.test(trimmed) ? `${number}${trimmed}` : `${number} ${trimmed}`;
}

export function describeKeyResult(kr: KeyResult, tr: Translator): string {
  if (kr.kind === "milestone") return tr.t("keyResult.milestone");
  const [current, target, start] = [kr.current, kr.target, kr.start].map((value) => formatQuantity(value, kr, tr));
  if (kr.kind === "keep_above") return tr.t("keyResult.keepAbove", { current, target });
  if (kr.kind === "keep_below") return tr.t("keyResult.keepBelow", { current, target });
  // "17 of 40" reads well for growth; for a number meant to fall, "of" would suggest the wrong direction.
  return tr.t(kr.kind === "decrease" ? "keyResult.progressDown" : "keyResult.progressUp", { current, target, start });
}
