/** Leader views benchmark (`npm run bench -- leaders`): a realistic org of BENCH_LEADERS_PEOPLE people
 * (100k by default; the org generator's one CEO, nine departments, spans of 3–12 and eight levels) in the
 * directory, and 6–15 goals a person (10.5 on average: 1.05M goals at 100k people) stored as the product
 * stores them: the goal rows (the goal store's entity mapping), the rows under each parent goal, the
 * cascade index (written by the index's own bulk path) and the team roll-ups (computed with the
 * rebuild's own code), each written in transactions of up to 100 rows of one partition, many at once.
 * Goal ids name their owner (the product's id function), so no goal-by-id pointers are needed.
 * Then, for the CEO, the largest VP and a manager of about 72 people, at least 20 cold views each of the
 * dashboard, the Team view (the cascade one level down), the Organisation tree (the cascade as deep
 * as one answer holds), the alignment tree and what the manager's weekly digest card is built from: a goal somewhere in the subtree is written through the goal repository (which
 * walks the roll-ups up the chain) just before each view. Views run in process against Azurite; the
 * storage requests of each view are counted with the Tables client's request counter. Prints one JSON
 * line per view and level, and the seed's figures and Azurite's memory.
 * Then the API starts in its own process with real token verification, and a single-goal read and a
 * single-goal update of the seeded goals are measured at a rate Azurite sustains, each beside the raw
 * Azurite call of the same shape in the same run (`api-goal-read`, `api-goal-update`, with their
 * ratios). BENCH_LEADERS_API=0 leaves them out. */
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import type { TableClient, TransactionAction } from "@azure/data-tables";
import { startAzurite } from "../../functions/dev/azurite.js";
import { DEFAULT_TAB_DIR } from "../../functions/dev/start-cascade.js";
import { loadConfig } from "../../functions/src/config.js";
import { ROOT_PLACEMENT } from "../../functions/src/domain/cascade-ports.js";
import { getDashboard } from "../../functions/src/domain/dashboard-service.js";
import { getOrgCascade } from "../../functions/src/domain/org-cascade.js";
import { MAX_ORG_DEPTH } from "../../functions/src/domain/org-walk.js";
import { runLimited } from "../../functions/src/domain/run-limited.js";
import { computeAllRollUps } from "../../functions/src/domain/team-rollup-rebuild.js";
import type { Cycle, Goal, Person } from "../../functions/src/domain/types.js";
import { createServices, type Services } from "../../functions/src/composition/services.js";
import { createCascadeIndex, type NewIndexEntry } from "../../functions/src/store/cascade-index.js";
import { createTableDirectory } from "../../functions/src/store/directory-store.js";
import { ownerPartition, toGoalEntity } from "../../functions/src/store/goal-entity.js";
import { toChildRow } from "../../functions/src/store/alignment-rows.js";
import { computeAllFigures } from "../../functions/src/domain/alignment-rollups.js";
import { ALIGNMENT_PAGE, getAlignmentLevel } from "../../functions/src/domain/alignment-service.js";
import { computeGoalProgress } from "../../functions/src/contracts/progress.js";
import { toTransactions } from "../../functions/src/store/import-goal-writes.js";
import { countStorageRequests } from "../../functions/src/store/request-count.js";
import { ROLLUPS_TABLE, toRollUpEntity } from "../../functions/src/store/rollup-store.js";
import { withStorageTimeout } from "../../functions/src/store/storage-timeout.js";
import { createTableFactory, quoteOData, TABLE_NAMES } from "../../functions/src/store/tables.js";
import { stopChild } from "../../functions/dev/stop-child.js";
import { buildCycle } from "../support/api-harness.js";
import { startTestIssuer, type TestIssuer } from "../support/test-issuer.js";
import { generateOrg } from "../fakes/org-generator.js";
import { buildDigestInput, loadDigestTeam } from "../../functions/src/jobs/digest-job.js";
import { measureReads, measureUpdates, startApiProcess, SUSTAINED_RPS } from "./api.js";
import { goalIdOf, personId } from "./api-seed.js";

const PEOPLE = Number(process.env.BENCH_LEADERS_PEOPLE ?? 100_000);
const VIEWS = Number(process.env.BENCH_LEADERS_VIEWS ?? 20);
/** Transactions in flight while seeding: enough to keep the emulator busy while this process builds the next. */
const CONCURRENCY = 32;
/** Owners whose goals are built and written together; their goals are kept only as the roll-ups need them. */
const OWNERS_PER_PART = 2_000;
/** A seed transaction waits this long (the import's wait) and a transient failure is tried again. */
const SEED_STORAGE_TIMEOUT_MS = 60_000;
const SEED_ATTEMPTS = 4;
const DAY_MS = 86_400_000;

const print = (line: Record<string, unknown>) => console.log(JSON.stringify(line));
const isoDay = (offset: number) => new Date(Date.now() + offset * DAY_MS).toISOString().slice(0, 10);
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)]!;
const range = (count: number) => Array.from({ length: count }, (_, i) => i);

/** 6–15 goals a person, 10.5 on average. */
const goalCountOf = (n: number) => 6 + (n % 10);

/** The generated org with person n as `personId(n)` (ids the API bench's helpers recompute), in the
 * generator's order: everyone after their manager, reports of a manager next to each other. */
interface Org {
  people: Person[];
  /** Index of each person's manager; -1 for the CEO. */
  managerOf: Int32Array;
  reportsOf: number[][];
}

function buildOrg(size: number): Org {
  const users = generateOrg({ size, seed: 1, maxDepth: 8 });
  const indexOf = new Map(users.map((u, n) => [u.id, n]));
  const managerOf = Int32Array.from(users, (u) => (u.managerId === null ? -1 : indexOf.get(u.managerId)!));
  const reportsOf: number[][] = users.map(() => []);
  managerOf.forEach((m, n) => m >= 0 && reportsOf[m]!.push(n));
  const people = users.map((u, n): Person => ({
    id: personId(n), displayName: u.displayName, mail: u.mail, jobTitle: u.jobTitle, department: u.department,
    managerId: managerOf[n]! < 0 ? null : personId(managerOf[n]!), accountEnabled: u.accountEnabled, updatedAt: "2026-01-01T00:00:00.000Z",
  }));
  return { people, managerOf, reportsOf };
}

/** Goal k of person n: aligned to one of their manager's goals, except every thirteenth (an orphan);
 * the CEO's goals are the organisation's. Every eleventh waits for approval (goal 0 of owners n % 11 ≠ 0
 * is active: the API bench edits those). All are public, as the API bench's reader reads any of them. */
function buildGoal(tenantId: string, cycle: Cycle, org: Org, n: number, k: number, now: string): Goal {
  const manager = org.managerOf[n]!;
  const isTopLevel = manager < 0;
  return {
    tenantId, id: goalIdOf(n, k), ownerId: personId(n), cycleId: cycle.id, title: `Improve customer outcome ${k} for team ${n}`,
    description: "Why this matters to customers and how we will know it is done.",
    dueDate: cycle.endDate, visibility: "public", parentId: isTopLevel || (n + k) % 13 === 5 ? null : goalIdOf(manager, k % goalCountOf(manager)), weight: 1 + (k % 3),
    keyResults: [
      { id: `kr${k}a`, title: "Share of orders completed in one page", kind: "increase", start: 0, target: 100, current: (n * 7 + k * 13) % 100, unitKind: "percent" },
      { id: `kr${k}b`, title: "Launch reviewed by support", kind: "milestone", done: (n + k) % 3 === 0 },
    ],
    status: (n + k) % 11 === 0 ? "pending_approval" : "active", approverId: isTopLevel ? null : personId(manager), isTopLevel,
    approvedSnapshot: null, flags: [], lastCheckIn: (n + k) % 2 === 0 ? { at: now, confidence: (n + k) % 5 === 0 ? "at_risk" : "on_track" } : null,
    createdAt: now, updatedAt: now,
  };
}

/** Everyone below person n, n included. */
function subtreeOf(org: Org, n: number): number[] {
  const found = [n];
  for (let i = 0; i < found.length; i++) found.push(...org.reportsOf[found[i]!]!);
  return found;
}

/** The CEO, the VP (second level below the CEO) with the largest subtree, and the manager whose team is nearest 72 people. */
function pickLevels(org: Org): Array<[string, number]> {
  const sizes = new Int32Array(org.people.length).fill(1);
  for (let n = org.people.length - 1; n > 0; n--) sizes[org.managerOf[n]!]! += sizes[n]!;
  const vps = org.reportsOf[0]!.flatMap((m) => org.reportsOf[m]!);
  const vp = vps.reduce((best, n) => (sizes[n]! > sizes[best]! ? n : best), vps[0]!);
  let manager = 0;
  sizes.forEach((size, n) => Math.abs(size - 73) < Math.abs(sizes[manager]! - 73) && (manager = n));
  return [["ceo", 0], ["vp", vp], ["manager", manager]];
}

async function submit(table: TableClient, actions: TransactionAction[]): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await table.submitTransaction(actions);
      return;
    } catch (error) {
      if (attempt === SEED_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
    }
  }
}

function groupBy<T>(items: Iterable<T>, keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

const upsert = (entity: object): TransactionAction[] => [["upsert", { ...entity } as never, "Replace"]];

/** Seconds of CPU a process has used (Linux). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return Math.round((Number(fields[11]) + Number(fields[12])) / 100);
}

/** Azurite's resident memory, from its process (Linux). */
function residentMegabytes(pid: number): number | null {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return match ? Math.round(Number(match[1]) / 1024) : null;
}

async function seed(connectionString: string, tenantId: string, cycle: Cycle, org: Org, azuritePid: number): Promise<void> {
  const factory = createTableFactory({ kind: "connectionString", connectionString });
  const { people } = org;
  const started = performance.now();
  let at = started;
  // Straight into the directory's tables: the roll-ups are seeded below rather than rebuilt from stored goals.
  await createTableDirectory(factory).upsertPeople(tenantId, people);
  const directorySeconds = (performance.now() - at) / 1000;
  at = performance.now();
  const goalsTable = factory.getClient(TABLE_NAMES.goals);
  const childrenTable = factory.getClient(TABLE_NAMES.children);
  const cascade = createCascadeIndex(factory);
  const now = new Date().toISOString();
  // What the roll-ups count, without the description (the rebuild reads goals without it too).
  const goalsByOwner = new Map<string, Goal[]>();
  let goalCount = 0;
  const parts = range(Math.ceil(people.length / OWNERS_PER_PART)).map((p) => range(Math.min(OWNERS_PER_PART, people.length - p * OWNERS_PER_PART)).map((i) => p * OWNERS_PER_PART + i));
  await withStorageTimeout(SEED_STORAGE_TIMEOUT_MS, () => runLimited(parts, 2, async (owners) => {
    const goals = owners.flatMap((n) => range(goalCountOf(n)).map((k) => buildGoal(tenantId, cycle, org, n, k, now)));
    const goalBatches = [...groupBy(goals, (g) => g.ownerId).values()].flatMap((list) => toTransactions(list.map(toGoalEntity), upsert));
    await runLimited(goalBatches, CONCURRENCY / 2, (batch) => submit(goalsTable, batch.actions));
    const entries = goals.map((goal): NewIndexEntry => {
      const owner = people[Number(goal.ownerId.slice(1))]!;
      return { goal, placement: { managerKey: owner.managerId ?? ROOT_PLACEMENT, ownerName: owner.displayName } };
    });
    await cascade.indexNewGoals(tenantId, entries);
    for (const g of goals) {
      const slim = { ...g, description: "" };
      const list = goalsByOwner.get(g.ownerId);
      if (list) list.push(slim);
      else goalsByOwner.set(g.ownerId, [slim]);
    }
    goalCount += goals.length;
    if (goalsByOwner.size % (10 * OWNERS_PER_PART) === 0) print({ bench: "leaders-seed-progress", owners: goalsByOwner.size, goals: goalCount, seconds: (performance.now() - started) / 1000, azuriteRssMb: residentMegabytes(azuritePid) });
  }));
  // The rows under each goal's parent, with the alignment roll-up kept in them, once every goal is known.
  const slimGoals = [...goalsByOwner.values()].flat();
  const figures = computeAllFigures(slimGoals.map((g) => ({ id: g.id, parentId: g.parentId, weight: g.weight, status: g.status, progress: computeGoalProgress(g.keyResults) })));
  const childRows = slimGoals.flatMap((g) => (g.parentId ? [{ ...toChildRow({ ...g, parentId: g.parentId }), ...figures.get(g.id)! }] : []));
  const childBatches = [...groupBy(childRows, (r) => r.partitionKey).values()].flatMap((list) => toTransactions(list, upsert));
  childRows.length = 0;
  await withStorageTimeout(SEED_STORAGE_TIMEOUT_MS, () => runLimited(childBatches, CONCURRENCY / 2, (batch) => submit(childrenTable, batch.actions)));
  const goalSeconds = (performance.now() - at) / 1000;
  at = performance.now();
  const byPartition = groupBy(computeAllRollUps(people, goalsByOwner, new Date()).map((record) => toRollUpEntity(tenantId, record)), (e) => e.partitionKey);
  goalsByOwner.clear();
  const rollUps = factory.getClient(ROLLUPS_TABLE);
  const rollUpBatches = [...byPartition.values()].flatMap((list) => toTransactions(list, upsert));
  await withStorageTimeout(SEED_STORAGE_TIMEOUT_MS, () => runLimited(rollUpBatches, CONCURRENCY / 2, (batch) => submit(rollUps, batch.actions)));
  const rollUpRows = rollUpBatches.reduce((sum, b) => sum + b.actions.length, 0);
  print({ bench: "leaders-seed", people: people.length, goals: goalCount, directorySeconds, goalSeconds, rollUpRows, rollUpSeconds: (performance.now() - at) / 1000, seconds: (performance.now() - started) / 1000, azuriteRssMb: residentMegabytes(azuritePid), azuriteCpuSeconds: cpuSeconds(azuritePid), benchCpuSeconds: Math.round(process.cpuUsage().user / 1e6) });
}

type Principal = Parameters<typeof getDashboard>[1];
type View = (services: Services, principal: Principal, managerId: string, cycleId: string) => Promise<unknown>;

/** What each view of the tab asks the API for. */
const VIEWS_MEASURED: Record<string, View> = {
  dashboard: (services, principal, managerId, cycleId) => getDashboard(services.progress, principal, managerId, cycleId),
  team: (services, principal, managerId, cycleId) => getOrgCascade(services.cascade, principal, managerId, { cycleId, depth: 1 }),
  organisation: (services, principal, managerId, cycleId) => getOrgCascade(services.cascade, principal, managerId, { cycleId, depth: MAX_ORG_DEPTH }),
  // The goals aligned to the leader's first goal, with their roll-ups: one level of the alignment tree.
  alignment: (services, principal, managerId, cycleId) => getAlignmentLevel(services.cascade, principal, { cycleId, rootGoalId: goalIdOf(Number(managerId.slice(1)), 0), limit: ALIGNMENT_PAGE.defaultLimit, cursor: null }),
  // What the manager's weekly digest card is built from (the card is not sent).
  digest: async (services, principal, managerId, cycleId) => {
    const manager = (await services.directory.getPerson(principal.tenantId, managerId))!;
    const cycle = (await services.goalDeps.cycles.getCycle(principal.tenantId, cycleId))!;
    return buildDigestInput(services.progress, await loadDigestTeam(services.progress, principal.tenantId, manager, cycle, new Date(), await services.progress.riskMargin(principal.tenantId)), new Date());
  },
};

async function measureLevel(services: Services, tenantId: string, cycle: Cycle, org: Org, view: string, level: string, managerIndex: number): Promise<void> {
  const subtree = subtreeOf(org, managerIndex);
  const manager = personId(managerIndex);
  const principal = { tenantId, userId: manager, name: org.people[managerIndex]!.displayName, roles: [] };
  const show = VIEWS_MEASURED[view]!;
  await show(services, principal, manager, cycle.id); // caches of cycles and settings
  const times: number[] = [];
  const requests: number[] = [];
  for (let view = 0; view < VIEWS; view++) {
    const owner = subtree[1 + ((view * 7919) % (subtree.length - 1))]!;
    const goal = { ...buildGoal(tenantId, cycle, org, owner, 100 + view, new Date().toISOString()), id: `cold-${randomUUID()}` };
    await services.goalDeps.goals.saveGoal({ goal, audit: [] });
    const started = performance.now();
    await countStorageRequests(() => show(services, principal, manager, cycle.id), (n) => requests.push(n));
    times.push(performance.now() - started);
  }
  // The emulator's own price of one query in the same run: Azurite scans every row of a table for any
  // query, so a view's time grows with the tenant's goals however few it reads.
  const goalsTable = services.tables.getClient(TABLE_NAMES.goals);
  const filter = `PartitionKey eq ${quoteOData(ownerPartition(tenantId, manager))}`;
  const raw: number[] = [];
  for (let view = 0; view < VIEWS; view++) {
    const started = performance.now();
    for await (const _ of goalsTable.listEntities({ queryOptions: { filter, select: ["RowKey"] } }));
    raw.push(performance.now() - started);
  }
  print({ bench: "leader-view-cold", view, level, subtreePeople: subtree.length - 1, views: VIEWS, p50Ms: percentile(times, 50), p95Ms: percentile(times, 95), storageRequestsMax: Math.max(...requests), rawPartitionQueryP95Ms: Math.round(percentile(raw, 95)) });
}

/** Single-goal read and update through the API (its own process, tokens verified) of the seeded goals, beside raw Azurite calls. */
async function measureGoalApi(services: Services, issuer: TestIssuer, env: Record<string, string>, tenantId: string, cycle: Cycle): Promise<void> {
  const owners = range(PEOPLE);
  const counts = new Map(owners.map((n) => [n, goalCountOf(n)]));
  const api = await startApiProcess(env);
  try {
    const ctx = { url: api.url, tenantId, cycleId: cycle.id, owners, counts, token: (n: number) => issuer.mint({ tid: tenantId, oid: personId(n), name: `Person ${n}` }) };
    await measureReads(ctx, services, [SUSTAINED_RPS.read]);
    // Edits at their own sustained rate and at the reads' rate: at the lower rate each request finds the
    // processes asleep, and every hop the API adds wakes one.
    await measureUpdates(ctx, services, [], [SUSTAINED_RPS.update, SUSTAINED_RPS.read]);
  } finally {
    await stopChild(api.child, "SIGTERM");
  }
}

export async function runLeadersBench(): Promise<void> {
  const started = performance.now();
  process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ""} --max-old-space-size=12288`.trim();
  const azurite = await startAzurite();
  const issuer = await startTestIssuer();
  const tenantId = randomUUID();
  const env = {
    AUTH_MODE: "entra", AAD_APP_CLIENT_ID: issuer.clientId, ALLOWED_TENANT_IDS: tenantId, ENTRA_JWKS_URL: issuer.jwksUrl,
    ENTRA_AUTHORITY_HOST: issuer.authorityHost, STORAGE_CONNECTION_STRING: azurite.connectionString, LOG_LEVEL: "error",
  };
  try {
    const services = await createServices(loadConfig(env), { tabDir: DEFAULT_TAB_DIR });
    const cycle = buildCycle(tenantId, { id: "bench", name: "Bench cycle", startDate: isoDay(-45), endDate: isoDay(45) });
    await services.goalDeps.cycles.saveCycle(cycle);
    const org = buildOrg(PEOPLE);
    await seed(azurite.connectionString, tenantId, cycle, org, azurite.pid);
    const levels = pickLevels(org);
    for (const view of (process.env.BENCH_LEADERS_VIEW ?? Object.keys(VIEWS_MEASURED).join(",")).split(",")) {
      if (!VIEWS_MEASURED[view]) throw new Error(`Unknown view ${view}: one of ${Object.keys(VIEWS_MEASURED).join(", ")}.`);
      for (const [level, index] of levels) await measureLevel(services, tenantId, cycle, org, view, level, index);
    }
    if (process.env.BENCH_LEADERS_API !== "0") await measureGoalApi(services, issuer, env, tenantId, cycle);
    print({ bench: "leaders-run", people: PEOPLE, seconds: (performance.now() - started) / 1000, azuriteRssMb: residentMegabytes(azurite.pid) });
  } finally {
    await issuer.close();
    await azurite.stop();
  }
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  runLeadersBench().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
