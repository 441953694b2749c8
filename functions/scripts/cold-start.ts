/**
 * `npx tsx functions/scripts/cold-start.ts [--runs 5]`, after `npm run build`: starts fresh Node processes on
 * the bundled app (functions/dist/local-host.js) and times each one from spawn to the first 200 from
 * /api/health. Azurite is started once beforehand, so emulator start-up is not counted as app start-up.
 * Prints one JSON line like the benchmarks do.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { startAzurite } from "../dev/azurite.js";
import { findFreePort } from "../dev/free-port.js";
import { stopChild } from "../dev/stop-child.js";

const LOCAL_HOST = fileURLToPath(new URL("../dist/local-host.js", import.meta.url));
const MAIN_BUNDLE = fileURLToPath(new URL("../dist/main.js", import.meta.url));
const POLL_MS = 5;
const TIMEOUT_MS = 30_000;

async function isHealthy(url: string): Promise<boolean> {
  try {
    const response = await fetch(url);
    await response.arrayBuffer();
    return response.status === 200;
  } catch {
    return false;
  }
}

/** Resolves once /api/health answers 200; rejects if the process dies or takes too long. */
async function waitForHealth(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + TIMEOUT_MS;
  while (!(await isHealthy(url))) {
    if (child.exitCode !== null) throw new Error(`local-host.js exited with code ${child.exitCode}:\n${output()}`);
    if (Date.now() > deadline) throw new Error(`no 200 from ${url} within ${TIMEOUT_MS} ms:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}


async function measureOnce(env: NodeJS.ProcessEnv): Promise<number> {
  const port = await findFreePort();
  let output = "";
  const started = performance.now();
  const child = spawn(process.execPath, [LOCAL_HOST, "--port", String(port)], { env, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  try {
    await waitForHealth(`http://127.0.0.1:${port}/api/health`, child, () => output);
    return performance.now() - started;
  } finally {
    await stopChild(child, "SIGTERM");
  }
}

function pickPercentile(sorted: number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)]!;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { runs: { type: "string", default: "5" } } });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a whole number of at least 1; got '${values.runs}'`);
  if (!existsSync(LOCAL_HOST)) throw new Error("functions/dist/local-host.js not found: run `npm run build` first");
  const azurite = await startAzurite();
  try {
    const env = { ...process.env, AUTH_MODE: "dev", STORAGE_CONNECTION_STRING: azurite.connectionString, CASCADE_DATA_DIR: "" };
    const timings: number[] = [];
    for (let i = 0; i < runs; i++) timings.push(await measureOnce(env));
    const sorted = [...timings].sort((a, b) => a - b);
    const round = (ms: number) => Math.round(ms);
    const bundleMb = Number((statSync(MAIN_BUNDLE).size / 1024 / 1024).toFixed(2));
    console.log(JSON.stringify({ bench: "cold-start", runs, medianMs: round(pickPercentile(sorted, 0.5)), minMs: round(sorted[0]!), maxMs: round(sorted.at(-1)!), bundleMb }));
  } finally {
    await azurite.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`cold-start failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
