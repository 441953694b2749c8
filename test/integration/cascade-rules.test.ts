/** Cascade rules over the org chart: parent suggestions come from the management chain (manager's
 * goals first, then up; organisation goals last, from the top, then those of the organisation-goal
 * owners an admin named), alignment across chains is allowed but flagged, the approver is the
 * current manager. */
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import type { Cycle, Person } from "../../functions/src/domain/types.js";
import { DEFAULT_POLICY } from "../../functions/src/store/cycle-store.js";
import { startApiHarness, type ApiHarness } from "../support/api-harness.js";
import { addPeople, buildOrgChart, buildRunningCycle, createActiveGoal, createGoal, submitGoal } from "../support/cascade-fixtures.js";

let api: ApiHarness;
let cycle: Cycle;
let nextCycle: Cycle;
let org: Record<"R" | "V" | "M" | "P" | "O" | "X", Person>;
const g: Record<string, any> = {};

beforeAll(async () => {
  api = await startApiHarness(inject("azuriteConnectionString"));
  cycle = buildRunningCycle(api.tenantId);
  nextCycle = { ...buildRunningCycle(api.tenantId), startDate: cycle.endDate, endDate: cycle.endDate };
  await api.services.goalDeps.cycles.saveCycle(cycle);
  await api.services.goalDeps.cycles.saveCycle(nextCycle);
  org = buildOrgChart({ R: null, V: "R", M: "V", P: "M", O: "R", X: "O" });
  await addPeople(api, org);
  await api.services.settings.savePolicy(api.tenantId, { ...DEFAULT_POLICY, organisationGoalOwnerIds: [org.X.id, org.V.id] });
  g.r1 = await createActiveGoal(api, org.R, { cycle, isTopLevel: true, title: "Organisation goal of the chief" });
  g.r2 = await createActiveGoal(api, org.R, { cycle, parentId: g.r1.id, title: "The chief's own department goal" });
  g.v1 = await createActiveGoal(api, org.V, { cycle, parentId: g.r1.id, title: "Vice president goal one" });
  g.v2 = await createGoal(api, org.V, { cycle, parentId: g.r1.id, title: "Vice president goal waiting" });
  await submitGoal(api, org.V, g.v2.id);
  g.v3 = await createGoal(api, org.V, { cycle, parentId: g.r1.id, title: "Vice president draft goal" });
  g.v4 = await createActiveGoal(api, org.V, { cycle, parentId: g.r1.id, visibility: "private", title: "Vice president private goal" });
  g.m1 = await createActiveGoal(api, org.M, { cycle, parentId: g.v1.id, title: "Manager goal for the team" });
  g.mNext = await createActiveGoal(api, org.M, { cycle: nextCycle, parentId: g.v1.id, title: "Manager goal next cycle" });
  g.x1 = await createActiveGoal(api, org.X, { cycle, isTopLevel: true, title: "Organisation goal of the owner" });
  g.x2 = await createActiveGoal(api, org.X, { cycle, parentId: g.x1.id, title: "Owner's ordinary team goal" });
});
afterAll(async () => api?.stop());

describe("parent suggestions", () => {
  test("manager first, then up the chain, organisation goals last from the top, then named owners'", async () => {
    const res = await api.request("GET", `/api/alignment/parent-options?cycle=${cycle.id}`, { as: org.P });
    expect(res.status).toBe(200);
    const items = res.body.items;
    expect(items.map((o: any) => o.goal.id)).toEqual([g.m1.id, g.v1.id, g.v2.id, g.r2.id, g.r1.id, g.x1.id]);
    expect(items.map((o: any) => [o.distance, o.isOrganisationGoal])).toEqual([
      [1, false],
      [2, false],
      [2, false],
      [3, false],
      [3, true],
      [4, true],
    ]);
    expect(items[0].owner).toEqual({ id: org.M.id, displayName: org.M.displayName, jobTitle: org.M.jobTitle });
  });

  test("someone at the top is offered only the named owners' organisation goals", async () => {
    const res = await api.request("GET", `/api/alignment/parent-options?cycle=${cycle.id}`, { as: org.R });
    expect(res.body.items.map((o: any) => o.goal.id)).toEqual([g.x1.id]);
  });

  test("the cycle keeps other cycles' goals out; without it all are offered; bad ids are refused", async () => {
    const inCycle = await api.request("GET", `/api/alignment/parent-options?cycle=${cycle.id}`, { as: org.P });
    expect(inCycle.body.items.map((o: any) => o.goal.id)).not.toContain(g.mNext.id);
    const all = await api.request("GET", "/api/alignment/parent-options", { as: org.P });
    expect(all.body.items.slice(0, 2).map((o: any) => o.goal.id)).toEqual([g.m1.id, g.mNext.id]);
    expect((await api.request("GET", "/api/alignment/parent-options?cycle=bad%20id", { as: org.P })).status).toBe(400);
    expect((await api.request("GET", "/api/alignment/parent-options", { as: null })).status).toBe(401);
  });
});

describe("alignment and approval follow the chain", () => {
  test("aligning outside the chain is allowed but flagged cross_chain", async () => {
    const inside = await createGoal(api, org.P, { cycle, parentId: g.v1.id });
    expect(inside.flags).toEqual([]);
    const across = await createGoal(api, org.P, { cycle, parentId: g.x2.id });
    expect(across.flags).toEqual(["cross_chain"]);
  });

  test("the approver is the owner's current manager", async () => {
    const goal = await createGoal(api, org.P, { cycle, parentId: g.m1.id });
    expect((await submitGoal(api, org.P, goal.id)).approverId).toBe(org.M.id);
  });
});
