/** Reminder and digest settings (admins), the caller's time zone, and a local-only "run a job now". */
import { z } from "zod";
import { AppError } from "../domain/errors.js";
import { isAdmin } from "../domain/goal-access.js";
import { isValidTimeZone } from "../domain/reminders.js";
import type { Principal } from "../domain/types.js";
import { runProgressJob } from "../jobs/register-jobs.js";
import { json, type RouteDef } from "./pipeline.js";
import { parseBody } from "./schemas.js";

const day = z.number().int().min(0).max(6);
const hour = z.number().int().min(0).max(23);
const timeZone = z.string().min(1).max(64).refine(isValidTimeZone, "Use an IANA time zone such as Europe/Berlin.");

const settingsSchema = z.strictObject({
  isEnabled: z.boolean(),
  cadence: z.enum(["daily", "weekly"]),
  dayOfWeek: day,
  hour,
  defaultTimeZone: timeZone,
  recentCheckInDays: z.number().int().min(0).max(30),
  isDigestEnabled: z.boolean(),
  digestDayOfWeek: day,
  digestHour: hour,
  riskMargin: z.number().min(0).max(1),
});

const timeZoneSchema = z.strictObject({ timeZone });
const runSchema = z.strictObject({ personIds: z.array(z.string().max(64)).max(1000).optional() });

function assertAdmin(principal: Principal): void {
  if (!isAdmin(principal)) throw new AppError("forbidden", "Only admins can change reminder settings.");
}

export const reminderRoutes: RouteDef[] = [
  {
    name: "admin-reminders-get",
    methods: ["GET"],
    route: "api/admin/reminders",
    auth: "user",
    handle: async ({ services, principal }) => {
      assertAdmin(principal);
      return json(200, await services.progress.reminders.getSettings(principal.tenantId));
    },
  },
  {
    name: "admin-reminders-put",
    methods: ["PUT"],
    route: "api/admin/reminders",
    auth: "user",
    handle: async ({ services, principal, body }) => {
      assertAdmin(principal);
      const settings = parseBody(settingsSchema, body);
      await services.progress.reminders.saveSettings(principal.tenantId, settings);
      return json(200, settings);
    },
  },
  {
    name: "me-time-zone",
    methods: ["PUT"],
    route: "api/me/time-zone",
    auth: "user",
    handle: async ({ services, principal, body }) => {
      const parsed = parseBody(timeZoneSchema, body);
      await services.progress.reminders.updateState(principal.tenantId, principal.userId, { timeZone: parsed.timeZone });
      return json(200, parsed);
    },
  },
  {
    name: "dev-run-job",
    methods: ["POST"],
    route: "api/dev/jobs/{job}",
    auth: "user",
    isDevOnly: true,
    handle: async ({ services, principal, params, body }) => {
      const job = params.job;
      if (job !== "reminders" && job !== "digests") throw new AppError("not_found", "There is no such job.");
      const { personIds } = body === undefined ? { personIds: undefined } : parseBody(runSchema, body);
      const results = await runProgressJob(services, job, new Date(), { isForced: true, personIds }, [principal.tenantId]);
      return json(200, { items: results });
    },
  },
];
