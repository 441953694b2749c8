/** The nightly rebuild of the team roll-ups: recomputes every row from the goals and the org chart, and
 * writes only what differs, so whatever a failed upkeep left behind is set right by morning. */
import type { app as functionsApp } from "@azure/functions";
import type { Services } from "../composition/services.js";
import { listJobTenants } from "./register-jobs.js";

export const ROLLUP_REBUILD_SCHEDULE = "0 30 2 * * *";

export async function runRollUpRebuild(services: Pick<Services, "rollUps" | "dev" | "config">, tenantIds = listJobTenants(services)) {
  const results = [];
  for (const tenantId of tenantIds) results.push({ tenantId, ...(await services.rollUps.rebuild(tenantId)) });
  return results;
}

export function registerRollUpJob(app: typeof functionsApp, getServices: () => Promise<Services>): void {
  app.timer("job-rollup-rebuild", {
    schedule: ROLLUP_REBUILD_SCHEDULE,
    handler: async (_timer, context) => {
      for (const result of await runRollUpRebuild(await getServices())) context.log(JSON.stringify({ job: "rollup-rebuild", ...result }));
    },
  });
}
