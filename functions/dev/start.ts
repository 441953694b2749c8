/** `npm start`: runs Cascade locally on the embedded defaults and stops cleanly on Ctrl-C. */
import { ConfigError } from "../src/config.js";
import { startCascade } from "./start-cascade.js";

async function main(): Promise<void> {
  const started = Date.now();
  const cascade = await startCascade({ env: process.env });
  const where = cascade.config.dataDir ? `data kept in ${cascade.config.dataDir}` : "data kept in memory (set CASCADE_DATA_DIR to keep it)";
  console.log(`Cascade is running at ${cascade.url}/  (sign-in: ${cascade.config.authMode}, ${where}, ready in ${Date.now() - started} ms)`);
  console.log("Press Ctrl-C to stop.");
  let isStopping = false;
  const stop = async (signal: string) => {
    if (isStopping) return;
    isStopping = true;
    console.log(`\n${signal}: stopping Cascade…`);
    await cascade.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
