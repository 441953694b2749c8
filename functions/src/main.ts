/** Azure Functions entry point: registers every route of the route table with app.http. */
import { app } from "@azure/functions";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadConfig } from "./config.js";
import { createHandler } from "./http/pipeline.js";
import { buildRouteTable } from "./http/routes.js";
import { createLazyLoader } from "./lazy-loader.js";
import { createServices } from "./composition/services.js";
import { registerProgressJobs } from "./jobs/register-jobs.js";
import { registerRollUpJob } from "./jobs/rollup-job.js";
import { registerSyncJob } from "./jobs/sync-job.js";

const config = loadConfig();
const tabDir = join(dirname(fileURLToPath(import.meta.url)), "tab");
/** Created once and kept; a failed start (storage unreachable) is retried on the next request. */
const services = createLazyLoader(() => createServices(config, { tabDir }));
const getServices = services.load;

app.setup({ enableHttpStream: false });
for (const route of buildRouteTable(config)) {
  app.http(route.name, { methods: route.methods, route: route.route, authLevel: "anonymous", handler: createHandler(route, getServices) });
}
registerProgressJobs(app, config, getServices);
registerSyncJob(app, config, getServices);
registerRollUpJob(app, getServices);
// Started now, so the storage round trip overlaps the host's own start-up instead of delaying the first
// request. A failure here is not lost: the first request retries and reports it.
getServices().catch(() => undefined);
