import { describe, expect, it } from "vitest";
import { english } from "../../../../test/support/tab-translator.js";
import { buildReminderSettings } from "../../../../test/support/tab-builders.js";
import { buildExportFileName, describeAppInstall, describeCadence, describeInstallProblem, describeProgress, describeResult, isConfirmationMatch, nameLanguageInItself, toSettingsInput, validateCycleInput } from "./admin-logic.js";

const REMINDERS = buildReminderSettings();

describe("admin view logic", () => {
  it("names each language in itself", () => {
    expect(["en", "de", "fr", "es", "ja", "ar"].map(nameLanguageInItself)).toEqual(["English", "Deutsch", "Français", "Español", "日本語", "العربية"]);
  });

  it("describes the reminder cadence in plain words", () => {
    expect(describeCadence({ ...REMINDERS, dayOfWeek: 1, hour: 9, defaultTimeZone: "Europe/Berlin" }, english)).toBe("Every Monday at 9:00 AM, in each person's time zone (otherwise Europe/Berlin)");
    expect(describeCadence({ ...REMINDERS, cadence: "daily", hour: 17 }, english)).toMatch(/^Every day at 5:00 PM/);
    expect(describeCadence({ ...REMINDERS, isEnabled: false }, english)).toBe("Reminders are off");
  });

  it("shows progress as a fraction when the total is known", () => {
    expect(describeProgress({ phase: "people", done: 2500, total: 10000 }, english)).toEqual({ label: "People: 2,500 of 10,000", value: 0.25 });
    expect(describeProgress({ phase: "people", done: 40, total: null }, english)).toEqual({ label: "People: 40 so far", value: undefined });
    expect(describeProgress({ phase: "starting", done: 0, total: null }, english)).toEqual({ label: "Starting…", value: undefined });
    expect(describeProgress({ phase: "checkIns", done: 5, total: 4 }, english).value).toBe(1);
  });

  it("lists a job's result counts", () => {
    expect(describeResult({ people: 1000, managersChanged: 3, source: "demo" }, english)).toBe("people 1,000 · managers changed 3 · source demo");
    expect(describeResult(null, english)).toBe("");
  });

  it("accepts the typed name only when every letter matches", () => {
    expect(isConfirmationMatch("  ada   lovelace ", "Ada Lovelace")).toBe(true);
    expect(isConfirmationMatch("Ada Lovelac", "Ada Lovelace")).toBe(false);
    expect(isConfirmationMatch("", "")).toBe(false);
    expect(isConfirmationMatch("Chloé Dubois", "Chloe\u0301 Dubois")).toBe(true);
  });

  it("keeps settings fields when turning them into a request", () => {
    const appInstall = { isAvailable: true, unavailableReason: null, lastProblem: null };
    const input = toSettingsInput({ isApprovalRequired: false, organisationGoalOwnerIds: ["a"], organisationGoalOwners: [{ id: "a", displayName: "A", jobTitle: null }], isProactiveInstallEnabled: true, defaultLocale: "en", appInstall, reminders: REMINDERS });
    expect(input).toEqual({ isApprovalRequired: false, organisationGoalOwnerIds: ["a"], isProactiveInstallEnabled: true, defaultLocale: "en", reminders: REMINDERS });
    expect(input).not.toHaveProperty("organisationGoalOwners");
    expect(input).not.toHaveProperty("appInstall");
  });

  it("says what installing the app for people does, and what went wrong last", () => {
    expect(describeAppInstall(true, english)).toMatch(/adds it for them once/);
    expect(describeAppInstall(false, english)).toMatch(/wait in the tab/);
    const problem = { reason: "forbidden" as const, status: 403, at: "2027-02-03T10:00:00Z", fix: "Grant the permission, then grant admin consent." };
    expect(describeInstallProblem(problem, english)).toBe("On Feb 3, 2027, 10:00 AM Microsoft Graph refused to install Cascade (403). Grant the permission, then grant admin consent.");
  });

  it("names export files by tenant and day", () => {
    expect(buildExportFileName("5c4d1e7a-0000-4000-8000-000000000000", new Date("2027-02-03T10:00:00Z"))).toBe("cascade-export-5c4d1e7a-2027-02-03.json");
  });

  it("checks a new cycle before sending it", () => {
    expect(validateCycleInput({ name: " ", startDate: "", endDate: "" }, english)).toEqual({ name: expect.any(String), startDate: expect.any(String), endDate: expect.any(String) });
    expect(validateCycleInput({ name: "Q3", startDate: "2027-09-30", endDate: "2027-07-01" }, english)).toEqual({ endDate: "The cycle must end after it starts." });
    expect(validateCycleInput({ name: "Q3", startDate: "2027-07-01", endDate: "2027-09-30" }, english)).toEqual({});
  });
});
