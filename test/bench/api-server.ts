/** The API under load for the benchmark, in its own process so the load generator does not share its
 * event loop. Entra-mode token checks against the bench's issuer; prints its URL as one JSON line. */
import { loadConfig } from "../../functions/src/config.js";
import { createServices } from "../../functions/src/composition/services.js";
import { startLocalHost } from "../../functions/dev/local-host.js";
import { DEFAULT_TAB_DIR } from "../../functions/dev/start-cascade.js";

const services = await createServices(loadConfig(process.env), { tabDir: DEFAULT_TAB_DIR });
const host = await startLocalHost({ port: 0, services });
console.log(JSON.stringify({ url: host.url }));
process.on("SIGTERM", () => void host.close().then(() => process.exit(0)));
