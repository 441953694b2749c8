/** When someone changes manager: waiting approvals move to the new manager (ETag-checked, audited,
 * with a card event), goals whose parent left the owner's chain are flagged for re-alignment, and the
 * cascade views follow. Each test builds its own org chart with its own root. */
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import type { GoalEvent } from "../../functions/src/domain/goal-context.js";
import { changeGoal } from "../../functions/src/domain/reorg-writes.js";
import type { Cycle, Person } from "../../functions/src/domain/types.js";
import { startApiHarness, type ApiHarness } from "../support/api-harness.js";
import { addPeople, buildOrgChart, buildRunningCycle, createActiveGoal, createGoal, moveTo, readGoal, readHistory, submitGoal } from "../support/cascade-fixtures.js";

let api: ApiHarness;
let cycle: Cycle;
const events: GoalEvent[] = [];

beforeAll(async () => {
  api = await startApiHarness(inject("azuriteConnectionString"));
  cycle = buildRunningCycle(api.tenantId);
  await api.services.goalDeps.cycles.saveCycle(cycle);
  api.services.events.subscribe(async (_tenantId, event) => {
    events.push(event);
  });
});
afterAll(async () => api?.stop());

/** R at the top with two managers; P reports to M1 and has a goal aligned to M1's, waiting for M1. */
async function buildTwoTeams() {
  const org = buildOrgChart({ R: null, M1: "R", M2: "R", P: "M1" });
  await addPeople(api, org);
  const top = await createActiveGoal(api, org.R, { cycle, isTopLevel: true, current: 50 });
  const m1Goal = await createActiveGoal(api, org.M1, { cycle, parentId: top.id, current: 50 });
  const m2Goal = await createActiveGoal(api, org.M2, { cycle, parentId: top.id, current: 50 });
  const pending = await createGoal(api, org.P, { cycle, parentId: m1Goal.id });
  expect((await submitGoal(api, org.P, pending.id)).approverId).toBe(org.M1.id);
  return { org, top, m1Goal, m2Goal, pending };
}

describe("a manager change", () => {
  test("moves the waiting approval to the new manager, audited, and sends the card there", async () => {
    const { org, pending } = await buildTwoTeams();
    const report = await moveTo(api, org.P, org.M2.id);
    expect(report.approvalsMoved).toBe(1);
    const goal = await readGoal(api, org.P, pending.id);
    expect(goal).toMatchObject({ status: "pending_approval", approverId: org.M2.id });
    const moved = (await readHistory(api, org.P, pending.id)).find((e) => e.action === "reassigned");
    expect(moved).toMatchObject({ actorId: "org-chart", changes: { approverId: { from: org.M1.id, to: org.M2.id } } });
    expect(moved.comment).toContain(org.M2.displayName);
    const event = events.find((e) => e.kind === "submitted" && e.goal.id === pending.id && e.previousApproverId === org.M1.id);
    expect(event?.goal.approverId).toBe(org.M2.id);
    expect((await api.request("POST", `/api/goals/${pending.id}/decision`, { as: org.M1, body: { decision: "approve" } })).status).toBe(403);
    expect((await api.request("POST", `/api/goals/${pending.id}/decision`, { as: org.M2, body: { decision: "approve" } })).body.status).toBe("active");
  });

  test("flags a goal whose parent is no longer in the chain, and clears it when the person moves back", async () => {
    const { org, pending, top } = await buildTwoTeams();
    const toTop = await createGoal(api, org.P, { cycle, parentId: top.id });
    await moveTo(api, org.P, org.M2.id);
    expect((await readGoal(api, org.P, pending.id)).flags).toEqual(["needs_realignment"]);
    expect((await readGoal(api, org.P, toTop.id)).flags).toEqual([]);
    const flagged = (await readHistory(api, org.P, pending.id)).find((e) => e.action === "flagged");
    expect(flagged).toMatchObject({ actorId: "org-chart", changes: { flags: { from: [], to: ["needs_realignment"] } } });
    const view = await api.request("GET", `/api/org/${org.R.id}/cascade?cycle=${cycle.id}`, { as: org.R });
    expect(view.body.needsRealignment.map((r: any) => r.id)).toEqual([pending.id]);
    await moveTo(api, { ...org.P, managerId: org.M2.id }, org.M1.id);
    expect((await readGoal(api, org.P, pending.id)).flags).toEqual([]);
    expect((await readHistory(api, org.P, pending.id)).map((e) => e.action)).toContain("unflagged");
  });

  test("re-aligning the goal in the new chain clears the flag", async () => {
    const { org, pending, m2Goal } = await buildTwoTeams();
    await moveTo(api, org.P, org.M2.id);
    const stale = await readGoal(api, org.P, pending.id);
    const edited = await api.request("PATCH", `/api/goals/${pending.id}`, { as: org.P, body: { parentId: m2Goal.id }, headers: { "if-match": stale.etag } });
    expect(edited.status).toBe(409);
    const back = await api.request("POST", `/api/goals/${pending.id}/decision`, { as: org.M2, body: { decision: "request_changes", comment: "Align it to my goal" } });
    const realigned = await api.request("PATCH", `/api/goals/${pending.id}`, { as: org.P, body: { parentId: m2Goal.id }, headers: { "if-match": back.headers.get("etag")! } });
    expect(realigned.body.flags).toEqual([]);
  });

  test("goals of the moved person's reports aligned above the old position are flagged too", async () => {
    const org = buildOrgChart({ R: null, V1: "R", V2: "R", A: "V1", A1: "A" });
    await addPeople(api, org);
    const top = await createActiveGoal(api, org.R, { cycle, isTopLevel: true });
    const v1 = await createActiveGoal(api, org.V1, { cycle, parentId: top.id });
    const a = await createActiveGoal(api, org.A, { cycle, parentId: v1.id });
    const underA = await createActiveGoal(api, org.A1, { cycle, parentId: a.id });
    const skipLevel = await createActiveGoal(api, org.A1, { cycle, parentId: v1.id });
    const toTop = await createActiveGoal(api, org.A1, { cycle, parentId: top.id });
    const report = await moveTo(api, org.A, org.V2.id);
    expect(report.goalsFlagged).toBe(2);
    expect((await readGoal(api, org.A, a.id)).flags).toEqual(["needs_realignment"]);
    expect((await readGoal(api, org.A1, skipLevel.id)).flags).toEqual(["needs_realignment"]);
    expect((await readGoal(api, org.A1, underA.id)).flags).toEqual([]);
    expect((await readGoal(api, org.A1, toTop.id)).flags).toEqual([]);
    const newTeam = (await api.request("GET", `/api/org/${org.V2.id}/cascade?cycle=${cycle.id}`, { as: org.V2 })).body;
    expect(newTeam.nodes.map((n: any) => n.person.id)).toEqual([org.V2.id, org.A.id, org.A1.id]);
    expect(newTeam.nodes[1].goals.map((x: any) => x.id)).toEqual([a.id]);
    const oldTeam = (await api.request("GET", `/api/org/${org.V1.id}/cascade?cycle=${cycle.id}`, { as: org.V1 })).body;
    expect(oldTeam.nodes.map((n: any) => n.person.id)).toEqual([org.V1.id]);
  });

  test("a goal aligned across chains on purpose stays cross-chain, not flagged", async () => {
    const { org, top } = await buildTwoTeams();
    const m2Goal = await createActiveGoal(api, org.M2, { cycle, parentId: top.id });
    const across = await createGoal(api, org.P, { cycle, parentId: m2Goal.id });
    expect(across.flags).toEqual(["cross_chain"]);
    await moveTo(api, org.P, org.R.id);
    expect((await readGoal(api, org.P, across.id)).flags).toEqual(["cross_chain"]);
    await moveTo(api, { ...org.P, managerId: org.R.id }, org.M2.id);
    expect((await readGoal(api, org.P, across.id)).flags).toEqual([]);
  });

  test("someone who no longer has a manager is a root: waiting goals become active", async () => {
    const { org, pending } = await buildTwoTeams();
    await moveTo(api, org.P, null);
    expect(await readGoal(api, org.P, pending.id)).toMatchObject({ status: "active", approverId: null });
    const activated = (await readHistory(api, org.P, pending.id)).find((e) => e.action === "activated");
    expect(activated).toMatchObject({ actorId: "org-chart", changes: { status: { from: "pending_approval", to: "active" } } });
  });

  test("never overwrites an edit that lands while the reaction runs", async () => {
    const { org, pending } = await buildTwoTeams();
    let isFirst = true;
    await changeGoal(api.services.goalDeps, api.tenantId, pending.id, async (goal) => {
      if (isFirst) {
        isFirst = false;
        const current = await readGoal(api, org.P, pending.id);
        const back = await api.request("POST", `/api/goals/${pending.id}/decision`, { as: org.M1, body: { decision: "request_changes", comment: "Sharper title" } });
        expect(back.status).toBe(200);
        expect(current.status).toBe("pending_approval");
      }
      return { goal: { ...goal, flags: ["needs_realignment"] }, audit: [] };
    });
    const goal = await readGoal(api, org.P, pending.id);
    expect(goal).toMatchObject({ status: "changes_requested", flags: ["needs_realignment"] });
  });
});

describe("bad directory data never crashes anything", () => {
  test("a missing manager, a self-manager and a manager cycle are treated as roots", async () => {
    const { org, pending } = await buildTwoTeams();
    const ghost = "00000000-dead-4000-8000-000000000000";
    await moveTo(api, org.P, ghost);
    expect((await readGoal(api, org.P, pending.id)).status).toBe("active");
    const selfManaged: Person = { ...org.M2, managerId: org.M2.id };
    await moveTo(api, org.M2, selfManaged.id);
    const cycleA: Person = { ...org.M1, managerId: org.P.id };
    await moveTo(api, { ...org.P, managerId: ghost }, org.M1.id);
    await moveTo(api, org.M1, cycleA.managerId);
    for (const person of [org.P, org.M1, org.M2]) {
      expect((await api.request("GET", `/api/people/${person.id}`, { as: person })).status).toBe(200);
      expect((await api.request("GET", `/api/org/${person.id}/cascade?cycle=${cycle.id}`, { as: person })).status).toBe(200);
      expect((await api.request("GET", `/api/alignment/parent-options?cycle=${cycle.id}`, { as: person })).status).toBe(200);
    }
    const loop = await api.request("GET", `/api/people/${org.M1.id}`, { as: org.M1 });
    expect(loop.body.managerChain.map((p: any) => p.id)).toEqual([org.P.id]);
  });
});
