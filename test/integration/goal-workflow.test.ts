import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { buildGoalBody, startApiHarness, type ApiHarness } from "../support/api-harness.js";
import type { Person } from "../../functions/src/domain/types.js";

let api: ApiHarness;
let managerGoalId: string;

beforeAll(async () => {
  api = await startApiHarness(inject("azuriteConnectionString"));
  const top = await api.request("POST", "/api/goals", { as: api.org.ceo, body: buildGoalBody({ title: "Be the checkout people love", isTopLevel: true }) });
  await api.request("POST", `/api/goals/${top.body.id}/submit`, { as: api.org.ceo });
  const vpGoal = await api.request("POST", "/api/goals", { as: api.org.vp, body: buildGoalBody({ title: "Grow online revenue in every market", parentId: top.body.id }) });
  await api.request("POST", `/api/goals/${vpGoal.body.id}/submit`, { as: api.org.vp });
  const managerGoal = await api.request("POST", "/api/goals", { as: api.org.manager, body: buildGoalBody({ title: "Make checkout the fastest in the market", parentId: vpGoal.body.id }) });
  managerGoalId = managerGoal.body.id;
  const submitted = await api.request("POST", `/api/goals/${managerGoalId}/submit`, { as: api.org.manager });
  expect(submitted.body.status).toBe("pending_approval");
});
afterAll(async () => api?.stop());

async function createAligned(owner: Person = api.org.alice, overrides: Record<string, unknown> = {}) {
  const res = await api.request("POST", "/api/goals", { as: owner, body: buildGoalBody({ parentId: managerGoalId, ...overrides }) });
  expect(res.status).toBe(201);
  return res.body;
}

describe("approval flow", () => {
  test("submit routes to the owner's manager; approve makes it active", async () => {
    const goal = await createAligned();
    expect(goal.smart.ok).toBe(true);
    const submitted = await api.request("POST", `/api/goals/${goal.id}/submit`, { as: api.org.alice });
    expect(submitted.body).toMatchObject({ status: "pending_approval", approverId: api.org.manager.id });
    const denied = await api.request("POST", `/api/goals/${goal.id}/decision`, { as: api.org.vp, body: { decision: "approve" } });
    expect(denied.status).toBe(403);
    const approved = await api.request("POST", `/api/goals/${goal.id}/decision`, { as: api.org.manager, body: { decision: "approve", comment: "Great" } });
    expect(approved.body.status).toBe("active");
    const history = await api.request("GET", `/api/goals/${goal.id}/history`, { as: api.org.alice });
    expect(history.body.items.map((e: any) => e.action)).toEqual(["created", "submitted", "approved"]);
    expect(history.body.items[2]).toMatchObject({ actorId: api.org.manager.id, comment: "Great" });
  });

  test("a goal that fails the SMART check cannot be submitted (409 with what is missing)", async () => {
    const res = await api.request("POST", "/api/goals", { as: api.org.alice, body: buildGoalBody({ title: "Sales", parentId: null }) });
    const submitted = await api.request("POST", `/api/goals/${res.body.id}/submit`, { as: api.org.alice });
    expect(submitted.status).toBe(409);
    expect(submitted.body.code).toBe("smart_incomplete");
    expect(submitted.body.errors.map((e: any) => e.path)).toEqual(["title", "parentId"]);
  });

  test("request changes needs a comment; then the owner edits and resubmits", async () => {
    const goal = await createAligned();
    await api.request("POST", `/api/goals/${goal.id}/submit`, { as: api.org.alice });
    const noComment = await api.request("POST", `/api/goals/${goal.id}/decision`, { as: api.org.manager, body: { decision: "request_changes" } });
    expect(noComment.status).toBe(400);
    const changes = await api.request("POST", `/api/goals/${goal.id}/decision`, { as: api.org.manager, body: { decision: "request_changes", comment: "Add a target date per market" } });
    expect(changes.body.status).toBe("changes_requested");
    const edited = await api.request("PATCH", `/api/goals/${goal.id}`, { as: api.org.alice, body: { dueDate: "2027-03-20" }, headers: { "if-match": changes.headers.get("etag")! } });
    expect(edited.status).toBe(200);
    const again = await api.request("POST", `/api/goals/${goal.id}/submit`, { as: api.org.alice });
    expect(again.body.status).toBe("pending_approval");
  });

  test("a material edit of an active goal goes back for approval with the diff", async () => {
    const goal = await createAligned();
    await api.request("POST", `/api/goals/${goal.id}/submit`, { as: api.org.alice });
    const approved = await api.request("POST", `/api/goals/${goal.id}/decision`, { as: api.org.manager, body: { decision: "approve" } });
    const kr = approved.body.keyResults[0];
    const progressOnly = await api.request("PATCH", `/api/goals/${goal.id}`, { as: api.org.alice, body: { description: "Clearer words about why checkout speed matters so much." }, headers: { "if-match": approved.headers.get("etag")! } });
    expect(progressOnly.body.status).toBe("active");
    const material = await api.request("PATCH", `/api/goals/${goal.id}`, {
      as: api.org.alice,
      body: { keyResults: [{ ...kr, target: 20 }] },
      headers: { "if-match": progressOnly.headers.get("etag")! },
    });
    expect(material.body.status).toBe("pending_approval");
    expect(material.body.changesSinceApproval.keyResults.from[0].target).toBe(30);
    expect(material.body.changesSinceApproval.keyResults.to[0].target).toBe(20);
  });

  test("replaying a decision changes nothing; a different one after it is a 409", async () => {
    const goal = await createAligned();
    await api.request("POST", `/api/goals/${goal.id}/submit`, { as: api.org.alice });
    const first = await api.request("POST", `/api/goals/${goal.id}/decision`, { as: api.org.manager, body: { decision: "approve" } });
    const replay = await api.request("POST", `/api/goals/${goal.id}/decision`, { as: api.org.manager, body: { decision: "approve" } });
    expect(replay.status).toBe(200);
    expect(replay.headers.get("etag")).toBe(first.headers.get("etag"));
    const other = await api.request("POST", `/api/goals/${goal.id}/decision`, { as: api.org.manager, body: { decision: "reject", comment: "no" } });
    expect(other.status).toBe(409);
    const history = await api.request("GET", `/api/goals/${goal.id}/history`, { as: api.org.alice });
    expect(history.body.items.filter((e: any) => e.action === "approved")).toHaveLength(1);
  });

  test("the same decision sent many times at once without If-Match applies once and answers 200 to all", async () => {
    const goal = await createAligned();
    await api.request("POST", `/api/goals/${goal.id}/submit`, { as: api.org.alice });
    const responses = await Promise.all(
      Array.from({ length: 8 }, () => api.request("POST", `/api/goals/${goal.id}/decision`, { as: api.org.manager, body: { decision: "approve" } })),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(8).fill(200));
    expect(new Set(responses.map((response) => response.body.status))).toEqual(new Set(["active"]));
    const history = await api.request("GET", `/api/goals/${goal.id}/history`, { as: api.org.alice });
    expect(history.body.items.filter((e: any) => e.action === "approved")).toHaveLength(1);
  });

  test("a decision sent with a stale If-Match is still refused with 412", async () => {
    const goal = await createAligned();
    const created = await api.request("GET", `/api/goals/${goal.id}`, { as: api.org.alice });
    await api.request("POST", `/api/goals/${goal.id}/submit`, { as: api.org.alice });
    const stale = await api.request("POST", `/api/goals/${goal.id}/decision`, { as: api.org.manager, body: { decision: "approve" }, headers: { "if-match": created.headers.get("etag")! } });
    expect(stale.status).toBe(412);
    expect((await api.request("GET", `/api/goals/${goal.id}`, { as: api.org.alice })).body.status).toBe("pending_approval");
  });

  test("the top of the org chart has no approver: submit activates at once", async () => {
    const res = await api.request("POST", "/api/goals", { as: api.org.ceo, body: buildGoalBody({ isTopLevel: true, title: "Be the most loved checkout in Europe" }) });
    expect(res.status).toBe(201);
    const submitted = await api.request("POST", `/api/goals/${res.body.id}/submit`, { as: api.org.ceo });
    expect(submitted.body.status).toBe("active");
  });

  test("only leaders can mark a goal as an organisation goal", async () => {
    const res = await api.request("POST", "/api/goals", { as: api.org.alice, body: buildGoalBody({ isTopLevel: true }) });
    expect(res.status).toBe(403);
  });

  test("closing: active → completed; a draft cannot be completed", async () => {
    const goal = await createAligned();
    const early = await api.request("POST", `/api/goals/${goal.id}/close`, { as: api.org.alice, body: { outcome: "completed" } });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe("invalid_transition");
    await api.request("POST", `/api/goals/${goal.id}/submit`, { as: api.org.alice });
    await api.request("POST", `/api/goals/${goal.id}/decision`, { as: api.org.manager, body: { decision: "approve" } });
    const done = await api.request("POST", `/api/goals/${goal.id}/close`, { as: api.org.alice, body: { outcome: "completed" } });
    expect(done.body.status).toBe("completed");
    const edit = await api.request("PATCH", `/api/goals/${goal.id}`, { as: api.org.alice, body: { title: "Too late now" }, headers: { "if-match": done.headers.get("etag")! } });
    expect(edit.status).toBe(409);
  });
});

describe("alignment rules", () => {
  test("a goal cannot align to itself or make a loop", async () => {
    const a = await createAligned();
    const self = await api.request("PATCH", `/api/goals/${a.id}`, { as: api.org.alice, body: { parentId: a.id }, headers: { "if-match": a.etag } });
    expect(self.status).toBe(400);
    const b = await createAligned(api.org.bob, { parentId: a.id });
    const current = await api.request("GET", `/api/goals/${a.id}`, { as: api.org.alice });
    const loop = await api.request("PATCH", `/api/goals/${a.id}`, { as: api.org.alice, body: { parentId: b.id }, headers: { "if-match": current.headers.get("etag")! } });
    expect(loop.status).toBe(400);
    expect(loop.body.errors[0].path).toBe("parentId");
  });

  test("aligning outside one's own chain is allowed but flagged", async () => {
    const sales = await api.request("POST", "/api/goals", { as: api.org.outsider, body: buildGoalBody({ title: "Close the biggest deals in the north" }) });
    const goal = await createAligned(api.org.alice, { parentId: sales.body.id });
    expect(goal.flags).toContain("cross_chain");
  });

  test("parent options list the chain's goals, manager first", async () => {
    const res = await api.request("GET", `/api/alignment/parent-options?cycle=${api.cycle.id}`, { as: api.org.alice });
    expect(res.status).toBe(200);
    expect(res.body.items[0]).toMatchObject({ goal: { id: managerGoalId }, owner: { id: api.org.manager.id }, distance: 1 });
    const distances = res.body.items.map((o: any) => o.distance);
    expect(distances).toEqual([...distances].sort((a: number, b: number) => a - b));
    expect(new Set(distances)).toEqual(new Set([1, 2, 3]));
    expect(res.body.items.at(-1)).toMatchObject({ distance: 3, isOrganisationGoal: true });
  });

  test("a goal with goals aligned under it cannot be deleted", async () => {
    const parent = await createAligned();
    await createAligned(api.org.bob, { parentId: parent.id });
    const res = await api.request("DELETE", `/api/goals/${parent.id}`, { as: api.org.alice });
    expect(res.status).toBe(409);
  });
});
