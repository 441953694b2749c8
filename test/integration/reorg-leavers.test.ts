/** When someone leaves (account disabled, or deleted from the directory): their open goals are
 * flagged owner_left for the former manager, approvals waiting on them move up the chain, and the
 * former manager (or an admin) reassigns each goal, with its history and check-ins, or closes it. */
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import type { GoalEvent } from "../../functions/src/domain/goal-context.js";
import type { Cycle } from "../../functions/src/domain/types.js";
import { startApiHarness, type ApiHarness } from "../support/api-harness.js";
import { toPatch } from "../../functions/src/store/org-packing.js";
import { addPeople, buildOrgChart, buildRunningCycle, changeDirectory, createActiveGoal, createGoal, disable, readGoal, readHistory, remove, submitGoal } from "../support/cascade-fixtures.js";

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

/** M manages the leaver L and a teammate T; L manages L2, whose goal waits for L's approval. L has
 * an active goal with a check-in and a private draft; O works in another branch. */
async function buildTeamWithLeaver() {
  const org = buildOrgChart({ R: null, M: "R", L: "M", T: "M", L2: "L", O: "R" });
  await addPeople(api, org);
  const top = await createActiveGoal(api, org.R, { cycle, isTopLevel: true, current: 40 });
  const managerGoal = await createActiveGoal(api, org.M, { cycle, parentId: top.id, current: 40 });
  const active = await createActiveGoal(api, org.L, { cycle, parentId: managerGoal.id, current: 30 });
  const checkIn = await api.request("POST", `/api/goals/${active.id}/checkins`, { as: org.L, body: { confidence: "on_track", note: "Half way there." } });
  expect(checkIn.status).toBe(201);
  const draft = await createGoal(api, org.L, { cycle, parentId: managerGoal.id, visibility: "private" });
  const waiting = await createGoal(api, org.L2, { cycle, parentId: active.id });
  expect((await submitGoal(api, org.L2, waiting.id)).approverId).toBe(org.L.id);
  return { org, top, managerGoal, active, draft, waiting };
}

describe("someone leaves", () => {
  test("disabled: open goals are flagged for the former manager; approvals waiting on them move up", async () => {
    const { org, active, draft, waiting } = await buildTeamWithLeaver();
    const report = await disable(api, org.L);
    expect(report).toMatchObject({ goalsFlagged: 2, approvalsMoved: 1 });
    for (const id of [active.id, draft.id]) expect(await readGoal(api, org.M, id)).toMatchObject({ flags: ["owner_left"], approverId: org.M.id });
    const flagged = (await readHistory(api, org.M, active.id)).find((e) => e.action === "flagged");
    expect(flagged).toMatchObject({ actorId: "org-chart" });
    expect(flagged.comment).toContain(org.L.displayName);
    expect(await readGoal(api, org.L2, waiting.id)).toMatchObject({ status: "pending_approval", approverId: org.M.id });
    expect(events.some((e) => e.kind === "submitted" && e.goal.id === waiting.id && e.previousApproverId === org.L.id)).toBe(true);
    const view = (await api.request("GET", `/api/org/${org.M.id}/cascade?cycle=${cycle.id}`, { as: org.M })).body;
    const leaver = view.nodes.find((n: any) => n.person.id === org.L.id);
    expect(leaver.person).toMatchObject({ isEnabled: false, hasLeft: false });
    expect(leaver.goals.map((x: any) => x.id).sort()).toEqual([active.id, draft.id].sort());
    expect(view.nodes[0].figures).toMatchObject({ people: 3, ownerLeft: 2 });
  });

  test("the former manager reassigns a goal: history, check-ins, children and views follow it", async () => {
    const { org, managerGoal, active, waiting } = await buildTeamWithLeaver();
    await disable(api, org.L);
    const before = await readHistory(api, org.M, active.id);
    const stale = await api.request("POST", `/api/goals/${active.id}/reassign`, { as: org.M, body: { newOwnerId: org.T.id }, headers: { "if-match": 'W/"stale"' } });
    expect(stale.status).toBe(412);
    const res = await api.request("POST", `/api/goals/${active.id}/reassign`, { as: org.M, body: { newOwnerId: org.T.id, comment: "Tomás carries this on." } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ownerId: org.T.id, status: "active", flags: [] });
    expect(res.headers.get("etag")).toBeTruthy();
    const history = await readHistory(api, org.T, active.id);
    expect(history.map((e) => e.id).slice(0, before.length)).toEqual(before.map((e) => e.id));
    expect(history.at(-1)).toMatchObject({ action: "owner_changed", actorId: org.M.id, comment: "Tomás carries this on.", changes: { ownerId: { from: org.L.id, to: org.T.id } } });
    const checkIns = await api.request("GET", `/api/goals/${active.id}/checkins`, { as: org.T });
    expect(checkIns.body.items.map((c: any) => c.note)).toEqual(["Half way there."]);
    const mine = await api.request("GET", `/api/goals?owner=${org.T.id}&cycle=${cycle.id}`, { as: org.T });
    expect(mine.body.items.map((g: any) => g.id)).toEqual([active.id]);
    const theirs = await api.request("GET", `/api/goals?owner=${org.L.id}&cycle=${cycle.id}`, { as: org.M });
    expect(theirs.body.items.map((g: any) => g.id)).not.toContain(active.id);
    const children = await api.services.goalDeps.goals.listChildGoals(api.tenantId, managerGoal.id);
    expect(children.map((c) => [c.value.id, c.value.ownerId])).toContainEqual([active.id, org.T.id]);
    expect((await api.services.goalDeps.goals.listChildGoals(api.tenantId, active.id)).map((c) => c.value.id)).toEqual([waiting.id]);
    const view = (await api.request("GET", `/api/org/${org.M.id}/cascade?cycle=${cycle.id}`, { as: org.M })).body;
    expect(view.nodes.find((n: any) => n.person.id === org.T.id).goals.map((x: any) => x.id)).toEqual([active.id]);
    const edit = await api.request("PATCH", `/api/goals/${active.id}`, { as: org.T, body: { description: "Carried on by the new owner, same outcome for customers." }, headers: { "if-match": res.headers.get("etag")! } });
    expect(edit.status).toBe(200);
  });

  test("only the former manager, anyone above, or an admin may decide; the new owner must fit", async () => {
    const { org, active, draft, managerGoal } = await buildTeamWithLeaver();
    await disable(api, org.L);
    const reassign = (as: any, newOwnerId: string, id = active.id) => api.request("POST", `/api/goals/${id}/reassign`, { as, body: { newOwnerId } });
    expect((await reassign(org.T, org.T.id)).status).toBe(403);
    expect((await reassign(org.O, org.O.id)).status).toBe(403);
    expect((await reassign(org.O, org.O.id, draft.id)).status).toBe(404);
    expect((await reassign(org.M, org.O.id)).status).toBe(403);
    expect((await reassign(org.M, org.L.id)).status).toBe(400);
    expect((await reassign(org.M, "not-a-person")).status).toBe(400);
    expect((await reassign(null, org.T.id)).status).toBe(401);
    expect((await reassign(await api.tokenFor(org.M, { tid: api.otherTenantId }), org.T.id)).status).toBe(404);
    expect((await reassign(org.R, org.R.id, managerGoal.id)).status).toBe(409);
    const admin = await api.tokenFor(org.O, { roles: ["Cascade.Admin"] });
    const byAdmin = await reassign(admin, org.O.id, draft.id);
    expect(byAdmin.body).toMatchObject({ ownerId: org.O.id, flags: ["needs_realignment"] });
    const fromAbove = await reassign(org.R, org.M.id);
    expect(fromAbove.body).toMatchObject({ ownerId: org.M.id, flags: [] });
  });

  test("closing: an active goal is cancelled, a goal that was never approved is deleted", async () => {
    const { org, active, draft } = await buildTeamWithLeaver();
    await disable(api, org.L);
    const closed = await api.request("POST", `/api/goals/${active.id}/close-for-leaver`, { as: org.M, body: { outcome: "cancelled" } });
    expect(closed.body).toMatchObject({ outcome: "closed", goal: { status: "cancelled" } });
    expect((await api.request("POST", `/api/goals/${active.id}/close-for-leaver`, { as: org.T, body: {} })).status).toBe(403);
    const deleted = await api.request("POST", `/api/goals/${draft.id}/close-for-leaver`, { as: org.M });
    expect(deleted.body).toEqual({ outcome: "deleted", goal: null });
    expect((await api.request("GET", `/api/goals/${draft.id}`, { as: org.M })).status).toBe(404);
    expect((await api.request("POST", `/api/goals/${active.id}/close-for-leaver`, { as: org.M, body: { outcome: "sideways" } })).status).toBe(400);
  });

  test("deleted from the directory: the goals stay in front of the former manager, who can reassign them", async () => {
    const { org, active, waiting } = await buildTeamWithLeaver();
    const report = await remove(api, org.L);
    expect(report.goalsFlagged).toBe(2);
    expect(await readGoal(api, org.L2, waiting.id)).toMatchObject({ approverId: org.M.id });
    const view = (await api.request("GET", `/api/org/${org.M.id}/cascade?cycle=${cycle.id}`, { as: org.M })).body;
    const leaver = view.nodes.find((n: any) => n.person.id === org.L.id);
    expect(leaver.person).toMatchObject({ hasLeft: true, displayName: org.L.displayName });
    expect(leaver.goals.every((x: any) => x.flags.includes("owner_left"))).toBe(true);
    const res = await api.request("POST", `/api/goals/${active.id}/reassign`, { as: org.M, body: { newOwnerId: org.T.id } });
    expect(res.body.ownerId).toBe(org.T.id);
  });

  test("a manager leaves while their report moves to someone else, in one sync", async () => {
    const { org, active, waiting } = await buildTeamWithLeaver();
    const report = await changeDirectory(api, { patches: [toPatch({ ...org.L, accountEnabled: false }), toPatch({ ...org.L2, managerId: org.T.id })] });
    expect(report.failures).toEqual([]);
    expect(await readGoal(api, org.L2, waiting.id)).toMatchObject({ status: "pending_approval", approverId: org.T.id, flags: ["needs_realignment"] });
    expect((await readGoal(api, org.M, active.id)).flags).toEqual(["owner_left"]);
  });
});
