/** When a person is due a check-in reminder, and which of their goals it lists. Pure: the job
 * supplies the clock, the person's time zone and what was sent before. */
import type { Goal } from "./types.js";
import { DEFAULT_RISK_MARGIN } from "./risk.js";
import type { Cadence, ReminderSettings } from "../contracts/admin.js";
import { isValidTimeZone } from "../contracts/time-zones.js";

export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = {
  isEnabled: true,
  cadence: "weekly",
  dayOfWeek: 1,
  hour: 9,
  defaultTimeZone: "UTC",
  recentCheckInDays: 2,
  isDigestEnabled: true,
  digestDayOfWeek: 1,
  digestHour: 8,
  riskMargin: DEFAULT_RISK_MARGIN,
};

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
/** A run that comes late (an outage, a slow timer) still sends within this window, never later. */
export const CATCH_UP_MS = 12 * HOUR_MS;

interface LocalTime {
  year: number;
  month: number;
  day: number;
  weekday: number;
  hour: number;
  minute: number;
}

const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };
const formatters = new Map<string, Intl.DateTimeFormat>();

export function readLocalTime(instant: Date, timeZone: string): LocalTime {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", weekday: "short", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric" });
    formatters.set(timeZone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(instant).map((p) => [p.type, p.value]));
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day), weekday: WEEKDAYS[parts.weekday!] ?? 0, hour: Number(parts.hour), minute: Number(parts.minute) };
}

/** The latest scheduled moment at or before `now`, in UTC, for a slot at `hour` local time on
 * `dayOfWeek` (or every day). Uses the zone's offset at `now`; a DST switch moves it by an hour at most. */
export function findLatestSlot(now: Date, timeZone: string, slot: { cadence: Cadence; dayOfWeek: number; hour: number }): Date {
  const local = readLocalTime(now, timeZone);
  const localAsUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
  const offset = localAsUtc - Math.floor(now.getTime() / 60_000) * 60_000;
  let daysBack = slot.cadence === "daily" ? 0 : (local.weekday - slot.dayOfWeek + 7) % 7;
  if (daysBack === 0 && local.hour < slot.hour) daysBack = slot.cadence === "daily" ? 1 : 7;
  const slotLocal = Date.UTC(local.year, local.month - 1, local.day - daysBack, slot.hour, 0);
  return new Date(slotLocal - offset);
}

/** Due when a slot has passed since the last send, and not so long ago that the reminder is stale. */
export function isSlotDue(now: Date, timeZone: string, slot: { cadence: Cadence; dayOfWeek: number; hour: number }, lastSentAt: string | null): boolean {
  const latest = findLatestSlot(now, timeZone, slot).getTime();
  if (now.getTime() - latest > CATCH_UP_MS) return false;
  return lastSentAt === null || Date.parse(lastSentAt) < latest;
}

export function isReminderDue(now: Date, timeZone: string | null, settings: ReminderSettings, lastSentAt: string | null): boolean {
  if (!settings.isEnabled) return false;
  const zone = timeZone && isValidTimeZone(timeZone) ? timeZone : settings.defaultTimeZone;
  return isSlotDue(now, zone, settings, lastSentAt);
}

export function isDigestDue(now: Date, timeZone: string | null, settings: ReminderSettings, lastSentAt: string | null): boolean {
  if (!settings.isDigestEnabled) return false;
  const zone = timeZone && isValidTimeZone(timeZone) ? timeZone : settings.defaultTimeZone;
  return isSlotDue(now, zone, { cadence: "weekly", dayOfWeek: settings.digestDayOfWeek, hour: settings.digestHour }, lastSentAt);
}

export type ReminderGoal = Pick<Goal, "id" | "status" | "lastCheckIn" | "updatedAt">;

/** Active goals with no check-in since the last reminder (or, before any reminder, within one
 * cadence period). Empty when the person checked in anywhere recently: they need no nudge. */
export function selectReminderGoals<T extends ReminderGoal>(goals: T[], now: Date, settings: ReminderSettings, lastReminderAt: string | null): T[] {
  const recentSince = now.getTime() - settings.recentCheckInDays * DAY_MS;
  const isRecent = goals.some((g) => g.lastCheckIn !== null && Date.parse(g.lastCheckIn.at) >= recentSince);
  if (isRecent) return [];
  return filterNotCheckedInSince(goals, findReminderWindowStart(now, settings, lastReminderAt));
}

/** Start of the period a reminder covers: the last reminder, or one cadence period back. */
export function findReminderWindowStart(now: Date, settings: Pick<ReminderSettings, "cadence">, lastReminderAt: string | null): number {
  const periodMs = (settings.cadence === "daily" ? 1 : 7) * DAY_MS;
  return lastReminderAt !== null ? Date.parse(lastReminderAt) : now.getTime() - periodMs;
}

export function filterNotCheckedInSince<T extends ReminderGoal>(goals: T[], sinceMs: number): T[] {
  return goals.filter((g) => g.status === "active" && (g.lastCheckIn === null || Date.parse(g.lastCheckIn.at) < sinceMs));
}
