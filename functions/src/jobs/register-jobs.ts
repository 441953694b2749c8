/** Timer registration for the reminder and digest runs. One hourly timer serves every time zone:
 * each run sends only to the people whose local slot has come. */
import type { app as functionsApp } from "@azure/functions";
import type { Config } from "../config.js";
import type { Services } from "../services.js";
import type { JobRunOptions, JobRunResult } from "./reminder-job.js";

export type JobName = "reminders" | "digests";

/** The tenants a job serves: the demo tenant locally, the allowed tenants otherwise. */
export function listJobTenants(services: Pick<Services, "dev" | "config">): string[] {
  return services.dev ? [services.dev.tenantId] : services.config.entra.allowedTenantIds;
}

/** The job's code and its card builders load with its first run, not with the instance. */
export async function runProgressJob(services: Services, job: JobName, now: Date, options: JobRunOptions = {}, tenantIds = listJobTenants(services)): Promise<JobRunResult[]> {
  const run = job === "reminders" ? (await import("./reminder-job.js")).runReminderJob : (await import("./digest-job.js")).runDigestJob;
  const results: JobRunResult[] = [];
  for (const tenantId of tenantIds) {
    results.push(await run(services.progress, tenantId, now, options));
  }
  return results;
}

export function registerProgressJobs(app: typeof functionsApp, config: Pick<Config, "schedules">, getServices: () => Promise<Services>): void {
  for (const job of ["reminders", "digests"] as const) {
    app.timer(`job-${job}`, {
      schedule: config.schedules.reminders,
      handler: async (_timer, context) => {
        const services = await getServices();
        const results = await runProgressJob(services, job, new Date());
        for (const result of results) context.log(JSON.stringify({ job, ...result }));
      },
    });
  }
}
