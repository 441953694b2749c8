/** The scheduled org-chart sync: the same job an admin starts with "Sync now", so its progress and
 * result show in the Admin view, and a run already in progress is left to finish. */
import type { app as functionsApp } from "@azure/functions";
import type { Config } from "../config.js";
import { startJob, type AdminJob } from "../domain/admin-jobs.js";
import { isAppError } from "../domain/errors.js";
import type { Services } from "../composition/services.js";
import { listJobTenants } from "./register-jobs.js";

export const SYNC_TIMER_ACTOR = "schedule";

export type ScheduledSyncOutcome = { tenantId: string; job: AdminJob } | { tenantId: string; skipped: string };

export async function runScheduledSync(services: Services, tenantIds = listJobTenants(services)): Promise<ScheduledSyncOutcome[]> {
  const runSync = services.admin.runSync;
  if (!runSync) return tenantIds.map((tenantId) => ({ tenantId, skipped: "No Graph credentials are configured for the directory sync." }));
  const outcomes: ScheduledSyncOutcome[] = [];
  for (const tenantId of tenantIds) {
    try {
      const { done } = await startJob(services.admin.jobs, tenantId, "sync", SYNC_TIMER_ACTOR, (report) => runSync(tenantId, report));
      outcomes.push({ tenantId, job: await done });
    } catch (error) {
      if (!isAppError(error) || error.code !== "conflict") throw error;
      outcomes.push({ tenantId, skipped: error.message });
    }
  }
  return outcomes;
}

export function registerSyncJob(app: typeof functionsApp, config: Pick<Config, "schedules">, getServices: () => Promise<Services>): void {
  app.timer("job-directory-sync", {
    schedule: config.schedules.sync,
    handler: async (_timer, context) => {
      const outcomes = await runScheduledSync(await getServices());
      for (const outcome of outcomes) {
        context.log(JSON.stringify("job" in outcome ? { job: "directory-sync", tenantId: outcome.tenantId, state: outcome.job.state, result: outcome.job.result } : { job: "directory-sync", ...outcome }));
      }
    },
  });
}
