/** The alignment roll-up through the API: a check-in far down the tree reaches the organisation goal, a
 * re-alignment moves a goal's weight from one branch to the other, a deleted draft leaves the count; a level reads
 * the same number of storage requests however much lies below it; rows from before the figures were
 * kept are answered right and set right by the rebuild; a write that died half-way is repaired.
 *
 *   CEO: org1, org2 (organisation goals)
 *   VP → CEO: team → org1
 *   IC → VP: mine → team */
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { getAlignmentLevel } from "../../functions/src/domain/alignment-service.js";
import { refreshAlignment } from "../../functions/src/domain/alignment-rollups.js";
import type { Cycle, Person } from "../../functions/src/domain/types.js";
import { createAlignmentRows, toChildRow } from "../../functions/src/store/alignment-rows.js";
import { countStorageRequests } from "../../functions/src/store/request-count.js";
import { TABLE_NAMES } from "../../functions/src/store/tables.js";
import { startApiHarness, type ApiHarness } from "../support/api-harness.js";
import { addPeople, buildOrgChart, buildRunningCycle, createActiveGoal, createGoal } from "../support/cascade-fixtures.js";

let api: ApiHarness;
let cycle: Cycle;
let org: Record<"CEO" | "VP" | "IC", Person>;
const g: Record<string, any> = {};

beforeAll(async () => {
  api = await startApiHarness(inject("azuriteConnectionString"));
  cycle = buildRunningCycle(api.tenantId);
  await api.services.goalDeps.cycles.saveCycle(cycle);
  org = buildOrgChart({ CEO: null, VP: "CEO", IC: "VP" });
  await addPeople(api, org);
  g.org1 = await createActiveGoal(api, org.CEO, { cycle, isTopLevel: true, current: 40, title: "A: grow online revenue by a third" });
  g.org2 = await createActiveGoal(api, org.CEO, { cycle, isTopLevel: true, current: 0, title: "B: keep nine in ten customers a year" });
  g.team = await createActiveGoal(api, org.VP, { cycle, parentId: g.org1.id, current: 20, title: "Ship the new checkout to every market" });
  g.mine = await createActiveGoal(api, org.IC, { cycle, parentId: g.team.id, current: 0, title: "Cut checkout page load time in half" });
});
afterAll(async () => api?.stop());

const orgGoals = async () => (await api.request("GET", `/api/alignment?cycle=${cycle.id}`, { as: org.IC })).body.items as any[];
const byId = (nodes: any[], id: string) => nodes.find((n) => n.goal.id === id);

async function checkIn(person: Person, goal: any, current: number) {
  const res = await api.request("POST", `/api/goals/${goal.id}/checkins`, { as: person, body: { keyResults: [{ id: goal.keyResults[0].id, current }], confidence: "on_track" } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.goal;
}

describe("kept alignment roll-ups", () => {
  test("a check-in two levels down reaches the organisation goal", async () => {
    const before = byId(await orgGoals(), g.org1.id);
    expect(before.rolledUpProgress).toBeCloseTo((0.4 + (0.2 + 0) / 2) / 2);
    await checkIn(org.IC, g.mine, 100);
    const after = byId(await orgGoals(), g.org1.id);
    expect(after.rolledUpProgress).toBeCloseTo((0.4 + (0.2 + 1) / 2) / 2);
    const team = (await api.request("GET", `/api/alignment?root=${g.org1.id}`, { as: org.CEO })).body.items[0];
    expect(team).toMatchObject({ alignedCount: 1 });
    expect(team.rolledUpProgress).toBeCloseTo(0.6);
  });

  test("re-aligning a goal moves its branch's weight; deleting it takes it away", async () => {
    const current = await api.request("GET", `/api/goals/${g.team.id}`, { as: org.VP });
    const moved = await api.request("PATCH", `/api/goals/${g.team.id}`, { as: org.VP, body: { parentId: g.org2.id }, headers: { "if-match": current.headers.get("etag")! } });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    // A goal aligned elsewhere waits for approval again, and until then does not count.
    expect(moved.body.status).toBe("pending_approval");
    expect(byId(await orgGoals(), g.org2.id)).toMatchObject({ alignedCount: 1, rolledUpProgress: 0 });
    const approved = await api.request("POST", `/api/goals/${g.team.id}/decision`, { as: moved.body.approverId, body: { decision: "approve" } });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    const tops = await orgGoals();
    expect(byId(tops, g.org1.id)).toMatchObject({ alignedCount: 0, rolledUpProgress: 0.4 });
    expect(byId(tops, g.org2.id).alignedCount).toBe(1);
    expect(byId(tops, g.org2.id).rolledUpProgress).toBeCloseTo(0.6 / 2);

    // Only a draft can be deleted: one aligned below the team goal counts as aligned, not in the progress.
    const draft = await createGoal(api, org.IC, { cycle, parentId: g.team.id, current: 100, title: "Draft a plan for the checkout launch" });
    const withDraft = (await api.request("GET", `/api/alignment?root=${g.org2.id}`, { as: org.CEO })).body.items[0];
    expect(withDraft.alignedCount).toBe(2);
    expect(withDraft.rolledUpProgress).toBeCloseTo(0.6);
    expect((await api.request("DELETE", `/api/goals/${draft.id}`, { as: org.IC })).status).toBe(204);
    const below = await api.request("GET", `/api/alignment?root=${g.team.id}`, { as: org.VP });
    expect(below.body.items.map((n: any) => n.goal.id)).toEqual([g.mine.id]);
    expect(below.body.parent.alignedCount).toBe(1);
  });

  test("a level costs the same storage requests however much is aligned below its goals", async () => {
    const principal = { tenantId: api.tenantId, userId: org.CEO.id, name: org.CEO.displayName, roles: [] };
    const countLevel = async () => {
      let requests = -1;
      await countStorageRequests(() => getAlignmentLevel(api.services.cascade, principal, { cycleId: null, rootGoalId: g.org2.id, limit: 20, cursor: null }), (n) => (requests = n));
      return requests;
    };
    const shallow = await countLevel();
    for (let i = 0; i < 6; i++) await createActiveGoal(api, org.IC, { cycle, parentId: g.team.id, current: 10 * i, title: `Run checkout experiment number ${i + 1} in shops` });
    const deep = await countLevel();
    expect(deep).toBe(shallow);
    const level = await getAlignmentLevel(api.services.cascade, principal, { cycleId: null, rootGoalId: g.org2.id, limit: 20, cursor: null });
    expect(level.items[0]!.alignedCount).toBe(7);
  });

  test("rows from before the figures were kept are answered right, and the rebuild writes the figures", async () => {
    const rows = createAlignmentRows(api.services.tables);
    const expected = byId(await orgGoals(), g.org2.id);
    const children = api.services.tables.getClient(TABLE_NAMES.children);
    const team = (await api.services.goalDeps.goals.getGoal(api.tenantId, g.team.id))!.value;
    await children.upsertEntity(toChildRow({ ...team, parentId: g.org2.id }), "Replace");
    expect((await rows.read(api.tenantId, g.org2.id, g.team.id))!.value).toMatchObject({ rolledUpProgress: null, alignedCount: null });
    const answered = byId((await api.request("GET", `/api/alignment?root=${g.org2.id}`, { as: org.CEO })).body.items, g.team.id);
    expect(answered.alignedCount).toBe(7);
    const rebuilt = await api.services.rollUps.rebuild(api.tenantId);
    expect(rebuilt.alignment.rowsChanged).toBe(1);
    expect((await rows.read(api.tenantId, g.org2.id, g.team.id))!.value.alignedCount).toBe(7);
    expect(byId(await orgGoals(), g.org2.id).rolledUpProgress).toBeCloseTo(expected.rolledUpProgress);
    expect((await api.services.rollUps.rebuild(api.tenantId)).alignment.rowsChanged).toBe(0);
  });

  test("a row left stale higher up (a process died on its walk) is set right by the repair's walk to the top", async () => {
    const rows = createAlignmentRows(api.services.tables);
    const deps = { rows, goals: api.services.goalDeps.goals };
    const leaf = await createActiveGoal(api, org.IC, { cycle, parentId: g.mine.id, current: 30, title: "Measure checkout load time every day" });
    const right = (await rows.read(api.tenantId, g.org2.id, g.team.id))!;
    await rows.write(api.tenantId, g.org2.id, g.team.id, { ...right.value, rolledUpProgress: 0.99 }, right.etag);
    // A write's walk stops at the first row it leaves unchanged; the repair's goes on to the top.
    expect(await refreshAlignment(deps, api.tenantId, leaf.id, [g.mine.id])).toBe(0);
    expect((await rows.read(api.tenantId, g.org2.id, g.team.id))!.value.rolledUpProgress).toBe(0.99);
    expect(await refreshAlignment(deps, api.tenantId, leaf.id, [g.mine.id], true)).toBe(1);
    expect((await rows.read(api.tenantId, g.org2.id, g.team.id))!.value.rolledUpProgress).toBeCloseTo(right.value.rolledUpProgress!, 12);
  });
});
