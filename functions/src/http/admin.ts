/** Admin settings (approval, organisation-goal owners, installing the app for people, reminder
 * cadence), directory sync on demand and the admin log. Every route here needs the Cascade.Admin app role. */
import { createAdminSettingsSchema, type AdminSettings, type AdminSettingsView } from "../contracts/admin.js";
import { readJobStatus, startJob } from "../domain/admin-jobs.js";
import { assertAdmin, readSettings, updateSettings } from "../domain/admin.js";
import { AppError } from "../domain/errors.js";
import { SUPPORTED_LOCALES } from "../../../cards/src/i18n/locales.js";
import type { Services } from "../services.js";
import { json, type RouteHandlers } from "./pipeline.js";
import { parseBody } from "./schemas.js";

export const adminSettingsSchema = createAdminSettingsSchema(SUPPORTED_LOCALES);

/** The settings with the owners' names, and whether this deployment can install the app for people. */
async function toSettingsView(services: Services, tenantId: string, settings: AdminSettings): Promise<AdminSettingsView> {
  const [people, appInstall] = await Promise.all([Promise.all(settings.organisationGoalOwnerIds.map((id) => services.directory.getPerson(tenantId, id))), services.bot.appInstalls.describe(tenantId)]);
  const owners = settings.organisationGoalOwnerIds.map((id, i) => ({ id, displayName: people[i]?.displayName ?? null, jobTitle: people[i]?.jobTitle ?? null }));
  return { ...settings, organisationGoalOwners: owners, appInstall };
}

function requireSync(services: Services) {
  const runSync = services.admin.runSync;
  if (!runSync) throw new AppError("unavailable", "Directory sync is not configured: set AAD_APP_CLIENT_ID and the app's credential so Cascade can read the org chart from Microsoft Graph.");
  return runSync;
}

const LOG_LIMIT = 100;

export const adminHandlers = {
  "admin-settings-get": async ({ services, principal }) => {
    assertAdmin(principal, "read settings");
    const { settings, etag } = await readSettings(services.admin.settings, principal.tenantId);
    return json(200, await toSettingsView(services, principal.tenantId, settings), { etag });
  },
  "admin-settings-put": async ({ services, principal, body, request }) => {
    assertAdmin(principal, "change settings");
    const change = parseBody(adminSettingsSchema, body);
    const saved = await updateSettings(services.admin.settings, principal, change, request.headers.get("if-match"));
    await services.admin.store.addLogEntry(principal.tenantId, { id: services.goalDeps.ids.newId(), at: services.goalDeps.clock.now().toISOString(), actorId: principal.userId, action: "settings_changed", details: { isApprovalRequired: saved.settings.isApprovalRequired, organisationGoalOwners: saved.settings.organisationGoalOwnerIds.length, isProactiveInstallEnabled: saved.settings.isProactiveInstallEnabled, defaultLocale: saved.settings.defaultLocale } });
    return json(200, await toSettingsView(services, principal.tenantId, saved.settings), { etag: saved.etag });
  },
  "admin-sync-status": async ({ services, principal }) => {
    assertAdmin(principal, "see the directory sync");
    return json(200, { isAvailable: services.admin.runSync !== null, ...(await readJobStatus(services.admin.jobs, principal.tenantId, "sync")) });
  },
  "admin-sync-start": async ({ services, principal }) => {
    assertAdmin(principal, "run the directory sync");
    const runSync = requireSync(services);
    const { job } = await startJob(services.admin.jobs, principal.tenantId, "sync", principal.userId, (report) => runSync(principal.tenantId, report));
    return json(202, { isAvailable: true, isRunning: true, job }, { location: "/api/admin/sync" });
  },
  "admin-log": async ({ services, principal }) => {
    assertAdmin(principal, "read the admin log");
    return json(200, { items: await services.admin.store.listLog(principal.tenantId, LOG_LIMIT) });
  },
} satisfies RouteHandlers;
