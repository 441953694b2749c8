/** Admin settings (approval, organisation-goal owners, installing the app for people, reminder
 * cadence), directory sync on demand and the admin log. Every route here needs the Cascade.Admin app role. */
import { createAdminSettingsSchema } from "../contracts/admin.js";
import { readAdminLog } from "../domain/admin-log.js";
import { assertAdmin, changeSettings, readSettingsView } from "../domain/admin.js";
import { readDirectorySyncStatus, startDirectorySync } from "../domain/directory-sync-job.js";
import { SUPPORTED_LOCALES } from "../../../cards/src/i18n/locales.js";
import { json, type RouteHandlers } from "./pipeline.js";
import { parseBody } from "./schemas.js";

export const adminSettingsSchema = createAdminSettingsSchema(SUPPORTED_LOCALES);

export const adminHandlers = {
  "admin-settings-get": async ({ services, principal }) => {
    assertAdmin(principal, "read settings");
    const { view, etag } = await readSettingsView(services.admin.settings, principal.tenantId);
    return json(200, view, { etag });
  },
  "admin-settings-put": async ({ services, principal, body, request }) => {
    assertAdmin(principal, "change settings");
    const change = parseBody(adminSettingsSchema, body);
    const { view, etag } = await changeSettings(services.admin.settings, principal, change, request.headers.get("if-match"));
    return json(200, view, { etag });
  },
  "admin-sync-status": async ({ services, principal }) => {
    assertAdmin(principal, "see the directory sync");
    return json(200, await readDirectorySyncStatus(services.admin, principal.tenantId));
  },
  "admin-sync-start": async ({ services, principal }) => {
    assertAdmin(principal, "run the directory sync");
    const job = await startDirectorySync(services.admin, principal);
    return json(202, { isAvailable: true, isRunning: true, job }, { location: "/api/admin/sync" });
  },
  "admin-log": async ({ services, principal }) => {
    assertAdmin(principal, "read the admin log");
    return json(200, { items: await readAdminLog(services.admin.adminLog, principal.tenantId) });
  },
} satisfies RouteHandlers;
