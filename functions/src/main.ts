/** Azure Functions entry point: registers every route of the route table with app.http. */
import { app } from "@azure/functions";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadConfig } from "./config.js";
import { createHandler } from "./http/pipeline.js";
import { buildRouteTable } from "./http/routes.js";
import { createServices, type Services } from "./services.js";
import { registerProgressJobs } from "./jobs/register-jobs.js";
import { registerSyncJob } from "./jobs/sync-job.js";

const config = loadConfig();
const tabDir = join(dirname(fileURLToPath(import.meta.url)), "tab");
let services: Promise<Services> | null = null;

/** Created once and kept; a failed start (storage unreachable) is retried on the next request. */
function getServices(): Promise<Services> {
  services ??= createServices(config, { tabDir }).catch((error: unknown) => {
    services = null;
    throw error;
  });
  return services;
}

app.setup({ enableHttpStream: false });
for (const route of buildRouteTable(config)) {
  app.http(route.name, { methods: route.methods, route: route.route, authLevel: "anonymous", handler: createHandler(route, getServices) });
}
registerProgressJobs(app, config, getServices);
registerSyncJob(app, config, getServices);
// Started now, so the storage round trip overlaps the host's own start-up instead of delaying the first
// request. A failure here is not lost: the first request retries and reports it.
getServices().catch(() => undefined);
