/** A goal write whose upkeep fails still answers with the written goal, and its intent stays recorded
 * until the repair has brought what the upkeep keeps in line with the goal: a minute later in the app,
 * shortened here, and again while the repair itself fails. */
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, inject, test } from "vitest";
import { startWriteRepair, type WriteRepair } from "../../functions/src/composition/write-repair.js";
import { cascadeIndexUpkeep } from "../../functions/src/domain/cascade-indexing.js";
import type { CascadeIndex } from "../../functions/src/domain/cascade-ports.js";
import { withUpkeep } from "../../functions/src/domain/goal-upkeep.js";
import type { LogLevel } from "../../functions/src/domain/logger.js";
import type { Goal } from "../../functions/src/domain/types.js";
import { withWriteIntents } from "../../functions/src/domain/write-intents.js";
import { createAlignmentRows } from "../../functions/src/store/alignment-rows.js";
import { createCascadeIndex } from "../../functions/src/store/cascade-index.js";
import { createTableDirectory } from "../../functions/src/store/directory-store.js";
import { createGoalStore } from "../../functions/src/store/goal-store.js";
import { createPendingWrites } from "../../functions/src/store/pending-writes.js";
import { createRollUpStore } from "../../functions/src/store/rollup-store.js";
import { createTableFactory, type TableFactory } from "../../functions/src/store/tables.js";
import { storeManagerAndReport } from "../support/stored-team.js";
import { buildTestGoal } from "../support/test-goals.js";

let factory: TableFactory;

beforeAll(async () => {
  factory = createTableFactory({ kind: "connectionString", connectionString: inject("azuriteConnectionString") });
  await factory.ensureTables([...createGoalStore(factory).tables, ...createTableDirectory(factory).tables, ...createCascadeIndex(factory).tables, ...createRollUpStore(factory).tables, ...createAlignmentRows(factory).tables, ...createPendingWrites(factory).tables]);
});

/** The app's wiring of goal writes, with a cascade index that refuses writes while `isDown` is set. */
async function setUp() {
  const { tenantId, manager, owner, directory } = await storeManagerAndReport(factory);
  const cascadeIndex = createCascadeIndex(factory);
  // Refusals are counted per goal: the repair also meets intents other tests left in the same storage.
  const state = { isDown: true, refused: new Map<string, number>() };
  const flaky: CascadeIndex = {
    ...cascadeIndex,
    async indexGoal(goal, placement) {
      if (state.isDown) {
        state.refused.set(goal.id, (state.refused.get(goal.id) ?? 0) + 1);
        throw Object.assign(new Error("The cascade index is unavailable"), { statusCode: 503 });
      }
      return cascadeIndex.indexGoal(goal, placement);
    },
  };
  const goalStore = createGoalStore(factory);
  const pending = createPendingWrites(factory);
  const logged: Array<{ level: LogLevel; message: string }> = [];
  const log = (level: LogLevel, message: string) => void logged.push({ level, message });
  let repair: WriteRepair | null = null;
  const goals = withWriteIntents(withUpkeep(goalStore, [cascadeIndexUpkeep(directory, flaky, () => undefined)]), {
    pending,
    newId: () => randomUUID(),
    now: () => new Date(),
    onError: () => undefined,
    onUnfinished: (intent) => repair?.later(intent),
  });
  repair = startWriteRepair({ pending, goalStore, directory, cascadeIndex: flaky, rollUps: createRollUpStore(factory), alignment: createAlignmentRows(factory), log, retryMs: 300 });
  const intentsOf = async (goalId: string) => (await pending.listStartedBefore(new Date(Date.now() + 60_000).toISOString())).filter((intent) => intent.goalId === goalId);
  const indexed = async (goal: Goal) => (await cascadeIndex.listGoalsPlacedUnder(tenantId, goal.cycleId, manager.id)).find((summary) => summary.id === goal.id) ?? null;
  return { tenantId, owner, goals, state, logged, intentsOf, indexed };
}

async function waitFor(check: () => Promise<boolean>, withinMs: number): Promise<boolean> {
  const until = Date.now() + withinMs;
  while (Date.now() < until) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return check();
}

describe("a goal write whose upkeep failed", () => {
  test("answers with the written goal, keeps its intent, and is repaired once the index answers again", async () => {
    const { tenantId, owner, goals, state, intentsOf, indexed } = await setUp();
    const goal = buildTestGoal({ tenantId, id: randomUUID(), ownerId: owner.id, updatedAt: new Date().toISOString() });
    const saved = await goals.saveGoal({ goal, audit: [] });
    expect(saved.value.id).toBe(goal.id);
    expect(state.refused.get(goal.id)).toBe(1);
    expect(await indexed(goal)).toBeNull();
    expect(await intentsOf(goal.id)).toHaveLength(1);

    state.isDown = false;
    expect(await waitFor(async () => (await intentsOf(goal.id)).length === 0, 10_000), "the intent is cleared").toBe(true);
    expect(await indexed(goal)).toMatchObject({ id: goal.id, title: goal.title });
  });

  test("is tried again while the repair itself fails, and repaired when it no longer does", async () => {
    const { tenantId, owner, goals, state, logged, intentsOf, indexed } = await setUp();
    const goal = buildTestGoal({ tenantId, id: randomUUID(), ownerId: owner.id, updatedAt: new Date().toISOString() });
    await goals.saveGoal({ goal, audit: [] });
    expect(await waitFor(async () => (state.refused.get(goal.id) ?? 0) >= 3, 10_000), "two repairs were refused").toBe(true);
    expect(logged.filter((entry) => entry.message === "Could not yet repair a goal write whose upkeep failed").length).toBeGreaterThanOrEqual(2);
    expect(await intentsOf(goal.id)).toHaveLength(1);

    state.isDown = false;
    expect(await waitFor(async () => (await intentsOf(goal.id)).length === 0, 10_000), "the intent is cleared").toBe(true);
    expect(await indexed(goal)).toMatchObject({ id: goal.id, title: goal.title });
  });
});
