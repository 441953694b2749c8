/** Reminder and digest settings (admins), the caller's time zone, and a local-only "run a job now"
 * (reminders, digests or close-out cards). */
import { reminderRunSchema, reminderSettingsPutSchema, timeZoneSchema } from "../contracts/admin.js";
import { assertAdmin } from "../domain/admin.js";
import { AppError } from "../domain/errors.js";
import { readReminderSettings, replaceReminderSettings, setTimeZone } from "../domain/reminder-settings.js";
import { runProgressJob } from "../jobs/progress-jobs.js";
import { json, type RouteHandlers } from "./pipeline.js";
import { parseBody } from "./schemas.js";

export const reminderHandlers = {
  "admin-reminders-get": async ({ services, principal }) => {
    assertAdmin(principal, "read reminder settings");
    return json(200, await readReminderSettings(services.progress.reminders, principal.tenantId));
  },
  "admin-reminders-put": async ({ services, principal, body }) => {
    assertAdmin(principal, "change reminder settings");
    const settings = parseBody(reminderSettingsPutSchema, body);
    return json(200, await replaceReminderSettings(services.progress.reminders, principal.tenantId, settings));
  },
  "me-time-zone": async ({ services, principal, body }) => {
    const { timeZone } = parseBody(timeZoneSchema, body);
    return json(200, await setTimeZone(services.progress.reminders, principal, timeZone));
  },
  "dev-run-job": async ({ services, principal, params, body }) => {
    const job = params.job;
    if (job !== "reminders" && job !== "digests" && job !== "close-outs") throw new AppError("not_found", "There is no such job.");
    const { personIds } = body === undefined ? { personIds: undefined } : parseBody(reminderRunSchema, body);
    const results = await runProgressJob(services.progress, job, new Date(), { isForced: true, personIds }, [principal.tenantId]);
    return json(200, { items: results });
  },
} satisfies RouteHandlers;
