/** Check-in upkeep benchmark (`npm run bench -- upkeep`): what a check-in costs when it changes what both
 * chains keep. A management chain of `BENCH_UPKEEP_DEPTH` + 1 people (6 by default: the owner six levels
 * below the top), each with an active goal aligned to their manager's and `BENCH_UPKEEP_GOALS` goals
 * of their own besides, in Azurite; then `BENCH_UPKEEP_CHECKINS` check-ins (30) on the deepest goal, one
 * after another, through the check-in operation the route calls (in process, no HTTP), each changing
 * its progress. Prints the check-in's p50 and p95, its storage requests and the roll-up rows written,
 * beside a raw two-row transaction in the same run. */
import { randomUUID } from "node:crypto";
import { pathToFileURL } from "node:url";
import { startAzurite } from "../../functions/dev/azurite.js";
import { DEFAULT_TAB_DIR } from "../../functions/dev/start-cascade.js";
import { loadConfig } from "../../functions/src/config.js";
import { createServices } from "../../functions/src/composition/services.js";
import { recordCheckIn } from "../../functions/src/domain/checkins.js";
import type { Goal, Person } from "../../functions/src/domain/types.js";
import { countStorageRequests } from "../../functions/src/store/request-count.js";
import { makeKey, TABLE_NAMES } from "../../functions/src/store/tables.js";
import { buildCycle } from "../support/api-harness.js";
import { buildTestGoal, buildTestPerson } from "../support/test-goals.js";

const DEPTH = Number(process.env.BENCH_UPKEEP_DEPTH ?? 6);
const OWN_GOALS = Number(process.env.BENCH_UPKEEP_GOALS ?? 5);
const CHECK_INS = Number(process.env.BENCH_UPKEEP_CHECKINS ?? 30);
const DAY_MS = 86_400_000;

const isoDay = (offset: number) => new Date(Date.now() + offset * DAY_MS).toISOString().slice(0, 10);
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)]!;
const round = (value: number) => Math.round(value * 100) / 100;

export async function runUpkeepBench(): Promise<void> {
  const azurite = await startAzurite();
  try {
    const tenantId = randomUUID();
    const services = await createServices(loadConfig({ AUTH_MODE: "dev", STORAGE_CONNECTION_STRING: azurite.connectionString, LOG_LEVEL: "error" }), { tabDir: DEFAULT_TAB_DIR });
    const cycle = buildCycle(tenantId, { id: "bench", name: "Bench cycle", startDate: isoDay(-45), endDate: isoDay(45) });
    await services.goalDeps.cycles.saveCycle(cycle);
    const chain: Person[] = [];
    for (let level = 0; level <= DEPTH; level++) chain.push(buildTestPerson(randomUUID(), chain[level - 1]?.id ?? null, { displayName: `Level ${level}` }));
    await services.directory.upsertPeople(tenantId, chain);
    const repository = services.goalDeps.goals;
    let aligned: Goal | null = null;
    for (const person of chain) {
      const base = { tenantId, cycleId: cycle.id, ownerId: person.id, status: "active" as const, dueDate: cycle.endDate, approverId: person.managerId };
      for (let i = 0; i < OWN_GOALS; i++) await repository.saveGoal({ goal: buildTestGoal({ ...base, id: randomUUID(), title: `Own goal ${i} of ${person.displayName}`, parentId: null }), audit: [] });
      const goal = buildTestGoal({ ...base, id: randomUUID(), title: `Aligned goal of ${person.displayName}`, parentId: aligned?.id ?? null, isTopLevel: aligned === null });
      await repository.saveGoal({ goal, audit: [] });
      aligned = goal;
    }
    const deepest = aligned!;
    const owner = chain.at(-1)!;
    const principal = { tenantId, userId: owner.id, name: owner.displayName, roles: [] };
    const times: number[] = [];
    const requests: number[] = [];
    const rollUpWrites: number[] = [];
    for (let i = 0; i < CHECK_INS + 3; i++) {
      let writes = 0;
      const started = performance.now();
      await countStorageRequests(
        () => recordCheckIn(services.progress, principal, deepest.id, { keyResults: [{ id: deepest.keyResults[0]!.id, current: 10 + i }], confidence: "on_track", note: `Check-in ${i}` }),
        (n) => i >= 3 && requests.push(n),
        (request) => void (/^(PUT|PATCH|MERGE) .*\/(rollups|goalchildren)\(/.test(request) && writes++),
      );
      // The first three warm the instance (caches of cycles, settings and people).
      if (i < 3) continue;
      times.push(performance.now() - started);
      rollUpWrites.push(writes);
    }
    const table = services.tables.getClient(TABLE_NAMES.goals);
    const raw: number[] = [];
    for (let i = 0; i < CHECK_INS; i++) {
      const partitionKey = makeKey(tenantId, "raw");
      const started = performance.now();
      await table.submitTransaction([["upsert", { partitionKey, rowKey: "g", progress: i }, "Replace"], ["create", { partitionKey, rowKey: `a|${i}`, action: "checked_in" }]]);
      raw.push(performance.now() - started);
    }
    console.log(JSON.stringify({
      bench: "checkin-upkeep", depth: DEPTH, goalsPerPerson: OWN_GOALS + 1, checkIns: CHECK_INS,
      p50Ms: round(percentile(times, 50)), p95Ms: round(percentile(times, 95)),
      storageRequestsMax: Math.max(...requests), rollUpRowsWrittenMax: Math.max(...rollUpWrites),
      rawTransactionP50Ms: round(percentile(raw, 50)), rawTransactionP95Ms: round(percentile(raw, 95)),
    }));
  } finally {
    await azurite.stop();
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runUpkeepBench().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
