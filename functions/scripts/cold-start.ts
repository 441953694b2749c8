/**
 * `npx tsx functions/scripts/cold-start.ts [--runs 5] [--mode entra|dev]`, after `npm run build`: starts fresh
 * Node processes on the bundled app (functions/dist/local-host.js) and times each one from spawn to the first
 * 200 from /api/health. Azurite is started once beforehand, so emulator start-up is not counted as app
 * start-up; its tables exist after the first run, as they do for every instance but an app's very first.
 *
 * The default mode is Entra sign-in, the mode production runs in: placeholder app and tenant ids, a loopback
 * JWKS address, and a Bot ID, none of which start-up or /api/health contacts. Local development mode (`--mode
 * dev`) also generates the local issuer's RSA key on every start, which production never does.
 * The child gets the app's settings and PATH, not this shell's environment: a Function App's worker starts
 * without the developer's Node options, and some machines set ones that slow every Node start (this one sets
 * NODE_EXTRA_CA_CERTS, which makes Node read a CA bundle at start-up, about 90 ms here).
 *
 * Prints one JSON line like the benchmarks do; `nodeBaselineMs` is the same measurement for a bare Node HTTP
 * server (what Node itself costs here), `startupMb` is main.js plus the chunks it imports statically (what a
 * cold instance parses before answering), `jsMb` every deployed chunk.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { startAzurite } from "../dev/azurite.js";
import { findFreePort } from "../dev/free-port.js";
import { stopChild } from "../dev/stop-child.js";

const DIST = fileURLToPath(new URL("../dist", import.meta.url));
const LOCAL_HOST = join(DIST, "local-host.js");
const POLL_MS = 5;
/** local-host.js prints `{"url":…}` once it listens. */
const LISTENING_MARK = '"url"';
const TIMEOUT_MS = 30_000;
const MODES = ["entra", "dev"] as const;
type Mode = (typeof MODES)[number];

/** Production-shaped Entra settings. Nothing here is contacted before a request carries a token. */
const ENTRA_SETTINGS = {
  AAD_APP_CLIENT_ID: "00000000-0000-4000-8000-00000000c01d",
  AAD_APP_TENANT_ID: "00000000-0000-4000-8000-0000000000a1",
  AAD_APP_CLIENT_SECRET: "cold-start-placeholder",
  ENTRA_JWKS_URL: "http://127.0.0.1:9/discovery/v2.0/keys",
  ENTRA_AUTHORITY_HOST: "http://127.0.0.1:9",
  BOT_ID: "00000000-0000-4000-8000-00000000b071",
  TAB_DOMAIN: "cascade.example",
};

async function isHealthy(url: string): Promise<boolean> {
  try {
    const response = await fetch(url);
    await response.arrayBuffer();
    return response.status === 200;
  } catch {
    return false;
  }
}

/**
 * Resolves once /api/health answers 200; rejects if the process dies or takes too long. Requests start
 * once the child says it listens: polling a port that is not open yet would take CPU from the very start-up
 * being measured on a small machine, not make the answer come sooner.
 */
async function waitForHealth(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + TIMEOUT_MS;
  while (!output().includes(LISTENING_MARK) || !(await isHealthy(url))) {
    if (child.exitCode !== null) throw new Error(`the server process exited with code ${child.exitCode}:\n${output()}`);
    if (Date.now() > deadline) throw new Error(`no 200 from ${url} within ${TIMEOUT_MS} ms:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** A bare Node HTTP server that answers /api/health the way the harness expects: Node's own share. */
const BASELINE_SOURCE = `
import { createServer } from "node:http";
const server = createServer((request, response) => response.end("{}"));
server.listen(Number(process.env.PORT), "127.0.0.1", () => console.log(JSON.stringify({ url: "" })));
`;

async function measureOnce(env: NodeJS.ProcessEnv, isBaseline = false): Promise<number> {
  const port = await findFreePort();
  let output = "";
  const started = performance.now();
  const args = isBaseline ? ["--input-type=module", "--eval", BASELINE_SOURCE] : [LOCAL_HOST, "--port", String(port)];
  const child = spawn(process.execPath, args, { env: { ...env, PORT: String(port) }, stdio: ["ignore", "pipe", "pipe"] });
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

/** main.js and, transitively, the chunks it imports statically; `import("…")` chunks load on first use. */
function listStartupFiles(file = "main.js", seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const source = readFileSync(join(DIST, file), "utf8");
  for (const [, chunk] of source.matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)) listStartupFiles(chunk!, seen);
  return seen;
}

function sumMb(files: Iterable<string>): number {
  const bytes = [...files].reduce((sum, file) => sum + statSync(join(DIST, file)).size, 0);
  return Number((bytes / 1024 / 1024).toFixed(2));
}

function readOptions(): { runs: number; mode: Mode } {
  const { values } = parseArgs({ options: { runs: { type: "string", default: "5" }, mode: { type: "string", default: "entra" } } });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a whole number of at least 1; got '${values.runs}'`);
  if (!MODES.includes(values.mode as Mode)) throw new Error(`--mode must be one of ${MODES.join(", ")}; got '${values.mode}'`);
  return { runs, mode: values.mode as Mode };
}

async function main(): Promise<void> {
  const { runs, mode } = readOptions();
  if (!existsSync(LOCAL_HOST)) throw new Error("functions/dist/local-host.js not found: run `npm run build` first");
  const azurite = await startAzurite();
  try {
    const settings = mode === "entra" ? ENTRA_SETTINGS : {};
    const env = { PATH: process.env.PATH, ...settings, AUTH_MODE: mode, STORAGE_CONNECTION_STRING: azurite.connectionString, CASCADE_DATA_DIR: "" };
    // This process's own first fetch sets up its HTTP client; done now, it is not counted in the first run.
    await isHealthy(`http://127.0.0.1:${azurite.port}/`);
    const timings: number[] = [];
    const baselines: number[] = [];
    // Alternated, so a busy moment on the machine weighs on both series alike.
    for (let i = 0; i < runs; i++) {
      timings.push(await measureOnce(env));
      baselines.push(await measureOnce(env, true));
    }
    const sorted = [...timings].sort((a, b) => a - b);
    const round = (ms: number) => Math.round(ms);
    const nodeBaselineMs = round(pickPercentile([...baselines].sort((a, b) => a - b), 0.5));
    const deployedJs = readdirSync(DIST).filter((file) => file.endsWith(".js") && !file.startsWith("local-host"));
    console.log(JSON.stringify({ bench: "cold-start", mode, runs, medianMs: round(pickPercentile(sorted, 0.5)), minMs: round(sorted[0]!), maxMs: round(sorted.at(-1)!), nodeBaselineMs, startupMb: sumMb(listStartupFiles()), jsMb: sumMb(deployedJs) }));
  } finally {
    await azurite.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`cold-start failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
