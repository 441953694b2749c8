/** Org sync benchmark: a full sync of 100,000 users from the loopback Graph fake into Azurite, then a
 * delta of 1,000 changes; then the same for 1,000,000 users and 10,000 changes. The sync runs in a child process so its peak RSS is measured alone (the fake
 * lives here, Azurite in its own process). Besides the figures, each line carries the CPU seconds of
 * the sync and of Azurite and the load average, to read timings taken on a busy machine.
 * Run alone with `npx tsx test/bench/sync.ts`; SYNC_BENCH_PROF=dir writes CPU profiles of the sync,
 * SYNC_BENCH_VERBOSE=1 prints its phases. The sync runs under the Node.js arguments of the deployment
 * (languageWorkers__node__arguments, infra/worker-memory.json) on an instance of the default 2,048 MB;
 * SYNC_BENCH_MAX_HEAP_MB sets another heap cap. Each line also counts the sync's storage requests. */
import type { TableClient, TransactionAction } from "@azure/data-tables";
import { fork } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { getHeapStatistics } from "node:v8";
import { fileURLToPath, pathToFileURL } from "node:url";
import { startAzurite } from "../../functions/dev/azurite.js";
import { deployedHeapMb, deployedNodeArguments } from "./deployed-worker.js";
import { syncDirectory, SYNC_STORAGE_TIMEOUT_MS, type SyncResult } from "../../functions/src/directory/graph-sync.js";
import { createTableDirectory } from "../../functions/src/store/directory-store.js";
import { countStorageRequests } from "../../functions/src/store/request-count.js";
import { withStorageTimeout } from "../../functions/src/store/storage-timeout.js";
import { createSyncStateStore } from "../../functions/src/store/sync-state-store.js";
import { toTransactions } from "../../functions/src/store/import-goal-writes.js";
import { createTableFactory, TABLE_NAMES } from "../../functions/src/store/tables.js";
import { runLimited } from "../../functions/src/domain/run-limited.js";
import { startFakeEntra } from "../fakes/fake-entra.js";
import { startFakeGraph, type FakeGraph } from "../fakes/fake-graph.js";
import { createRandom, generateOrg, type DirectoryUser } from "../fakes/org-generator.js";
import { expectedPeople, storedPeople } from "../fakes/sync-harness.js";

/** Each scale: a full sync of `users`, then a delta of `changes`. SYNC_BENCH_SCALES=100000 runs one. */
const SCALES = [
  { users: 100_000, changes: 1_000 },
  { users: 1_000_000, changes: 10_000 },
].filter((scale) => !process.env.SYNC_BENCH_SCALES || process.env.SYNC_BENCH_SCALES.split(",").map(Number).includes(scale.users));

interface ChildJob {
  connectionString: string;
  tenantId: string;
  clientId: string;
  clientSecret: string;
  authorityHost: string;
  graphBaseUrl: string;
}

interface ChildReport {
  result: SyncResult;
  peakRssMb: number;
  /** The largest V8 heap seen (sampled every 100 ms): what the sync holds, apart from buffers and code. */
  peakHeapMb: number;
  cpuSeconds: number;
  storageRequests: number;
}

async function runChild(job: ChildJob): Promise<ChildReport> {
  const factory = createTableFactory({ kind: "connectionString", connectionString: job.connectionString });
  const directory = createTableDirectory(factory);
  const syncState = createSyncStateStore(factory);
  await factory.ensureTables([...directory.tables, ...syncState.tables]);
  const cpuBefore = process.cpuUsage();
  let peakHeap = 0;
  let lastPhase = "";
  /** The largest heap and RSS seen in each phase, printed with SYNC_BENCH_VERBOSE=1. */
  const peakByPhase = new Map<string, { heapMb: number; rssMb: number }>();
  const sampler = setInterval(() => {
    const heap = getHeapStatistics().used_heap_size;
    peakHeap = Math.max(peakHeap, heap);
    const key = lastPhase || "starting";
    const seen = peakByPhase.get(key) ?? { heapMb: 0, rssMb: 0 };
    peakByPhase.set(key, { heapMb: Math.max(seen.heapMb, Math.round(heap / 2 ** 20)), rssMb: Math.max(seen.rssMb, Math.round(process.memoryUsage.rss() / 2 ** 20)) });
  }, 100);
  let storageRequests = 0;
  const started = performance.now();
  // SYNC_BENCH_VERBOSE=1 prints when each phase starts and the heap then, to stderr.
  const onProgress = ({ phase }: { phase: string }) => {
    if (!process.env.SYNC_BENCH_VERBOSE || phase === lastPhase) return;
    lastPhase = phase;
    console.error(JSON.stringify({ phase, atMs: Math.round(performance.now() - started), heapMb: Math.round(getHeapStatistics().used_heap_size / 2 ** 20) }));
  };
  const result = await countStorageRequests(() => syncDirectory({ ...job, directory, syncState, onProgress }), (count) => (storageRequests = count));
  clearInterval(sampler);
  if (process.env.SYNC_BENCH_VERBOSE) console.error(JSON.stringify({ peakByPhase: Object.fromEntries(peakByPhase) }));
  const cpu = process.cpuUsage(cpuBefore);
  // The parent prints counts only; the list of changes stays here.
  return { result: { ...result, changes: [] }, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024), peakHeapMb: Math.round(Math.max(peakHeap, getHeapStatistics().used_heap_size) / 2 ** 20), cpuSeconds: round((cpu.user + cpu.system) / 1e6), storageRequests };
}

const heapCapMb = () => Number(process.env.SYNC_BENCH_MAX_HEAP_MB || deployedHeapMb());

function syncInChild(job: ChildJob): Promise<ChildReport> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), ["--child"], { execArgv: ["--import", "tsx", ...deployedNodeArguments(heapCapMb()), ...(process.env.SYNC_BENCH_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.SYNC_BENCH_PROF}`] : [])], stdio: ["ignore", "inherit", "inherit", "ipc"], env: { ...process.env, NODE_OPTIONS: "" } });
    child.once("message", (report) => resolve(report as ChildReport));
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 ? undefined : reject(new Error(`The sync process exited with ${code}`))));
    child.send(job);
  });
}

const round = (value: number) => Math.round(value * 100) / 100;

/** CPU seconds Azurite has used so far (Linux only), to read timings taken on a busy machine. */
function readAzuriteCpu(port: number): number | null {
  try {
    for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8");
      if (!cmdline.includes("azurite") || !cmdline.includes(`${port}`)) continue;
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
      return (Number(fields[11]) + Number(fields[12])) / 100;
    }
  } catch {
    return null;
  }
  return null;
}

async function measure(job: ChildJob, port: number): Promise<ChildReport & { azuriteCpuSeconds: number | null; loadAverage: number }> {
  const loadAverage = round(loadavg()[0]!);
  const before = readAzuriteCpu(port);
  const report = await syncInChild(job);
  const after = readAzuriteCpu(port);
  return { ...report, azuriteCpuSeconds: before === null || after === null ? null : round(after - before), loadAverage };
}

/** `changes` distinct users: moves under leaders (no cycles), edits, leavers, disabled accounts, hires. */
function applyChanges(graph: FakeGraph, users: DirectoryUser[], changes: number): void {
  const random = createRandom(99);
  const managers = new Set(users.map((u) => u.managerId).filter(Boolean));
  const leaders = users.slice(1, 400);
  const individuals = users.filter((u) => !managers.has(u.id));
  const picked = new Set<string>();
  const pick = () => {
    for (;;) {
      const user = individuals[Math.floor(random() * individuals.length)]!;
      if (!picked.has(user.id)) return picked.add(user.id) && user;
    }
  };
  const state = graph.state;
  const share = (fraction: number) => Math.round(changes * fraction);
  for (let i = 0; i < share(0.4); i++) state.setManager(pick().id, leaders[Math.floor(random() * leaders.length)]!.id);
  for (let i = 0; i < share(0.3); i++) state.updateUser(pick().id, { jobTitle: "Senior Specialist", department: "Transformation" });
  for (let i = 0; i < share(0.1); i++) state.softDelete(pick().id);
  for (let i = 0; i < share(0.05); i++) state.hardDelete(pick().id);
  for (let i = 0; i < share(0.05); i++) state.updateUser(pick().id, { accountEnabled: false });
  for (let i = 0; i < share(0.1); i++) {
    const id = randomUUID();
    state.addUser({ id, displayName: `New Hire ${i}`, mail: `new.hire${i}@fabrikam.example`, userPrincipalName: `new.hire${i}@fabrikam.example`, jobTitle: "Associate", department: "Engineering", accountEnabled: true, managerId: leaders[i % leaders.length]!.id });
  }
}

/** The emulator's own price of what the delta wrote, in the same run: every row of the directory's
 * tables written since `since` is read by key and written back unchanged, under its ETag, in
 * transactions of one partition, with as many requests in flight as the sync keeps. The emulator's
 * cost of a row's update grows with its table (it re-files every row of the table's indexes), so the
 * delta's seconds are read beside these. */
async function rawRewrite(connectionString: string, since: Date): Promise<{ rows: number; seconds: number }> {
  const factory = createTableFactory({ kind: "connectionString", connectionString });
  const keys: Array<{ table: TableClient; partitionKey: string; rowKey: string }> = [];
  for (const name of [TABLE_NAMES.people, TABLE_NAMES.reports]) {
    const table = factory.getClient(name);
    const filter = `Timestamp ge datetime'${since.toISOString()}'`;
    for await (const e of table.listEntities({ queryOptions: { filter, select: ["PartitionKey", "RowKey"] } })) keys.push({ table, partitionKey: e.partitionKey!, rowKey: e.rowKey! });
  }
  const started = performance.now();
  const read = await runLimited(keys, 32, async (key) => ({ table: key.table, entity: await key.table.getEntity<Record<string, unknown>>(key.partitionKey, key.rowKey) }));
  const byPartition = new Map<string, typeof read>();
  for (const row of read) {
    const group = `${row.table.tableName}/${row.entity.partitionKey}`;
    byPartition.set(group, [...(byPartition.get(group) ?? []), row]);
  }
  await runLimited([...byPartition.values()], 8, async (rows) => {
    const asWritten = ({ entity }: (typeof rows)[number]): TransactionAction[] => {
      const { etag, timestamp: _timestamp, ...props } = entity;
      return [["update", props as never, "Merge", { etag }]];
    };
    for (const batch of toTransactions(rows, asWritten)) await rows[0]!.table.submitTransaction(batch.actions);
  });
  return { rows: keys.length, seconds: round((performance.now() - started) / 1000) };
}

export async function runSyncBench(): Promise<void> {
  // Azurite keeps every entity in memory; a million people need more than Node's default heap.
  process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ""} --max-old-space-size=8192`.trim();
  for (const scale of SCALES) await runScale(scale.users, scale.changes);
}

async function runScale(size: number, changes: number): Promise<void> {
  const azurite = await startAzurite();
  const entra = await startFakeEntra();
  // Eight levels hold about 190,000 people at the generator's spans; larger organisations get ten.
  const users = generateOrg({ size, seed: 2026, maxDepth: size > 190_000 ? 10 : 8 });
  const tenantId = randomUUID();
  const job: ChildJob = { connectionString: azurite.connectionString, tenantId, clientId: randomUUID(), clientSecret: randomUUID(), authorityHost: entra.url, graphBaseUrl: "" };
  entra.registerClient(tenantId, job.clientId, job.clientSecret);
  const graph = await startFakeGraph({ tenantId, users, verifyKey: entra.verifyKey, deltaPageSize: 200, usersMaxPageSize: 999 });
  job.graphBaseUrl = graph.url;
  try {
    const full = await measure(job, azurite.port);
    const extras = (r: typeof full) => ({ peakHeapMb: r.peakHeapMb, heapCapMb: heapCapMb(), storageRequests: r.storageRequests, cpuSeconds: r.cpuSeconds, azuriteCpuSeconds: r.azuriteCpuSeconds, loadAverage: r.loadAverage });
    console.log(JSON.stringify({ bench: "sync-full", users: full.result.usersSeen, seconds: full.result.seconds, peakRssMb: full.peakRssMb, ...extras(full) }));
    applyChanges(graph, users, changes);
    const deltaStarted = new Date();
    const delta = await measure(job, azurite.port);
    const raw = await withStorageTimeout(SYNC_STORAGE_TIMEOUT_MS, () => rawRewrite(azurite.connectionString, deltaStarted));
    const directory = createTableDirectory(createTableFactory({ kind: "connectionString", connectionString: azurite.connectionString }));
    // Read as the sync reads, with its longer storage timeout: listing a million people is a long read.
    const isExact = JSON.stringify(await withStorageTimeout(SYNC_STORAGE_TIMEOUT_MS, () => storedPeople(directory, tenantId))) === JSON.stringify(expectedPeople(graph));
    console.log(JSON.stringify({ bench: "sync-delta", users: size, changes: delta.result.usersSeen, seconds: delta.result.seconds, peakRssMb: delta.peakRssMb, mode: delta.result.mode, isExact, ...extras(delta), rowsWritten: raw.rows, rawRewriteSeconds: raw.seconds, ratioToRawRewrite: round(delta.result.seconds / raw.seconds) }));
  } finally {
    await graph.close();
    await entra.close();
    await azurite.stop();
  }
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain && process.argv.includes("--child")) {
  process.once("message", (job) => {
    runChild(job as ChildJob).then(
      (report) => process.send!(report, () => process.exit(0)),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
} else if (isMain) {
  runSyncBench().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
