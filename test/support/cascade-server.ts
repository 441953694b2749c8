/** Starts Cascade for browser tests: its own Azurite, a free port, the demo organisation, the built tab. */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_TAB_DIR, startCascade as start, type RunningCascade } from "../../functions/dev/start-cascade.js";

function ensureTabBuilt(): void {
  if (existsSync(join(DEFAULT_TAB_DIR, "index.html"))) return;
  execFileSync("npm", ["run", "build:tab"], { stdio: "inherit" });
}

export async function startCascade(options: { dataDir?: string } = {}): Promise<RunningCascade> {
  ensureTabBuilt();
  return start({ env: { AUTH_MODE: "dev", CASCADE_DATA_DIR: options.dataDir, LOG_LEVEL: "warn" }, port: 0 });
}
