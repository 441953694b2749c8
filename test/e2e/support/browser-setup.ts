/** Runs before the browser tests: without a browser they would all fail the same way, so the run
 * stops here with one sentence that says how to get one. */
import { searchThisMachine } from "./chromium.js";

export function setup(): void {
  const search = searchThisMachine();
  if (search.kind === "found") return;
  console.error(`\n${search.message}\n`);
  process.exit(1);
}
