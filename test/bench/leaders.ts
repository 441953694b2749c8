/** Leader views benchmark (`npm run bench -- leaders`): an 8-ary org of BENCH_LEADERS_PEOPLE people
 * (100k by default) in the directory, and the team roll-ups of 1–4 goals a person seeded straight into
 * their table (computed with the rebuild's own code, written a transaction per partition). Then, for a
 * CEO, a VP and a manager of about 72 people, at least 20 cold views each of the dashboard, the Team view
 * (the cascade one level down) and the Organisation tree (the cascade as deep as one answer holds): a goal
 * somewhere in the subtree is written through the goal repository (which walks the roll-ups up the chain)
 * just before each view. Views run in process against Azurite; the storage requests of each view are
 * counted with the Tables client's request counter. Prints one JSON line per view and level.
 * Then the goals of the first BENCH_LEADERS_API_GOALS (20,000) goals' owners are seeded, the API starts in
 * its own process with real token verification, and a single-goal read and a single-goal update are
 * measured at a rate Azurite sustains, each beside the raw Azurite call of the same shape in the same run
 * (`api-goal-read`, `api-goal-update`, with their ratios). BENCH_LEADERS_API=0 leaves them out. */
import { randomUUID } from "node:crypto";
import { pathToFileURL } from "node:url";
import type { TransactionAction } from "@azure/data-tables";
import { startAzurite } from "../../functions/dev/azurite.js";
import { DEFAULT_TAB_DIR } from "../../functions/dev/start-cascade.js";
import { loadConfig } from "../../functions/src/config.js";
import { getDashboard } from "../../functions/src/domain/dashboard-service.js";
import { getOrgCascade } from "../../functions/src/domain/org-cascade.js";
import { MAX_ORG_DEPTH } from "../../functions/src/domain/org-walk.js";
import { runLimited } from "../../functions/src/domain/run-limited.js";
import { computeAllRollUps } from "../../functions/src/domain/team-rollup-rebuild.js";
import type { Cycle, Goal, Person } from "../../functions/src/domain/types.js";
import { createServices, type Services } from "../../functions/src/composition/services.js";
import { createTableDirectory } from "../../functions/src/store/directory-store.js";
import { countStorageRequests } from "../../functions/src/store/request-count.js";
import { ROLLUPS_TABLE, toRollUpEntity } from "../../functions/src/store/rollup-store.js";
import { createTableFactory, TABLE_LIMITS } from "../../functions/src/store/tables.js";
import { stopChild } from "../../functions/dev/stop-child.js";
import { buildCycle } from "../support/api-harness.js";
import { startTestIssuer, type TestIssuer } from "../support/test-issuer.js";
import { measureReads, measureUpdates, startApiProcess, SUSTAINED_RPS } from "./api.js";
import { buildPeople, goalCountOf, goalIdOf, managerOf, personId, seedGoals, SPAN } from "./api-seed.js";

const PEOPLE = Number(process.env.BENCH_LEADERS_PEOPLE ?? 100_000);
const VIEWS = Number(process.env.BENCH_LEADERS_VIEWS ?? 20);
const CONCURRENCY = 16;
const API_GOALS = Number(process.env.BENCH_LEADERS_API_GOALS ?? 20_000);
const API_SEED_BUDGET_MS = 5 * 60 * 1000;
const DAY_MS = 86_400_000;

const print = (line: Record<string, unknown>) => console.log(JSON.stringify(line));
const isoDay = (offset: number) => new Date(Date.now() + offset * DAY_MS).toISOString().slice(0, 10);
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)]!;

function buildGoal(tenantId: string, cycle: Cycle, n: number, k: number, now: string): Goal {
  const manager = managerOf(n);
  return {
    tenantId, id: goalIdOf(n, k), ownerId: personId(n), cycleId: cycle.id, title: `Improve customer outcome ${k} for team ${n}`, description: "",
    dueDate: cycle.endDate, visibility: "public", parentId: manager === null ? null : goalIdOf(manager, 0), weight: 1,
    keyResults: [{ id: `kr${k}`, title: "Share of orders completed in one page", kind: "increase", start: 0, target: 100, current: (n * 7 + k * 13) % 100, unitKind: "percent" }],
    status: (n + k) % 11 === 0 ? "pending_approval" : "active", approverId: null, isTopLevel: manager === null, approvedSnapshot: null, flags: [],
    lastCheckIn: (n + k) % 2 === 0 ? { at: now, confidence: (n + k) % 5 === 0 ? "at_risk" : "on_track" } : null, createdAt: now, updatedAt: now,
  };
}

/** Everyone below person n in the 8-ary chart, n included. */
function subtreeOf(n: number): number[] {
  const found: number[] = [];
  for (let level = [n]; level.length > 0; ) {
    found.push(...level);
    level = level.flatMap((m) => Array.from({ length: SPAN }, (_, i) => m * SPAN + 1 + i)).filter((c) => c < PEOPLE);
  }
  return found;
}

/** The first person at the depth whose subtree is closest to `size` people. */
function personWithSubtreeNear(size: number): number {
  let best = 0;
  for (let first = 0; first < PEOPLE; first = first * SPAN + 1) if (Math.abs(subtreeOf(first).length - size) < Math.abs(subtreeOf(best).length - size)) best = first;
  return best;
}

async function seed(connectionString: string, tenantId: string, cycle: Cycle): Promise<void> {
  const factory = createTableFactory({ kind: "connectionString", connectionString });
  const people: Person[] = buildPeople(PEOPLE);
  let at = performance.now();
  // Straight into the directory's tables: the roll-ups are seeded below rather than rebuilt from stored goals.
  await createTableDirectory(factory).upsertPeople(tenantId, people);
  const directorySeconds = (performance.now() - at) / 1000;
  at = performance.now();
  const now = new Date().toISOString();
  const goals = new Map(people.map((p, n) => [p.id, Array.from({ length: goalCountOf(n) }, (_, k) => buildGoal(tenantId, cycle, n, k, now))]));
  const byPartition = new Map<string, Array<ReturnType<typeof toRollUpEntity>>>();
  for (const record of computeAllRollUps(people, goals, new Date())) {
    const entity = toRollUpEntity(tenantId, record);
    byPartition.set(entity.partitionKey, [...(byPartition.get(entity.partitionKey) ?? []), entity]);
  }
  goals.clear();
  const table = factory.getClient(ROLLUPS_TABLE);
  let rows = 0;
  await runLimited([...byPartition.values()], CONCURRENCY, async (entities) => {
    for (let i = 0; i < entities.length; i += TABLE_LIMITS.maxBatch) {
      await table.submitTransaction(entities.slice(i, i + TABLE_LIMITS.maxBatch).map((e): TransactionAction => ["upsert", e, "Replace"]));
    }
    rows += entities.length;
  });
  print({ bench: "leaders-seed", people: PEOPLE, directorySeconds, rollUpRows: rows, rollUpSeconds: (performance.now() - at) / 1000 });
}

type Principal = Parameters<typeof getDashboard>[1];
type View = (services: Services, principal: Principal, managerId: string, cycleId: string) => Promise<unknown>;

/** What each view of the tab asks the API for. */
const VIEWS_MEASURED: Record<string, View> = {
  dashboard: (services, principal, managerId, cycleId) => getDashboard(services.progress, principal, managerId, cycleId),
  team: (services, principal, managerId, cycleId) => getOrgCascade(services.cascade, principal, managerId, { cycleId, depth: 1 }),
  organisation: (services, principal, managerId, cycleId) => getOrgCascade(services.cascade, principal, managerId, { cycleId, depth: MAX_ORG_DEPTH }),
};

async function measureLevel(services: Services, tenantId: string, cycle: Cycle, view: string, level: string, managerIndex: number): Promise<void> {
  const subtree = subtreeOf(managerIndex);
  const manager = personId(managerIndex);
  const principal = { tenantId, userId: manager, name: `Person ${managerIndex}`, roles: [] };
  const show = VIEWS_MEASURED[view]!;
  await show(services, principal, manager, cycle.id); // caches of cycles and settings
  const times: number[] = [];
  const requests: number[] = [];
  for (let view = 0; view < VIEWS; view++) {
    const owner = subtree[1 + ((view * 7919) % (subtree.length - 1))]!;
    const goal = { ...buildGoal(tenantId, cycle, owner, 10 + view, new Date().toISOString()), id: `cold-${randomUUID()}` };
    await services.goalDeps.goals.saveGoal({ goal, audit: [] });
    const started = performance.now();
    await countStorageRequests(() => show(services, principal, manager, cycle.id), (n) => requests.push(n));
    times.push(performance.now() - started);
  }
  print({ bench: "leader-view-cold", view, level, subtreePeople: subtree.length - 1, views: VIEWS, p50Ms: percentile(times, 50), p95Ms: percentile(times, 95), storageRequestsMax: Math.max(...requests) });
}

/** Single-goal read and update through the API (its own process, tokens verified) beside raw Azurite calls. */
async function measureGoalApi(services: Services, issuer: TestIssuer, env: Record<string, string>, tenantId: string, cycle: Cycle): Promise<void> {
  const seeded = await seedGoals(services.tables, tenantId, cycle, { people: PEOPLE, goalTarget: API_GOALS, budgetMs: API_SEED_BUDGET_MS, firstOwners: [] });
  print({ bench: "leaders-api-seed", goals: seeded.goals, owners: seeded.owners.length });
  const api = await startApiProcess(env);
  try {
    const ctx = { url: api.url, tenantId, cycleId: cycle.id, owners: seeded.owners, counts: seeded.counts, token: (n: number) => issuer.mint({ tid: tenantId, oid: personId(n), name: `Person ${n}` }) };
    await measureReads(ctx, services, [SUSTAINED_RPS.read]);
    await measureUpdates(ctx, services, [], [SUSTAINED_RPS.update]);
  } finally {
    await stopChild(api.child, "SIGTERM");
  }
}

export async function runLeadersBench(): Promise<void> {
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
    await seed(azurite.connectionString, tenantId, cycle);
    const levels: Array<[string, number]> = [["ceo", 0], ["vp", 1], ["manager", personWithSubtreeNear(73)]];
    for (const view of (process.env.BENCH_LEADERS_VIEW ?? Object.keys(VIEWS_MEASURED).join(",")).split(",")) {
      if (!VIEWS_MEASURED[view]) throw new Error(`Unknown view ${view}: one of ${Object.keys(VIEWS_MEASURED).join(", ")}.`);
      for (const [level, index] of levels) await measureLevel(services, tenantId, cycle, view, level, index);
    }
    if (process.env.BENCH_LEADERS_API !== "0") await measureGoalApi(services, issuer, env, tenantId, cycle);
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
