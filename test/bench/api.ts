/** API benchmark (`npm run bench -- api`): the local host in its own process, Azurite, and real token
 * verification (Entra mode, the test issuer's keys). Seeds as much of 100k people / 1M goals as fits
 * the seed budget, then measures at a rate the emulator sustains and again at 300 req/s (where it saturates):
 * single-goal read beside a raw Azurite point read, team view
 * (the dashboard of a manager with at most 200 goals below them), and single-goal update beside a raw
 * Azurite transaction of the same shape.
 * Prints one JSON line per figure set. Run alone with `npx tsx test/bench/api.ts`. */
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { createInterface } from "node:readline";
import { fileURLToPath, pathToFileURL } from "node:url";
import { startAzurite } from "../../functions/dev/azurite.js";
import { stopChild } from "../../functions/dev/stop-child.js";
import { DEFAULT_TAB_DIR } from "../../functions/dev/start-cascade.js";
import { loadConfig } from "../../functions/src/config.js";
import { createServices, type Services } from "../../functions/src/composition/services.js";
import type { Cycle } from "../../functions/src/domain/types.js";
import { goalRowKey, ownerPartition } from "../../functions/src/store/goal-entity.js";
import { makeKey, TABLE_NAMES } from "../../functions/src/store/tables.js";
import { buildCycle } from "../support/api-harness.js";
import { startTestIssuer } from "../support/test-issuer.js";
import { runHttpLoad, runPacedLoad, type Answer, type LoadFigures, type LoadRequest } from "./api-load.js";
import { buildPeople, goalIdOf, personId, pickTeamManagers, seedGoals, type SeedResult, type TeamPick } from "./api-seed.js";

const PEOPLE = 100_000;
/** BENCH_API_GOALS and BENCH_API_SECONDS shorten a trial run; the defaults are the real benchmark. */
const GOAL_TARGET = Number(process.env.BENCH_API_GOALS ?? 1_000_000);
const SEED_BUDGET_MS = 9 * 60 * 1000;
/** Each route first at a rate the emulator can serve (latency without saturation), then at the
 * target rate; after a saturated run the API is left to drain before the next one. */
const TARGET_RPS = 300;
/** BENCH_API_READ_RPS and BENCH_API_UPDATE_RPS measure the single-goal routes at another sustained rate. */
export const SUSTAINED_RPS = { read: Number(process.env.BENCH_API_READ_RPS ?? 50), team: 50, update: Number(process.env.BENCH_API_UPDATE_RPS ?? 20), checkIn: Number(process.env.BENCH_API_CHECKIN_RPS ?? 2) };
const SECONDS = Number(process.env.BENCH_API_SECONDS ?? 15);
/** BENCH_API_ONLY=read,team,update runs only those figure sets (read and update come with their raw Azurite figures). */
const ONLY = new Set((process.env.BENCH_API_ONLY ?? "read,team,update").split(","));
/** Warm-up before each measured run (JIT, key cache, connections, the route modules' first load);
 * BENCH_API_WARM_SECONDS lengthens it where a busy machine needs longer to reach a steady state. */
const WARM_SECONDS = Number(process.env.BENCH_API_WARM_SECONDS ?? 3);
/** Each team's first (cold) dashboard runs 72 partition queries, and Azurite scans the whole table for each. */
const TEAM_MANAGERS = 5;
const UPDATE_OWNERS = 1000;
const DAY_MS = 86_400_000;

const print = (line: Record<string, unknown>) => console.log(JSON.stringify(line));
const isoDay = (offset: number) => new Date(Date.now() + offset * DAY_MS).toISOString().slice(0, 10);

export async function startApiProcess(env: Record<string, string>): Promise<{ url: string; child: ChildProcess }> {
  const script = fileURLToPath(new URL("./api-server.ts", import.meta.url));
  const profile = process.env.BENCH_API_PROFILE_DIR ? [`--cpu-prof`, `--cpu-prof-dir=${process.env.BENCH_API_PROFILE_DIR}`] : [];
  const child = spawn(process.execPath, [...profile, "--import", "tsx", script], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "inherit"] });
  const lines = createInterface({ input: child.stdout! });
  for await (const line of lines) {
    if (line.startsWith("{")) return { url: (JSON.parse(line) as { url: string }).url, child };
  }
  throw new Error("The API process exited before it started");
}

function figures(bench: string, rps: number, result: LoadFigures, extra: Record<string, unknown> = {}) {
  return { bench, rps, seconds: SECONDS, ...extra, p50Ms: result.p50Ms, p95Ms: result.p95Ms, p99Ms: result.p99Ms, requests: result.requests, errors: result.errors };
}

/** Waits until the API answers its health check quickly again: requests a saturated run left queued
 * keep the process and Azurite busy after the load generator has given up on them. */
async function drain(url: string): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    const at = performance.now();
    const response = await fetch(`${url}/api/health`).catch(() => null);
    await response?.arrayBuffer();
    if (response?.ok && performance.now() - at < 50) return;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

/** A short warm-up (JIT, key cache, connections), then the measured run. */
async function measure(url: string, rps: number, next: () => LoadRequest, onAnswer?: (request: LoadRequest, answer: Answer) => void): Promise<LoadFigures> {
  await runHttpLoad({ url, rps, seconds: WARM_SECONDS, next, onAnswer });
  return runHttpLoad({ url, rps, seconds: SECONDS, next, onAnswer });
}

export interface BenchContext {
  url: string;
  tenantId: string;
  cycleId: string;
  owners: number[];
  counts: Map<number, number>;
  token(n: number): Promise<string>;
}

function pickRandomGoal(ctx: Pick<BenchContext, "owners" | "counts">): { n: number; id: string } {
  const n = ctx.owners[Math.floor(Math.random() * ctx.owners.length)]!;
  return { n, id: goalIdOf(n, Math.floor(Math.random() * ctx.counts.get(n)!)) };
}

/** Reads at each rate (the sustained one, then the target, unless told otherwise), each beside a raw point read. */
export async function measureReads(ctx: BenchContext, services: Services, rates: number[] = [SUSTAINED_RPS.read, TARGET_RPS]): Promise<void> {
  const goalsTable = services.tables.getClient(TABLE_NAMES.goals);
  const rawRead = () => {
    const g = pickRandomGoal(ctx);
    return goalsTable.getEntity(ownerPartition(ctx.tenantId, personId(g.n)), goalRowKey(g.id));
  };
  const reader = `Bearer ${await ctx.token(0)}`;
  const readNext = (): LoadRequest => ({ method: "GET", path: `/api/goals/${pickRandomGoal(ctx).id}`, headers: { authorization: reader } });
  for (const rps of rates) {
    const raw = await runPacedLoad({ rps, seconds: SECONDS, call: rawRead });
    print(figures("azurite-point-read", rps, raw));
    const read = await measure(ctx.url, rps, readNext);
    print(figures("api-goal-read", rps, read, { rawPointReadP95Ms: raw.p95Ms, p95RatioToRawPointRead: Math.round((read.p95Ms / Math.max(raw.p95Ms, 0.01)) * 10) / 10 }));
    await drain(ctx.url);
  }
}

/** Each manager's first dashboard is computed from their team's goals; later ones read the snapshot. */
async function measureTeamView(ctx: BenchContext, teams: TeamPick[]): Promise<void> {
  const tokens = await Promise.all(teams.map(async (t) => `Bearer ${await ctx.token(t.manager)}`));
  const path = `/api/dashboard?manager=me&cycle=${ctx.cycleId}`;
  const cold: number[] = [];
  for (const [i, team] of teams.entries()) {
    const at = performance.now();
    const response = await fetch(`${ctx.url}${path}`, { headers: { authorization: tokens[i]! } });
    if (!response.ok) throw new Error(`Dashboard of ${team.manager} answered ${response.status}`);
    await response.arrayBuffer();
    cold.push(performance.now() - at);
  }
  let turn = 0;
  const next = (): LoadRequest => ({ method: "GET", path, headers: { authorization: tokens[turn++ % teams.length]! } });
  const coldComputeMedianMs = Math.round([...cold].sort((a, b) => a - b)[Math.floor(cold.length / 2)]!);
  const extra = { managers: teams.length, peoplePerView: 72, maxGoalsPerView: Math.max(...teams.map((t) => t.goals)), coldComputeMedianMs };
  for (const rps of [SUSTAINED_RPS.team, TARGET_RPS]) {
    print(figures("api-team-view", rps, await measure(ctx.url, rps, next), extra));
    await drain(ctx.url);
  }
}

/** What an edit must write at the least, straight through the SDK: one transaction in the owner's
 * partition replacing a goal-sized row and adding an audit row (in partitions of their own). */
function createRawTransaction(ctx: BenchContext, services: Services): () => Promise<unknown> {
  const goalsTable = services.tables.getClient(TABLE_NAMES.goals);
  let turn = 0;
  return () => {
    const i = turn++;
    const partitionKey = makeKey(ctx.tenantId, "raw", String(i % UPDATE_OWNERS));
    const description = `Why this matters to customers, revision ${i}, and how we will know it is done.`.padEnd(600, ".");
    return goalsTable.submitTransaction([
      ["upsert", { partitionKey, rowKey: "g", description }, "Replace"],
      ["create", { partitionKey, rowKey: `a|${i}`, action: "edited" }],
    ]);
  };
}

/** Reads each goal once through the API, as the tab shows a goal before it can be edited: the ETag
 * each edit must send, keyed by the goal's path. */
async function showGoals(ctx: BenchContext, paths: string[], tokens: string[]): Promise<Map<string, string>> {
  const etags = new Map<string, string>();
  for (let i = 0; i < paths.length; i += 20) {
    await Promise.all(paths.slice(i, i + 20).map(async (path, k) => {
      const response = await fetch(`${ctx.url}${path}`, { headers: { authorization: tokens[i + k]! } });
      await response.arrayBuffer();
      if (!response.ok || !response.headers.get("etag")) throw new Error(`Reading ${path} answered ${response.status}`);
      etags.set(path, response.headers.get("etag")!);
    }));
  }
  return etags;
}

/** Non-material edits (the description) of goals owned by people outside the measured teams, each with
 * the If-Match of the version last shown or saved, as the tab sends them: `api-goal-update`, after the
 * goals were read through the API (a single instance of the app, which then holds them); then, at the
 * first rate only, `api-goal-update-unread`: edits with If-Match "*" of goals the API has not read. */
export async function measureUpdates(ctx: BenchContext, services: Services, teams: TeamPick[], rates: number[] = [SUSTAINED_RPS.update, TARGET_RPS]): Promise<void> {
  const teamMembers = new Set(teams.flatMap((t) => [t.manager, ...t.members]));
  // Owners whose first goal is active (the seed leaves every eleventh waiting for approval).
  const writers = ctx.owners.filter((n) => !teamMembers.has(n) && n % 11 !== 0).slice(-2 * UPDATE_OWNERS);
  const tokens = await Promise.all(writers.map(async (n) => `Bearer ${await ctx.token(n)}`));
  const paths = writers.map((n) => `/api/goals/${goalIdOf(n, 0)}`);
  const shown = writers.slice(0, Math.ceil(writers.length / 2)).length;
  const etags = await showGoals(ctx, paths.slice(0, shown), tokens);
  const rememberSaved = (request: LoadRequest, answer: Answer) => void (answer.etag && etags.has(request.path) && etags.set(request.path, answer.etag));
  const editor = (from: number, count: number) => {
    let edit = 0;
    return (): LoadRequest => {
      const i = from + (edit++ % count);
      const body = JSON.stringify({ description: `Why this matters to customers, revision ${edit}, and how we will know it is done.` });
      return { method: "PATCH", path: paths[i]!, headers: { authorization: tokens[i]!, "content-type": "application/json", "if-match": etags.get(paths[i]!) ?? "*" }, body };
    };
  };
  const rawTransaction = createRawTransaction(ctx, services);
  for (const rps of rates) {
    const raw = await runPacedLoad({ rps, seconds: SECONDS, call: rawTransaction });
    print(figures("azurite-transaction", rps, raw));
    const ratio = (update: LoadFigures) => ({ rawTransactionP95Ms: raw.p95Ms, p95RatioToRawTransaction: Math.round((update.p95Ms / Math.max(raw.p95Ms, 0.01)) * 10) / 10 });
    const update = await measure(ctx.url, rps, editor(0, shown), rememberSaved);
    print(figures("api-goal-update", rps, update, { goalsRotated: shown, after: "read", ...ratio(update) }));
    await drain(ctx.url);
    // Once: an edit saves the version it wrote, so a second round over these goals would find them held.
    if (rps !== rates[0]) continue;
    const unread = await measure(ctx.url, rps, editor(shown, writers.length - shown));
    print(figures("api-goal-update-unread", rps, unread, { goalsRotated: writers.length - shown, ...ratio(unread) }));
    await drain(ctx.url);
  }
  // Last, as it loads the emulator most: a check-in changes what the views count, so the team roll-ups
  // and the alignment roll-ups are walked up both chains (management and alignment) before it answers.
  const rps = SUSTAINED_RPS.checkIn;
  const raw = await runPacedLoad({ rps, seconds: SECONDS, call: rawTransaction });
  print(figures("azurite-transaction", rps, raw));
  const checkIns = await measure(ctx.url, rps, checkInner(writers.length));
  print(figures("api-goal-checkin", rps, checkIns, { goalsRotated: writers.length, rawTransactionP95Ms: raw.p95Ms, p95RatioToRawTransaction: Math.round((checkIns.p95Ms / Math.max(raw.p95Ms, 0.01)) * 10) / 10 }));
  await drain(ctx.url);

  function checkInner(count: number) {
    let sent = 0;
    return (): LoadRequest => {
      const i = sent++ % count;
      const body = JSON.stringify({ confidence: sent % 3 === 0 ? "at_risk" : "on_track", note: `Check-in ${sent}.` });
      return { method: "POST", path: `${paths[i]!}/checkins`, headers: { authorization: tokens[i]!, "content-type": "application/json" }, body };
    };
  }
}

async function seed(services: Services, tenantId: string, cycle: Cycle, teams: TeamPick[]): Promise<SeedResult> {
  const started = Date.now();
  await services.directory.upsertPeople(tenantId, buildPeople(PEOPLE));
  const directorySeconds = (Date.now() - started) / 1000;
  const firstOwners = teams.flatMap((t) => [t.manager, ...t.members]);
  const seeded = await seedGoals(services.tables, tenantId, cycle, { people: PEOPLE, goalTarget: GOAL_TARGET, budgetMs: SEED_BUDGET_MS - (Date.now() - started), firstOwners });
  print({ bench: "api-seed", people: PEOPLE, goals: seeded.goals, owners: seeded.owners.length, directorySeconds, seconds: (Date.now() - started) / 1000, target: { people: PEOPLE, goals: GOAL_TARGET } });
  return seeded;
}

export async function runApiBench(): Promise<void> {
  // Azurite keeps everything in memory; a million entities need more than Node's default heap.
  process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ""} --max-old-space-size=12288`.trim();
  const azurite = await startAzurite();
  const issuer = await startTestIssuer();
  const tenantId = randomUUID();
  const env = {
    AUTH_MODE: "entra", AAD_APP_CLIENT_ID: issuer.clientId, ALLOWED_TENANT_IDS: tenantId, ENTRA_JWKS_URL: issuer.jwksUrl,
    ENTRA_AUTHORITY_HOST: issuer.authorityHost, STORAGE_CONNECTION_STRING: azurite.connectionString, LOG_LEVEL: "error",
  };
  let api: ChildProcess | null = null;
  try {
    const services = await createServices(loadConfig(env), { tabDir: DEFAULT_TAB_DIR });
    const cycle = buildCycle(tenantId, { id: "bench", name: "Bench cycle", startDate: isoDay(-45), endDate: isoDay(45) });
    await services.goalDeps.cycles.saveCycle(cycle);
    const teams = pickTeamManagers(PEOPLE, TEAM_MANAGERS);
    const { owners, counts } = await seed(services, tenantId, cycle, teams);
    const started = await startApiProcess(env);
    api = started.child;
    const ctx: BenchContext = { url: started.url, tenantId, cycleId: cycle.id, owners, counts, token: (n) => issuer.mint({ tid: tenantId, oid: personId(n), name: `Person ${n}` }) };
    if (ONLY.has("read")) await measureReads(ctx, services);
    if (ONLY.has("team")) await measureTeamView(ctx, teams);
    if (ONLY.has("update")) await measureUpdates(ctx, services, teams);
  } finally {
    if (api) await stopChild(api, "SIGTERM");
    await issuer.close();
    await azurite.stop();
  }
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  runApiBench().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
