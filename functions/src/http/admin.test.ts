import { describe, expect, test } from "vitest";
import { DEFAULT_REMINDER_SETTINGS } from "../domain/reminders.js";
import { reminderSettingsSchema } from "../contracts/admin.js";
import { adminSettingsSchema } from "./admin.js";

describe("admin settings input", () => {
  test("every reminder setting the reminder job knows can be changed here", () => {
    expect(Object.keys(reminderSettingsSchema.shape).sort()).toEqual(Object.keys(DEFAULT_REMINDER_SETTINGS).sort());
    expect(reminderSettingsSchema.safeParse(DEFAULT_REMINDER_SETTINGS).success).toBe(true);
  });

  test("cadence values are checked", () => {
    const base = { isApprovalRequired: true, organisationGoalOwnerIds: [] };
    expect(adminSettingsSchema.safeParse({ ...base, reminders: { hour: 24 } }).success).toBe(false);
    expect(adminSettingsSchema.safeParse({ ...base, reminders: { dayOfWeek: 7 } }).success).toBe(false);
    expect(adminSettingsSchema.safeParse({ ...base, reminders: { defaultTimeZone: "Mars/Olympus" } }).success).toBe(false);
    expect(adminSettingsSchema.safeParse({ ...base, reminders: { cadence: "hourly" } }).success).toBe(false);
    expect(adminSettingsSchema.safeParse({ ...base, reminders: { defaultTimeZone: "Asia/Kolkata", cadence: "daily" } }).success).toBe(true);
  });

  test("installing the app for people is a yes or no, and may be left out", () => {
    const base = { isApprovalRequired: true, organisationGoalOwnerIds: [], reminders: {} };
    expect(adminSettingsSchema.safeParse({ ...base, isProactiveInstallEnabled: true }).success).toBe(true);
    expect(adminSettingsSchema.safeParse({ ...base, isProactiveInstallEnabled: "yes" }).success).toBe(false);
    expect(adminSettingsSchema.parse(base).isProactiveInstallEnabled).toBeUndefined();
  });

  test("unknown fields are refused", () => {
    expect(adminSettingsSchema.safeParse({ isApprovalRequired: true, organisationGoalOwnerIds: [], reminders: {}, isAdmin: true }).success).toBe(false);
    expect(adminSettingsSchema.safeParse({ isApprovalRequired: true, organisationGoalOwnerIds: [], reminders: { snooze: 1 } }).success).toBe(false);
  });
});
