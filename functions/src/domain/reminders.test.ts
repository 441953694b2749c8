import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { DEFAULT_REMINDER_SETTINGS, findLatestSlot, isDigestDue, isReminderDue, readLocalTime, selectReminderGoals } from "./reminders.js";
import type { ReminderSettings } from "../contracts/admin.js";
import { buildTestGoal } from "../../../test/support/test-goals.js";

const settings: ReminderSettings = { ...DEFAULT_REMINDER_SETTINGS, dayOfWeek: 1, hour: 9, recentCheckInDays: 2 };
const DAY = 24 * 60 * 60 * 1000;

describe("when a reminder is due", () => {
  // 2027-01-04 is a Monday.
  test("weekly slot at 09:00 local time in the person's zone", () => {
    expect(isReminderDue(new Date("2027-01-04T08:59:00Z"), "UTC", settings, null)).toBe(false);
    expect(isReminderDue(new Date("2027-01-04T09:00:00Z"), "UTC", settings, null)).toBe(true);
    // 09:00 in Berlin (UTC+1 in winter) is 08:00 UTC.
    expect(isReminderDue(new Date("2027-01-04T08:00:00Z"), "Europe/Berlin", settings, null)).toBe(true);
    expect(isReminderDue(new Date("2027-01-04T08:00:00Z"), "America/New_York", settings, null)).toBe(false);
    expect(isReminderDue(new Date("2027-01-04T14:00:00Z"), "America/New_York", settings, null)).toBe(true);
  });

  test("sent once per slot; a late run still sends within the catch-up window, not days later", () => {
    const sent = "2027-01-04T09:00:30Z";
    expect(isReminderDue(new Date("2027-01-04T10:00:00Z"), "UTC", settings, sent)).toBe(false);
    expect(isReminderDue(new Date("2027-01-04T13:00:00Z"), "UTC", settings, "2026-12-28T09:00:00Z")).toBe(true);
    expect(isReminderDue(new Date("2027-01-06T09:00:00Z"), "UTC", settings, "2026-12-28T09:00:00Z")).toBe(false);
    expect(isReminderDue(new Date("2027-01-11T09:05:00Z"), "UTC", settings, sent)).toBe(true);
  });

  test("an unknown zone falls back to the tenant default; disabled sends nothing", () => {
    expect(isReminderDue(new Date("2027-01-04T09:00:00Z"), "Not/AZone", settings, null)).toBe(true);
    expect(isReminderDue(new Date("2027-01-04T09:00:00Z"), "UTC", { ...settings, isEnabled: false }, null)).toBe(false);
  });

  test("daily cadence and the digest's own slot", () => {
    const daily = { ...settings, cadence: "daily" as const };
    expect(isReminderDue(new Date("2027-01-06T09:10:00Z"), "UTC", daily, "2027-01-05T09:00:00Z")).toBe(true);
    expect(isDigestDue(new Date("2027-01-04T08:00:00Z"), null, settings, null)).toBe(true);
    expect(isDigestDue(new Date("2027-01-05T08:00:00Z"), null, settings, null)).toBe(false);
  });

  test("property: the latest slot is at or before now, within a week, at the configured local hour and weekday", () => {
    const zones = fc.constantFrom("UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Australia/Sydney", "Pacific/Auckland");
    const instant = fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2029, 0, 1) }).map((ms) => new Date(ms));
    fc.assert(fc.property(instant, zones, fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 23 }), (now, zone, dayOfWeek, hour) => {
      const slot = findLatestSlot(now, zone, { cadence: "weekly", dayOfWeek, hour });
      expect(slot.getTime()).toBeLessThanOrEqual(now.getTime() + 60 * 60 * 1000);
      expect(now.getTime() - slot.getTime()).toBeLessThan(7 * DAY + 60 * 60 * 1000);
      const local = readLocalTime(slot, zone);
      // A daylight-saving switch between the slot and now may shift it by one hour.
      expect([hour, (hour + 1) % 24, (hour + 23) % 24]).toContain(local.hour);
    }));
  });
});

describe("which goals a reminder lists", () => {
  const now = new Date("2027-01-11T09:00:00Z");
  const lastReminder = "2027-01-04T09:00:00Z";

  test("active goals without a check-in since the last reminder", () => {
    const stale = buildTestGoal({ lastCheckIn: { at: "2027-01-03T10:00:00Z", confidence: "on_track" } });
    const fresh = buildTestGoal({ lastCheckIn: { at: "2027-01-05T10:00:00Z", confidence: "on_track" } });
    const never = buildTestGoal();
    const draft = buildTestGoal({ status: "draft" });
    expect(selectReminderGoals([stale, fresh, never, draft], now, settings, lastReminder).map((g) => g.id)).toEqual([stale.id, never.id]);
  });

  test("someone who checked in recently is skipped", () => {
    const recent = buildTestGoal({ lastCheckIn: { at: "2027-01-10T10:00:00Z", confidence: "on_track" } });
    expect(selectReminderGoals([recent, buildTestGoal()], now, settings, lastReminder)).toEqual([]);
  });

  test("before any reminder, the window is one cadence period", () => {
    const eightDays = buildTestGoal({ lastCheckIn: { at: new Date(now.getTime() - 8 * DAY).toISOString(), confidence: "on_track" } });
    const sixDays = buildTestGoal({ lastCheckIn: { at: new Date(now.getTime() - 6 * DAY).toISOString(), confidence: "on_track" } });
    expect(selectReminderGoals([eightDays, sixDays], now, settings, null).map((g) => g.id)).toEqual([eightDays.id]);
  });

  test("property: the selection is exactly the active goals not checked in since the window start, unless any check-in is recent", () => {
    const offsetDays = fc.option(fc.double({ min: 0, max: 30, noNaN: true }), { nil: null });
    const goal = fc.record({ status: fc.constantFrom("active", "draft", "completed" as const), days: offsetDays });
    fc.assert(fc.property(fc.array(goal, { maxLength: 12 }), (specs) => {
      const goals = specs.map((s) => buildTestGoal({ status: s.status, lastCheckIn: s.days === null ? null : { at: new Date(now.getTime() - s.days * DAY).toISOString(), confidence: "on_track" } }));
      const chosen = selectReminderGoals(goals, now, settings, lastReminder);
      const isRecent = specs.some((s) => s.days !== null && s.days <= settings.recentCheckInDays);
      const since = Date.parse(lastReminder);
      const expected = isRecent ? [] : goals.filter((g) => g.status === "active" && (g.lastCheckIn === null || Date.parse(g.lastCheckIn.at) < since));
      expect(chosen.map((g) => g.id)).toEqual(expected.map((g) => g.id));
    }));
  });
});
