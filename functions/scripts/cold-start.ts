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
 * In Entra mode each run then waits `--signed-in-after` ms (default 100, about when a tab asks for its data
 * after its page) and times one signed-in `GET /api/goals` (`signedInMs`): the code that loads after start
 * and the first fetch of the signing keys, from a local issuer, are in it.
 *
 * Prints one JSON line like the benchmarks do; `nodeBaselineMs` is the same measurement for a bare Node HTTP
 * server (what Node itself costs here), `startupMb` is main.js plus the chunks it imports statically (what a
 * cold instance parses before answering), `jsMb` every deployed chunk.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { startAzurite } from "../dev/azurite.js";
import { findFreePort } from "../dev/free-port.js";
import { stopChild } from "../dev/stop-child.js";
import { loadConfig } from "../src/config.js";
import { createServices } from "../src/composition/services.js";
import { describeError } from "../src/domain/logger.js";
import { buildSmallOrg } from "../../test/support/org-builder.js";
import { startTestIssuer, type TestIssuer } from "../../test/support/test-issuer.js";

const DIST = fileURLToPath(new URL("../dist", import.meta.url));
const LOCAL_HOST = join(DIST, "local-host.js");
const POLL_MS = 5;
/** local-host.js prints `{"url":…}` once it listens. */
const LISTENING_MARK = '"url"';
const TIMEOUT_MS = 30_000;
const MODES = ["entra", "dev"] as const;
type Mode = (typeof MODES)[number];

/** Production-shaped Entra settings; the local issuer stands in for Entra ID, whose keys are fetched only
 * when the first token arrives. */
function createEntraSettings(issuer: TestIssuer, tenantId: string): Record<string, string> {
  return {
    AAD_APP_CLIENT_ID: issuer.clientId,
    AAD_APP_TENANT_ID: tenantId,
    AAD_APP_CLIENT_SECRET: "cold-start-placeholder",
    ENTRA_JWKS_URL: issuer.jwksUrl,
    ENTRA_AUTHORITY_HOST: issuer.authorityHost,
    BOT_ID: "00000000-0000-4000-8000-00000000b071",
    TAB_DOMAIN: "cascade.example",
  };
}

interface SignedInRequest {
  token: string;
  afterMs: number;
}

/** Times one signed-in request, made `afterMs` after the first answer. */
async function timeSignedInRequest(baseUrl: string, request: SignedInRequest): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, request.afterMs));
  const started = performance.now();
  const response = await fetch(`${baseUrl}/api/goals`, { headers: { authorization: `Bearer ${request.token}` } });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`GET /api/goals answered ${response.status}, not 200`);
  return performance.now() - started;
}

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

interface RunTimes {
  startMs: number;
  signedInMs: number | null;
}

async function measureOnce(env: NodeJS.ProcessEnv, isBaseline = false, signedIn: SignedInRequest | null = null): Promise<RunTimes> {
  const port = await findFreePort();
  let output = "";
  const started = performance.now();
  const args = isBaseline ? ["--input-type=module", "--eval", BASELINE_SOURCE] : [LOCAL_HOST, "--port", String(port)];
  const child = spawn(process.execPath, args, { env: { ...env, PORT: String(port) }, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  try {
    await waitForHealth(`http://127.0.0.1:${port}/api/health`, child, () => output);
    const startMs = performance.now() - started;
    return { startMs, signedInMs: signedIn ? await timeSignedInRequest(`http://127.0.0.1:${port}`, signedIn) : null };
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

interface Options {
  runs: number;
  mode: Mode;
  signedInAfterMs: number;
}

function readOptions(): Options {
  const { values } = parseArgs({ options: { runs: { type: "string", default: "5" }, mode: { type: "string", default: "entra" }, "signed-in-after": { type: "string", default: "100" } } });
  const runs = Number(values.runs);
  const signedInAfterMs = Number(values["signed-in-after"]);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a whole number of at least 1; got '${values.runs}'`);
  if (!MODES.includes(values.mode as Mode)) throw new Error(`--mode must be one of ${MODES.join(", ")}; got '${values.mode}'`);
  if (!Number.isInteger(signedInAfterMs) || signedInAfterMs < 0) throw new Error(`--signed-in-after must be a whole number of milliseconds; got '${values["signed-in-after"]}'`);
  return { runs, mode: values.mode as Mode, signedInAfterMs };
}

/** One person in a fresh tenant, written with the app's own stores, and a token for them. */
async function prepareSignedInRequest(env: Record<string, string | undefined>, issuer: TestIssuer, tenantId: string, afterMs: number): Promise<SignedInRequest> {
  const services = await createServices(loadConfig(env), { tabDir: DIST });
  const { alice } = buildSmallOrg();
  await services.directory.upsertPeople(tenantId, [{ ...alice, managerId: null }]);
  return { token: await issuer.mint({ tid: tenantId, oid: alice.id, name: alice.displayName }), afterMs };
}

const median = (values: number[]) => Math.round(pickPercentile([...values].sort((a, b) => a - b), 0.5));

async function main(): Promise<void> {
  const { runs, mode, signedInAfterMs } = readOptions();
  if (!existsSync(LOCAL_HOST)) throw new Error("functions/dist/local-host.js not found: run `npm run build` first");
  const azurite = await startAzurite();
  const issuer = await startTestIssuer();
  try {
    const tenantId = randomUUID();
    const settings = mode === "entra" ? createEntraSettings(issuer, tenantId) : {};
    const env = { PATH: process.env.PATH, ...settings, AUTH_MODE: mode, STORAGE_CONNECTION_STRING: azurite.connectionString, CASCADE_DATA_DIR: "" };
    const signedIn = mode === "entra" ? await prepareSignedInRequest(env, issuer, tenantId, signedInAfterMs) : null;
    // This process's own first fetch sets up its HTTP client; done now, it is not counted in the first run.
    await isHealthy(`http://127.0.0.1:${azurite.port}/`);
    const runTimes: RunTimes[] = [];
    const baselines: number[] = [];
    // Alternated, so a busy moment on the machine weighs on both series alike.
    for (let i = 0; i < runs; i++) {
      runTimes.push(await measureOnce(env, false, signedIn));
      baselines.push((await measureOnce(env, true)).startMs);
    }
    const starts = runTimes.map((run) => run.startMs).sort((a, b) => a - b);
    const signedInTimes = runTimes.flatMap((run) => (run.signedInMs === null ? [] : [run.signedInMs]));
    const signedInFigures = signedIn ? { signedInAfterMs, signedInMs: median(signedInTimes) } : {};
    const deployedJs = readdirSync(DIST).filter((file) => file.endsWith(".js") && !file.startsWith("local-host"));
    console.log(JSON.stringify({ bench: "cold-start", mode, runs, medianMs: median(starts), minMs: Math.round(starts[0]!), maxMs: Math.round(starts.at(-1)!), nodeBaselineMs: median(baselines), ...signedInFigures, startupMb: sumMb(listStartupFiles()), jsMb: sumMb(deployedJs) }));
  } finally {
    await issuer.close();
    await azurite.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`cold-start failed: ${describeError(error)}`);
  process.exitCode = 1;
});
