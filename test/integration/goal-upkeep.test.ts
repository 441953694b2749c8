/** What a goal write keeps beside the goal, as the app wires it: new progress walks the whole management
 * chain, and a new title walks only as far as the goal is shown in a list (the lowest-progress goals a
 * dashboard shows): it stops at the first row that comes out unchanged. Both leave the rows equal to a
 * rebuild.
 *
 *   L0 ← L1 ← L2 ← L3 ← L4, each with a goal aligned to their manager's; L3 also has a list's worth of
 *   goals further behind than L4's will be. */
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { LIST_MAX } from "../../functions/src/domain/team-rollups.js";
import type { Cycle, Goal, Person } from "../../functions/src/domain/types.js";
import { countStorageRequests } from "../../functions/src/store/request-count.js";
import { startApiHarness, type ApiHarness } from "../support/api-harness.js";
import { addPeople, buildOrgChart, buildRunningCycle, createActiveGoal } from "../support/cascade-fixtures.js";

let api: ApiHarness;
let cycle: Cycle;
let org: Record<"L0" | "L1" | "L2" | "L3" | "L4", Person>;
const goalIds: string[] = [];

beforeAll(async () => {
  api = await startApiHarness(inject("azuriteConnectionString"));
  cycle = buildRunningCycle(api.tenantId);
  await api.services.goalDeps.cycles.saveCycle(cycle);
  org = buildOrgChart({ L0: null, L1: "L0", L2: "L1", L3: "L2", L4: "L3" });
  await addPeople(api, org);
  let parentId: string | null = null;
  for (const name of ["L0", "L1", "L2", "L3", "L4"] as const) {
    const goal = await createActiveGoal(api, org[name], { cycle, parentId, isTopLevel: parentId === null, current: 10 });
    goalIds.push(goal.id);
    parentId = goal.id;
  }
  for (let i = 0; i < LIST_MAX; i++) await createActiveGoal(api, org.L3, { cycle, parentId: goalIds[2]!, current: 5 });
}, 120_000);
afterAll(async () => api?.stop());

/** Writes the goal through the app's repository, changed by `change`: the owners of the roll-up partitions
 * it wrote rows in and read rows from, and its storage requests. */
async function writeCounted(goalId: string, change: (goal: Goal) => Goal): Promise<{ rollUpWrites: string[]; rollUpsRead: Set<string>; requests: number }> {
  const repository = api.services.goalDeps.goals;
  const stored = (await repository.getGoal(api.tenantId, goalId))!;
  const rollUpWrites: string[] = [];
  const rollUpsRead = new Set<string>();
  let requests = 0;
  await countStorageRequests(
    () => repository.saveGoal({ goal: change(stored.value), previous: stored.value, etag: stored.etag, audit: [] }),
    (n) => (requests = n),
    (request) => {
      const match = /^(GET|PUT|PATCH|MERGE) .*\/rollups\(.*PartitionKey(?:=| eq )'[^|']*\|([^']*)'/.exec(decodeURIComponent(request));
      if (match?.[1] === "GET") rollUpsRead.add(match[2]!);
      else if (match) rollUpWrites.push(match[2]!);
    },
  );
  return { rollUpWrites, rollUpsRead, requests };
}

const rebuildChanges = async () => (await api.services.rollUps.rebuild(api.tenantId)).rowsChanged;

describe("goal upkeep as wired", () => {
  test("new progress reaches every manager's row; a new title stops where the goal leaves the lists", async () => {
    const deepest = goalIds[4]!;
    const progressed = await writeCounted(deepest, (goal) => ({ ...goal, keyResults: goal.keyResults.map((kr) => ({ ...kr, current: 95 })), updatedAt: new Date().toISOString() }));
    // The owner's own row, then the row of each person of the chain under their manager.
    expect(progressed.rollUpWrites.sort()).toEqual([org.L4.id, org.L3.id, org.L2.id, org.L1.id, org.L0.id].sort());
    expect(await rebuildChanges()).toBe(0);

    const renamed = await writeCounted(deepest, (goal) => ({ ...goal, title: `${goal.title} (renamed)`, updatedAt: new Date().toISOString() }));
    // L4's own row and L4's subtree under L3 list the goal; L3's subtree has a list's worth further behind.
    expect(renamed.rollUpWrites.sort()).toEqual([org.L4.id, org.L3.id].sort());
    // L3's row under L2 comes out unchanged, so nothing above it is read.
    expect([...renamed.rollUpsRead].sort()).toEqual([org.L4.id, org.L3.id, org.L2.id].sort());
    expect([...progressed.rollUpsRead].sort()).toEqual([org.L4.id, org.L3.id, org.L2.id, org.L1.id, org.L0.id].sort());
    expect(renamed.requests).toBeLessThan(progressed.requests);
    expect(await rebuildChanges()).toBe(0);
  });
});
