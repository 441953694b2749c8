/** Keeps tab/dist in step with the tab's sources for tests that serve the tab. */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_TAB_DIR } from "../../functions/dev/start-cascade.js";

const TAB_ROOT = join(DEFAULT_TAB_DIR, "..");

function newestSourceTime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSourceTime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds the tab when there is no build yet or its sources changed since the last one. */
export function ensureTabBuilt(): void {
  const index = join(DEFAULT_TAB_DIR, "index.html");
  if (existsSync(index) && statSync(index).mtimeMs >= newestSourceTime(join(TAB_ROOT, "src"))) return;
  execFileSync("npm", ["run", "build:tab"], { stdio: "inherit" });
}

