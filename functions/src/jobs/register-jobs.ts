/** Timer registration for the reminder, digest and close-out runs. One hourly timer serves every time
 * zone: each run sends only to the people whose local slot has come. The close-out run sends each
 * cycle's close-out cards once, in the first run after the cycle's end. */
import type { app as functionsApp } from "@azure/functions";
import type { Config } from "../config.js";
import type { Services } from "../composition/services.js";
import { runProgressJob } from "./progress-jobs.js";

/** The tenants a job serves: the demo tenant locally, the allowed tenants otherwise. */
export function listJobTenants(services: Pick<Services, "dev" | "config">): string[] {
  return services.dev ? [services.dev.tenantId] : services.config.entra.allowedTenantIds;
}

export function registerProgressJobs(app: typeof functionsApp, config: Pick<Config, "schedules">, getServices: () => Promise<Services>): void {
  for (const job of ["reminders", "digests", "close-outs"] as const) {
    app.timer(`job-${job}`, {
      schedule: config.schedules.reminders,
      handler: async (_timer, context) => {
        const services = await getServices();
        const results = await runProgressJob(services.progress, job, new Date(), {}, listJobTenants(services));
        for (const result of results) context.log(JSON.stringify({ job, ...result }));
      },
    });
  }
}
