/** Plain-language labels and value formatting shared by the cards. */
import type { Confidence, Decision, GoalStatus, KeyResultView } from "./types.js";

export const STATUS_LABELS: Record<GoalStatus, string> = {
  draft: "Draft",
  pending_approval: "Waiting for approval",
  active: "In progress",
  changes_requested: "Changes requested",
  rejected: "Rejected",
  completed: "Done",
  missed: "Missed",
  cancelled: "Cancelled",
};

export const CONFIDENCE_LABELS: Record<Confidence, string> = {
  on_track: "On track",
  at_risk: "At risk",
  off_track: "Off track",
};

export const DECISION_LABELS: Record<Decision, string> = {
  approve: "Approved",
  request_changes: "Changes requested",
  reject: "Rejected",
};

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Formats a calendar date (YYYY-MM-DD) without time zones, so a due date never shifts a day. */
export function formatDate(isoDate: string | null): string {
  if (!isoDate) return "Not set";
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
  if (!match || !month) return isoDate;
  return `${Number(match[3])} ${month} ${match[1]}`;
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

export function formatPercent(share: number): string {
  const clamped = Number.isFinite(share) ? Math.min(1, Math.max(0, share)) : 0;
  return `${Math.round(clamped * 100)}%`;
}

/** Made on first use: building a number format costs tens of milliseconds, which a cold start should
 * not pay before it answers its first request. */
let numberFormat: Intl.NumberFormat | null = null;

export function formatQuantity(value: number, unit?: string | null): string {
  numberFormat ??= new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });
  const number = numberFormat.format(value);
  if (!unit) return number;
  return unit === "%" ? `${number}%` : `${number} ${unit}`;
}

/** One line per key result: "Weekly active users: from 0 to 500 users, now 120 users". */
export function describeKeyResult(keyResult: KeyResultView): string {
  if (keyResult.kind === "milestone") {
    return `**${keyResult.title}**: ${keyResult.done ? "done" : "not done yet"}`;
  }
  const from = formatQuantity(keyResult.start, keyResult.unit);
  const to = formatQuantity(keyResult.target, keyResult.unit);
  const now = formatQuantity(keyResult.current, keyResult.unit);
  return `**${keyResult.title}**: from ${from} to ${to}, now ${now}`;
}

/** A markdown link. Square brackets in the text and parentheses or spaces in the URL would end it
 * early, and not every Teams client honours backslash escapes, so they are swapped out instead. */
export function formatLink(text: string, url: string): string {
  const safeText = text.replace(/\[/g, "(").replace(/]/g, ")");
  const safeUrl = url.replace(/[()\s]/g, (char) => encodeURIComponent(char).replace("(", "%28").replace(")", "%29"));
  return `[${safeText}](${safeUrl})`;
}
