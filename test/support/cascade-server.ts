/** Starts Cascade for browser tests: its own Azurite, a free port, the demo organisation, the built tab. */
import { startCascade as start, type RunningCascade } from "../../functions/dev/start-cascade.js";
import { ensureTabBuilt } from "./tab-build.js";

export async function startCascade(options: { dataDir?: string } = {}): Promise<RunningCascade> {
  ensureTabBuilt();
  return start({ env: { AUTH_MODE: "dev", CASCADE_DATA_DIR: options.dataDir, LOG_LEVEL: "warn" }, port: 0 });
}
