/** Dates and numbers in plain words. Dates from the API are calendar days ("2027-03-31"). */
import type { KeyResult } from "../api/types.js";

const DAY_MS = 86_400_000;

const dateFormat = new Intl.DateTimeFormat(undefined, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

export function formatDay(day: string): string {
  const time = Date.parse(`${day}T00:00:00Z`);
  return Number.isFinite(time) ? dateFormat.format(time) : day;
}

export function formatDateTime(iso: string): string {
  const time = Date.parse(iso);
  return Number.isFinite(time) ? dateTimeFormat.format(time) : iso;
}

export function formatPercent(fraction: number): string {
  const clamped = Math.min(1, Math.max(0, Number.isFinite(fraction) ? fraction : 0));
  return `${Math.round(clamped * 100)}%`;
}

/** "Due in 3 days", "Due today", "2 days overdue", counted in whole calendar days. */
export function describeDueDate(dueDate: string | null, today: string): string {
  if (!dueDate) return "No due date";
  const days = Math.round((Date.parse(`${dueDate}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS);
  if (!Number.isFinite(days)) return `Due ${dueDate}`;
  if (days === 0) return "Due today";
  if (days === 1) return "Due tomorrow";
  if (days > 1) return `Due in ${days} days`;
  return days === -1 ? "1 day overdue" : `${-days} days overdue`;
}

export function toIsoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** "40% of 100%", "12 customers of 20 customers": symbols hug the number, words get a space. */
export function formatQuantity(value: number, unit: string | undefined): string {
  const trimmed = unit?.trim() ?? "";
  if (!trimmed) return String(value);
  return /^[%‰°]$/.test(trimmed) ? `${value}${trimmed}` : `${value} ${trimmed}`;
}

export function describeKeyResult(kr: KeyResult): string {
  if (kr.kind === "milestone") return "Milestone";
  const [current, target, start] = [kr.current, kr.target, kr.start].map((value) => formatQuantity(value, kr.unit));
  // "17 of 40" reads well for growth; for a number meant to fall, "of" would suggest the wrong direction.
  const progress = kr.target < kr.start ? `${current}, aiming for ${target}` : `${current} of ${target}`;
  return `${progress} · started at ${start}`;
}

/** Share of the way from start to target; works for targets below the start (reduce X). */
export function measureKeyResult(kr: KeyResult): number {
  if (kr.kind === "milestone") return kr.done ? 1 : 0;
  const span = kr.target - kr.start;
  if (span === 0) return kr.current === kr.target ? 1 : 0;
  return Math.min(1, Math.max(0, (kr.current - kr.start) / span));
}
