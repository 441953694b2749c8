/** Import benchmark: a 100,000-row Cascade template CSV (25,000 goals of 2,000 people, each with three
 * key results, most aligned to a goal earlier in the file) imported into Azurite through the same
 * job work the API starts, then the same file again (nothing to change). The import runs in a child
 * process so its peak RSS is measured alone: the parent builds the file and the people, and the child
 * reads the file as bytes, as a request body arrives. Run alone with `npx tsx test/bench/import.ts`;
 * IMPORT_BENCH_GOALS=2500 measures a smaller file (four rows a goal) when profiling, and
 * IMPORT_BENCH_CPU_PROF=DIR writes the import process's CPU profile there. The import runs under the
 * Node.js arguments of the deployment (test/bench/deployed-worker.ts). Besides time and
 * memory it prints where the time went (reading and planning, then writing) and the storage requests
 * the run sent, per goal written. */
import { fork } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { randomUUID } from "node:crypto";
import { loadavg, tmpdir } from "node:os";
import type { Cycle, Person } from "../../functions/src/domain/types.js";
import { fileURLToPath, pathToFileURL } from "node:url";
import { loadConfig } from "../../functions/src/config.js";
import { startAzurite } from "../../functions/dev/azurite.js";
import { deployedNodeArguments } from "./deployed-worker.js";
import { runImport } from "../../functions/src/domain/import/import-service.js";
import type { JobResult } from "../../functions/src/domain/admin-jobs.js";
import { readCsv } from "../../functions/src/sheets/read-sheet.js";
import { countStorageRequests, readStorageRequestCount } from "../../functions/src/store/request-count.js";
import { createServices } from "../../functions/src/composition/services.js";
import { buildCycle } from "../support/api-harness.js";
import { buildPerson } from "../support/org-builder.js";
import { TEMPLATE_HEADER, toCsv, type Table } from "../support/import-files.js";

const PEOPLE = 2_000;
const GOALS = Number(process.env["IMPORT_BENCH_GOALS"] ?? 25_000);
const KEY_RESULTS_PER_GOAL = 3;

interface Figures {
  result: JobResult;
  seconds: number;
  peakRssMb: number;
  cpuSeconds: number;
  planningSeconds: number;
  storageRequests: number;
  /** Seconds, storage requests and memory (at its end) per phase the job reported, in order. */
  /** rssMb and heapMb at the phase's end; peakRssMb and peakHeapMb the most sampled during it (every 50 ms). */
  phases: Array<{ phase: string; seconds: number; requests: number; rssMb: number; heapMb: number; peakRssMb: number; peakHeapMb: number }>;
}

const round = (value: number) => Math.round(value * 100) / 100;

function buildFile(mails: string[], cycleName: string): Uint8Array {
  const table: Table = [TEMPLATE_HEADER];
  for (let g = 0; g < GOALS; g++) {
    // The first goals are top level; every later one aligns to a goal a few hundred rows earlier.
    const parent = g < 200 ? null : `g${Math.floor(g / 4)}`;
    table.push([`g${g}`, "goal", `Goal number ${g} of the organisation`, "Imported to measure the import.", mails[g % mails.length]!, cycleName, parent, g % 3 === 0 ? "draft" : "active", null, null, null, null, null, "2027-03-15"]);
    for (let k = 0; k < KEY_RESULTS_PER_GOAL; k++) table.push([`g${g}-k${k}`, "key result", `Result ${k} of goal ${g}`, null, null, null, `g${g}`, null, k === 2 ? "milestone" : "increase", k === 2 ? null : 0, k === 2 ? null : 100, k === 2 ? 0 : 10 * k, k === 2 ? null : "%", null]);
  }
  return new TextEncoder().encode(toCsv(table));
}

/** What the child is given: the storage, the tenant's people and cycle, and the file, written by the
 * parent so the child's memory is the import's (as a request body, the file arrives as bytes). */
interface ChildInput {
  connectionString: string;
  tenantId: string;
  people: Person[];
  cycle: Cycle;
  filePath: string;
}

function buildTenant(): Omit<ChildInput, "connectionString" | "filePath"> & { bytes: Uint8Array } {
  const tenantId = randomUUID();
  const ceo = buildPerson({ displayName: "Chief" });
  const people = [ceo, ...Array.from({ length: PEOPLE - 1 }, (_, i) => buildPerson({ displayName: `Person ${i}`, managerId: i < 40 ? ceo.id : undefined }))];
  for (let i = 41; i < people.length; i++) people[i]!.managerId = people[1 + (i % 40)]!.id;
  const cycle = buildCycle(tenantId);
  return { tenantId, people, cycle, bytes: buildFile(people.map((p) => p.mail!), cycle.name) };
}

async function runChild(input: ChildInput): Promise<{ first: Figures; again: Figures | null; rows: number }> {
  const config = loadConfig({ AUTH_MODE: "entra", AAD_APP_CLIENT_ID: randomUUID(), ALLOWED_TENANT_IDS: input.tenantId, ENTRA_JWKS_URL: "http://127.0.0.1:9/keys", ENTRA_AUTHORITY_HOST: "http://127.0.0.1:9", STORAGE_CONNECTION_STRING: input.connectionString, LOG_LEVEL: "error" });
  const services = await createServices(config, { tabDir: "." });
  const { tenantId, people, cycle } = input;
  const ceo = people[0]!;
  await services.directory.upsertPeople(tenantId, people);
  await services.goalDeps.cycles.saveCycle(cycle);
  const bytes = new Uint8Array(await readFile(input.filePath));
  const admin = { tenantId, userId: ceo.id, name: "Admin", roles: ["Cascade.Admin"] };
  const measure = async (): Promise<Figures> => {
    const cpu = process.cpuUsage();
    const started = performance.now();
    let planned: number | null = null;
    let storageRequests = 0;
    const phases: Figures["phases"] = [];
    let current = { phase: "", at: started, requests: 0 };
    let peak = { rss: 0, heap: 0 };
    const sample = () => {
      const memory = process.memoryUsage();
      peak = { rss: Math.max(peak.rss, memory.rss), heap: Math.max(peak.heap, memory.heapUsed) };
    };
    const sampler = setInterval(sample, 50);
    const closePhase = () => {
      const requests = readStorageRequestCount() ?? storageRequests;
      const memory = process.memoryUsage();
      if (current.phase) phases.push({ phase: current.phase, seconds: round((performance.now() - current.at) / 1000), requests: requests - current.requests, rssMb: Math.round(memory.rss / 2 ** 20), heapMb: Math.round(memory.heapUsed / 2 ** 20), peakRssMb: Math.round(Math.max(peak.rss, memory.rss) / 2 ** 20), peakHeapMb: Math.round(Math.max(peak.heap, memory.heapUsed) / 2 ** 20) });
      peak = { rss: 0, heap: 0 };
      return requests;
    };
    const onProgress = (progress: { phase: string }) => {
      if (planned === null && progress.phase !== "planning") planned = performance.now();
      if (progress.phase === current.phase) return;
      const requests = closePhase();
      current = { phase: progress.phase, at: performance.now(), requests };
    };
    const result = await countStorageRequests(
      async () => {
        const done = await runImport(services.admin.imports, admin, readCsv(bytes), { mapping: null, owners: {} }, onProgress);
        closePhase();
        return done;
      },
      (n) => (storageRequests = n),
    ).finally(() => clearInterval(sampler));
    const used = process.cpuUsage(cpu);
    const ended = performance.now();
    return { result, seconds: round((ended - started) / 1000), peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024), cpuSeconds: round((used.user + used.system) / 1e6), planningSeconds: round(((planned ?? ended) - started) / 1000), storageRequests, phases };
  };
  const first = await measure();
  // The first run's figures are kept when the second fails.
  const again = await measure().catch((error: unknown) => {
    console.error(error);
    return null;
  });
  return { first, again, rows: GOALS * (1 + KEY_RESULTS_PER_GOAL) };
}

function importInChild(input: ChildInput): Promise<{ first: Figures; again: Figures | null; rows: number }> {
  return new Promise((resolve, reject) => {
    const profileDir = process.env["IMPORT_BENCH_CPU_PROF"];
    const execArgv = ["--import", "tsx", ...deployedNodeArguments(), ...(profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [])];
    const child = fork(fileURLToPath(import.meta.url), ["--child"], { execArgv, stdio: ["ignore", "inherit", "inherit", "ipc"], env: { ...process.env, NODE_OPTIONS: "" } });
    child.once("message", (report) => resolve(report as { first: Figures; again: Figures | null; rows: number }));
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 ? undefined : reject(new Error(`The import process exited with ${code}`))));
    child.send(input);
  });
}

export async function runImportBench(): Promise<void> {
  const azurite = await startAzurite();
  try {
    const loadAverage = round(loadavg()[0]!);
    const { bytes, ...tenant } = buildTenant();
    const dir = await mkdtemp(join(tmpdir(), "cascade-import-bench-"));
    const filePath = join(dir, "goals.csv");
    await writeFile(filePath, bytes);
    const { first, again, rows } = await importInChild({ connectionString: azurite.connectionString, filePath, ...tenant }).finally(() => rm(dir, { recursive: true, force: true }));
    const line = (bench: string, f: Figures) => ({ bench, rows, seconds: f.seconds, peakRssMb: f.peakRssMb, created: f.result["created"], updated: f.result["updated"], skipped: f.result["skipped"], errorCount: f.result["errorCount"], cpuSeconds: f.cpuSeconds, planningSeconds: f.planningSeconds, storageRequests: f.storageRequests, requestsPerGoal: round(f.storageRequests / GOALS), phases: f.phases, loadAverage });
    console.log(JSON.stringify(line("import", first)));
    console.log(JSON.stringify(again ? line("import-again", again) : { bench: "import-again", rows, failed: true, loadAverage }));
  } finally {
    await azurite.stop();
  }
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain && process.argv.includes("--child")) {
  process.once("message", (input) => {
    runChild(input as ChildInput).then(
      (report) => process.send!(report, () => process.exit(0)),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
} else if (isMain) {
  runImportBench().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
