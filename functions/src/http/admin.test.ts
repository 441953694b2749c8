import { describe, expect, test } from "vitest";
import { DEFAULT_REMINDER_SETTINGS } from "../domain/reminders.js";
import { adminSettingsSchema, reminderSettingsSchema } from "./admin.js";

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

  test("unknown fields are refused", () => {
    expect(adminSettingsSchema.safeParse({ isApprovalRequired: true, organisationGoalOwnerIds: [], reminders: {}, isAdmin: true }).success).toBe(false);
    expect(adminSettingsSchema.safeParse({ isApprovalRequired: true, organisationGoalOwnerIds: [], reminders: { snooze: 1 } }).success).toBe(false);
  });
});
