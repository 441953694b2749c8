/** A cascade view tells whether a goal has something aligned to it from outside the levels it read
 * by the owner's kept contribution (one point read an owner), not by a query of what is aligned to
 * the goal, and it follows alignments made and undone from elsewhere.
 *
 *   R ── M ── M1          r1: R's organisation goal; m1: M's active goal aligned to r1, nothing aligned to it in M's team
 *   └─── O                o1: O's goal aligned to m1 from outside M's subtree (made, then deleted) */
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { getOrgCascade } from "../../functions/src/domain/org-cascade.js";
import type { RollUp } from "../../functions/src/domain/team-rollups.js";
import type { Cycle, Person } from "../../functions/src/domain/types.js";
import { startApiHarness, type ApiHarness } from "../support/api-harness.js";
import { addPeople, buildOrgChart, buildRunningCycle, createActiveGoal, createGoal } from "../support/cascade-fixtures.js";

let api: ApiHarness;
let cycle: Cycle;
let org: Record<"R" | "M" | "M1" | "O", Person>;
let r1: { id: string };

beforeAll(async () => {
  api = await startApiHarness(inject("azuriteConnectionString"));
  cycle = buildRunningCycle(api.tenantId);
  await api.services.goalDeps.cycles.saveCycle(cycle);
  org = buildOrgChart({ R: null, M: "R", M1: "M", O: "R" });
  await addPeople(api, org);
  r1 = await createActiveGoal(api, org.R, { cycle, isTopLevel: true, title: "Grow the customer base" });
});
afterAll(async () => api?.stop());

/** M's Team view, with the queries of what is aligned to a goal counted. */
async function viewTeam(): Promise<{ whiteSpace: string[]; childQueries: number }> {
  let childQueries = 0;
  const cascade = api.services.cascade;
  const deps = { ...cascade, goals: { ...cascade.goals, listChildGoals: (tenantId: string, goalId: string) => (childQueries++, cascade.goals.listChildGoals(tenantId, goalId)) } };
  const view = await getOrgCascade(deps, { tenantId: api.tenantId, userId: org.M.id, name: org.M.displayName, roles: [] }, org.M.id, { cycleId: cycle.id, depth: 1 });
  return { whiteSpace: view.whiteSpace.map((g) => g.id), childQueries };
}

describe("goals aligned from elsewhere", () => {
  test("a view reads them from the owner's kept contribution, before and after they change", async () => {
    const m1 = await createActiveGoal(api, org.M, { cycle, parentId: r1.id, title: "Ship the new onboarding" });
    expect(await viewTeam()).toEqual({ whiteSpace: [m1.id], childQueries: 0 });

    const o1 = await createGoal(api, org.O, { cycle, parentId: m1.id, title: "Support onboarding from sales" });
    expect(await viewTeam()).toEqual({ whiteSpace: [], childQueries: 0 });

    expect((await api.request("DELETE", `/api/goals/${o1.id}`, { as: org.O })).status).toBe(204);
    expect(await viewTeam()).toEqual({ whiteSpace: [m1.id], childQueries: 0 });
  });

  test("a contribution kept before it said so is no answer: the goal's aligned goals are read", async () => {
    const m2 = await createActiveGoal(api, org.M, { cycle, parentId: r1.id, title: "Halve the support backlog" });
    const own = await api.services.rollUps.store.read(api.tenantId, org.M.id, { kind: "own", cycleId: cycle.id });
    const { alignment: _alignment, ...earlier } = own!.value as RollUp;
    await api.services.rollUps.store.write(api.tenantId, org.M.id, { kind: "own", cycleId: cycle.id }, earlier, own!.etag);
    const view = await viewTeam();
    expect(view.whiteSpace).toContain(m2.id);
    expect(view.childQueries).toBeGreaterThan(0);
  });
});
