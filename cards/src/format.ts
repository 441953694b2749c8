/** Plain-language labels and value formatting shared by the cards, in the reader's language. */
import type { CardIntl } from "./i18n/card-intl.js";
import type { Confidence, Decision, GoalStatus, KeyResultView } from "./types.js";

export function formatStatus(intl: CardIntl, status: GoalStatus): string {
  return intl.t(`status.${status}`);
}

export function formatConfidence(intl: CardIntl, confidence: Confidence): string {
  return intl.t(`confidence.${confidence}`);
}

/** The confidence inside a sentence ("last check-in 4 Jan (at risk)"); not every language lowercases labels. */
export function formatConfidenceInline(intl: CardIntl, confidence: Confidence): string {
  return intl.t(`confidenceInline.${confidence}`);
}

export function formatDecision(intl: CardIntl, decision: Decision): string {
  return intl.t(`decision.${decision}`);
}

function toCardTimestamp(isoTimestamp: string): string | null {
  const time = Date.parse(isoTimestamp);
  return Number.isNaN(time) ? null : new Date(time).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** A moment in time, rendered by the Teams client in the reader's own time zone and locale.
 * The card DATE/TIME functions only accept RFC 3339 without fractional seconds. */
export function formatDateTime(isoTimestamp: string): string {
  const timestamp = toCardTimestamp(isoTimestamp);
  return timestamp ? `{{DATE(${timestamp}, SHORT)}} {{TIME(${timestamp})}}` : isoTimestamp;
}

/** The day of a moment in time, in the reader's time zone and locale. */
export function formatDay(isoTimestamp: string): string {
  const timestamp = toCardTimestamp(isoTimestamp);
  return timestamp ? `{{DATE(${timestamp}, SHORT)}}` : isoTimestamp;
}

/** One line per key result: "Weekly active users: from 0 to 500 users, now 120 users". */
export function describeKeyResult(intl: CardIntl, keyResult: KeyResultView): string {
  if (keyResult.kind === "milestone") {
    return intl.t("keyResult.milestone", { title: keyResult.title, done: keyResult.done ? "yes" : "no" });
  }
  const target = intl.formatQuantity(keyResult.target, keyResult);
  const current = intl.formatQuantity(keyResult.current, keyResult);
  if (keyResult.kind === "keep_above") return intl.t("keyResult.keepAbove", { title: keyResult.title, target, current });
  if (keyResult.kind === "keep_below") return intl.t("keyResult.keepBelow", { title: keyResult.title, target, current });
  return intl.t("keyResult.number", { title: keyResult.title, start: intl.formatQuantity(keyResult.start, keyResult), target, current });
}

/** A markdown link. Square brackets in the text and parentheses or spaces in the URL would end it
 * early, and not every Teams client honours backslash escapes, so they are swapped out instead. */
export function formatLink(text: string, url: string): string {
  const safeText = text.replace(/\[/g, "(").replace(/]/g, ")");
  const safeUrl = url.replace(/[()\s]/g, (char) => encodeURIComponent(char).replace("(", "%28").replace(")", "%29"));
  return `[${safeText}](${safeUrl})`;
}
