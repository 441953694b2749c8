import { describe, expect, test } from "vitest";
import { computeSettingsEtag, readSettings, updateSettings, type SettingsDeps } from "./admin.js";
import { AppError } from "./errors.js";
import type { TenantPolicy } from "./goal-context.js";
import type { ReminderSettings } from "../contracts/admin.js";
import { DEFAULT_REMINDER_SETTINGS } from "./reminders.js";
import type { Person, Principal } from "./types.js";

const ADMIN: Principal = { tenantId: "t1", userId: "admin", name: "", roles: ["Cascade.Admin"] };
const PERSON: Person = { id: "leader", displayName: "L", mail: null, jobTitle: null, department: null, managerId: null, accountEnabled: true, updatedAt: "" };

function buildDeps() {
  let policy: TenantPolicy & { extra?: string } = { isApprovalRequired: true, organisationGoalOwnerIds: [], extra: "kept" };
  let reminders: ReminderSettings = DEFAULT_REMINDER_SETTINGS;
  let version: string | null = null;
  let n = 0;
  const deps: SettingsDeps = {
    policy: { getPolicy: async () => policy, savePolicy: async (_t, next) => void (policy = next) },
    reminders: { getSettings: async () => reminders, saveSettings: async (_t, next) => void (reminders = next) },
    versions: {
      readVersion: async () => version,
      claimVersion: async (_t, _name, current) => {
        if (current !== version) throw new AppError("precondition_failed", "stale");
        version = `v${++n}`;
      },
    },
    directory: { getPerson: async (_t, id) => (id === PERSON.id ? PERSON : null), getManagerChain: async () => [], listDirectReports: async () => [], listSubtree: async () => [], listTeams: async () => new Map() },
  };
  return { deps, read: () => ({ policy, reminders }) };
}

const change = { isApprovalRequired: false, organisationGoalOwnerIds: ["leader", "leader"], reminders: { dayOfWeek: 3, hour: 14, defaultTimeZone: "Europe/Berlin" } };

describe("admin settings", () => {
  test("an update needs the current ETag and keeps fields it does not name", async () => {
    const { deps, read } = buildDeps();
    const { etag } = await readSettings(deps, "t1");
    const saved = await updateSettings(deps, ADMIN, change, etag);
    expect(saved.settings).toMatchObject({ isApprovalRequired: false, organisationGoalOwnerIds: ["leader"], reminders: { ...DEFAULT_REMINDER_SETTINGS, dayOfWeek: 3, hour: 14, defaultTimeZone: "Europe/Berlin" } });
    expect(saved.etag).not.toBe(etag);
    expect(read().policy).toMatchObject({ extra: "kept" });
  });

  test("installing the app for people is off until an admin turns it on, and a change that leaves it out keeps it", async () => {
    const { deps, read } = buildDeps();
    const first = await readSettings(deps, "t1");
    expect(first.settings.isProactiveInstallEnabled).toBe(false);
    const turnedOn = await updateSettings(deps, ADMIN, { ...change, isProactiveInstallEnabled: true }, first.etag);
    expect(turnedOn.settings.isProactiveInstallEnabled).toBe(true);
    expect(read().policy).toMatchObject({ isProactiveInstallEnabled: true, isApprovalRequired: false, extra: "kept" });
    const kept = await updateSettings(deps, ADMIN, { ...change, isApprovalRequired: true }, turnedOn.etag);
    expect(kept.settings).toMatchObject({ isProactiveInstallEnabled: true, isApprovalRequired: true });
  });

  test("without If-Match: 428; with a stale one: 412", async () => {
    const { deps } = buildDeps();
    const { etag } = await readSettings(deps, "t1");
    await expect(updateSettings(deps, ADMIN, change, null)).rejects.toMatchObject({ code: "precondition_required" });
    await updateSettings(deps, ADMIN, change, etag);
    await expect(updateSettings(deps, ADMIN, change, etag)).rejects.toMatchObject({ code: "precondition_failed" });
  });

  test("a change made elsewhere makes the ETag stale even when the version stamp did not move", async () => {
    const { deps } = buildDeps();
    const { etag } = await readSettings(deps, "t1");
    await deps.reminders.saveSettings("t1", { ...DEFAULT_REMINDER_SETTINGS, hour: 7 });
    await expect(updateSettings(deps, ADMIN, change, etag)).rejects.toMatchObject({ code: "precondition_failed" });
  });

  test("organisation-goal owners must be in the directory", async () => {
    const { deps } = buildDeps();
    const { etag } = await readSettings(deps, "t1");
    const error = await updateSettings(deps, ADMIN, { ...change, organisationGoalOwnerIds: ["leader", "ghost"] }, etag).catch((e: AppError) => e);
    expect(error).toMatchObject({ code: "validation_failed", details: { errors: [{ path: "organisationGoalOwnerIds.1" }] } });
  });

  test("only admins change settings", async () => {
    const { deps } = buildDeps();
    await expect(updateSettings(deps, { ...ADMIN, roles: [] }, change, "*")).rejects.toMatchObject({ code: "forbidden" });
  });

  test("the ETag depends on content and version", () => {
    const settings = { isApprovalRequired: true, organisationGoalOwnerIds: [], isProactiveInstallEnabled: false, defaultLocale: "en", reminders: DEFAULT_REMINDER_SETTINGS };
    expect(computeSettingsEtag(settings, "a")).toBe(computeSettingsEtag({ ...settings }, "a"));
    expect(computeSettingsEtag(settings, "a")).not.toBe(computeSettingsEtag(settings, "b"));
    expect(computeSettingsEtag(settings, "a")).not.toBe(computeSettingsEtag({ ...settings, isApprovalRequired: false }, "a"));
    expect(computeSettingsEtag(settings, "a")).not.toBe(computeSettingsEtag({ ...settings, isProactiveInstallEnabled: true }, "a"));
    expect(computeSettingsEtag(settings, "a")).not.toBe(computeSettingsEtag({ ...settings, defaultLocale: "de" }, "a"));
    expect(computeSettingsEtag(settings, null)).toMatch(/^"[0-9a-f]{16}"$/);
  });
});
