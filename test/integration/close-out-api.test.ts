/** Close-out over the real API and Azurite: an admin opens a cycle's close-out, owners score and reflect,
 * managers comment, unfinished goals carry into the next cycle (once), and leaders read the team's
 * state and the cycle report as JSON and CSV. Bad input is a field error with nothing written. */
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { buildCycle, startApiHarness, type ApiHarness } from "../support/api-harness.js";
import { createActiveGoal, createManagerGoal } from "../support/progress-fixtures.js";

let api: ApiHarness;
let managerGoalId: string;
const NEXT = "2027-q2";

const KEY_RESULTS = [
  { title: "Orders completed in one page", kind: "increase", start: 20, target: 60, current: 40, unitKind: "percent" },
  { title: "Median checkout time", kind: "decrease", start: 90, target: 30, current: 60, unit: "s" },
  { title: "Monthly availability", kind: "keep_above", start: 99.5, target: 99.9, current: 99.95, unitKind: "percent" },
  { title: "New checkout designed", kind: "milestone", done: true },
  { title: "New checkout released", kind: "milestone", done: false },
];

beforeAll(async () => {
  api = await startApiHarness(inject("azuriteConnectionString"));
  await api.services.goalDeps.cycles.saveCycle(buildCycle(api.tenantId, { id: NEXT, name: "Q2 2027", startDate: "2027-04-01", endDate: "2027-06-30" }));
  await api.services.goalDeps.cycles.saveCycle(buildCycle(api.tenantId, { id: "2026-q4", name: "Q4 2026", startDate: "2026-10-01", endDate: "2026-12-31" }));
  managerGoalId = await createManagerGoal(api, api.org);
});
afterAll(async () => api?.stop());

async function adminHeaders() {
  return { authorization: `Bearer ${await api.tokenFor(api.org.ceo, { roles: ["Cascade.Admin"] })}` };
}

async function aliceGoal(overrides: Record<string, unknown> = {}) {
  return createActiveGoal(api, api.org.alice, api.org.manager, { parentId: managerGoalId, keyResults: KEY_RESULTS, ...overrides });
}

async function readState(id: string) {
  const goal = await api.request("GET", `/api/goals/${id}`, { as: api.org.alice });
  const history = await api.request("GET", `/api/goals/${id}/history`, { as: api.org.alice });
  return { etag: goal.headers.get("etag"), history: history.body.items.length, body: goal.body };
}

describe("before close-out opens", () => {
  test("a close-out or a carry-over is refused and writes nothing", async () => {
    const goal = await aliceGoal();
    const before = await readState(goal.id);
    const closeOut = await api.request("POST", `/api/goals/${goal.id}/close-out`, { as: api.org.alice, body: { score: 50, outcome: "partly", reflection: "Too early." } });
    expect(closeOut.status).toBe(409);
    expect(closeOut.headers.get("content-type")).toMatch(/application\/problem\+json/);
    const carry = await api.request("POST", `/api/goals/${goal.id}/carry-over`, { as: api.org.alice, body: { cycleId: NEXT } });
    expect(carry.status).toBe(409);
    expect(await readState(goal.id)).toEqual(before);
    const cycles = await api.request("GET", "/api/cycles", { as: api.org.alice });
    expect(cycles.body.items.find((c: any) => c.id === api.cycle.id).isCloseOutOpen).toBe(false);
  });

  test("only an admin opens it, once, with an entry in the admin log", async () => {
    const refused = await api.request("POST", `/api/admin/cycles/${api.cycle.id}/close-out`, { as: api.org.manager });
    expect(refused.status).toBe(403);
    const opened = await api.request("POST", `/api/admin/cycles/${api.cycle.id}/close-out`, { headers: await adminHeaders() });
    expect(opened.status, JSON.stringify(opened.body)).toBe(200);
    expect(opened.body).toMatchObject({ id: api.cycle.id, isCloseOutOpen: true, status: "open" });
    const again = await api.request("POST", `/api/admin/cycles/${api.cycle.id}/close-out`, { headers: await adminHeaders() });
    expect(again.status).toBe(409);
    const log = await api.request("GET", "/api/admin/log", { headers: await adminHeaders() });
    expect(log.body.items.filter((e: any) => e.action === "cycle_close_out_opened" && e.details.cycleId === api.cycle.id)).toHaveLength(1);
    const missing = await api.request("POST", "/api/admin/cycles/no-such-cycle/close-out", { headers: await adminHeaders() });
    expect(missing.status).toBe(404);
  });
});

describe("closing out a goal", () => {
  test("the owner scores, marks and reflects; the score starts from progress; a replay changes nothing", async () => {
    const goal = await aliceGoal();
    // (20→60 at 40: half) + (90→30 at 60: half) + held + done + not done, over five.
    expect(goal.suggestedScore).toBe(Math.round(((0.5 + 0.5 + 1 + 1 + 0) / 5) * 100));
    expect(goal.closeOut).toBeNull();
    const body = { score: 65, outcome: "partly", reflection: "  The redesign shipped late; the release slips into next quarter.  " };
    const closed = await api.request("POST", `/api/goals/${goal.id}/close-out`, { as: api.org.alice, body });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect(closed.body.closeOut).toMatchObject({ score: 65, outcome: "partly", reflection: body.reflection.trim(), comments: [] });
    expect(closed.body.status).toBe("active");
    const replay = await api.request("POST", `/api/goals/${goal.id}/close-out`, { as: api.org.alice, body });
    expect(replay.headers.get("etag")).toBe(closed.headers.get("etag"));
    const revised = await api.request("POST", `/api/goals/${goal.id}/close-out`, { as: api.org.alice, body: { ...body, score: 70 }, headers: { "if-match": closed.headers.get("etag")! } });
    expect(revised.body.closeOut.score).toBe(70);
    const stale = await api.request("POST", `/api/goals/${goal.id}/close-out`, { as: api.org.alice, body: { ...body, score: 75 }, headers: { "if-match": closed.headers.get("etag")! } });
    expect(stale.status).toBe(412);
    const history = await api.request("GET", `/api/goals/${goal.id}/history`, { as: api.org.alice });
    expect(history.body.items.map((e: any) => e.action).filter((a: string) => a.startsWith("close"))).toEqual(["closed_out", "close_out_revised"]);
  });

  test.each([
    [{ score: 101, outcome: "partly", reflection: "x" }, "score"],
    [{ score: 12.5, outcome: "partly", reflection: "x" }, "score"],
    [{ score: "50", outcome: "partly", reflection: "x" }, "score"],
    [{ score: 50, outcome: "great", reflection: "x" }, "outcome"],
    [{ score: 50, outcome: "partly", reflection: "   " }, "reflection"],
    [{ score: 50, outcome: "partly", reflection: "y".repeat(2001) }, "reflection"],
    [{ score: 50, outcome: "partly" }, "reflection"],
    [{ score: 50, outcome: "partly", reflection: "x", mood: "good" }, "mood"],
    [{ score: 50, outcome: "partly", reflection: "x", closeOut: {} }, "closeOut"],
  ])("bad input (case %#) names its field and writes nothing", async (body, field) => {
    const goal = await aliceGoal();
    const before = await readState(goal.id);
    const res = await api.request("POST", `/api/goals/${goal.id}/close-out`, { as: api.org.alice, body });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toMatch(/application\/problem\+json/);
    expect(res.body.errors.map((e: any) => e.path)).toContain(field);
    expect(await readState(goal.id)).toEqual(before);
  });

  test("nobody but the owner closes out, and drafts have nothing to close out", async () => {
    const goal = await aliceGoal({ visibility: "private" });
    const before = await readState(goal.id);
    const body = { score: 50, outcome: "partly", reflection: "Not mine to say." };
    expect((await api.request("POST", `/api/goals/${goal.id}/close-out`, { as: api.org.manager, body })).status).toBe(403);
    expect((await api.request("POST", `/api/goals/${goal.id}/close-out`, { as: api.org.bob, body })).status).toBe(404);
    expect((await api.request("POST", `/api/goals/${goal.id}/close-out`, { as: null, body })).status).toBe(401);
    expect(await readState(goal.id)).toEqual(before);
    const draft = await api.request("POST", "/api/goals", { as: api.org.alice, body: { cycleId: api.cycle.id, title: "A draft never sent", keyResults: [{ title: "Done", kind: "milestone" }] } });
    expect((await api.request("POST", `/api/goals/${draft.body.id}/close-out`, { as: api.org.alice, body })).status).toBe(409);
  });
});

describe("a manager's comment on a close-out", () => {
  test("managers above the owner comment; the owner, peers and unclosed goals are refused", async () => {
    const goal = await aliceGoal();
    const early = await api.request("POST", `/api/goals/${goal.id}/close-out/comments`, { as: api.org.manager, body: { text: "Nothing to say yet." } });
    expect(early.status).toBe(409);
    await api.request("POST", `/api/goals/${goal.id}/close-out`, { as: api.org.alice, body: { score: 90, outcome: "achieved", reflection: "Done and measured." } });
    const commented = await api.request("POST", `/api/goals/${goal.id}/close-out/comments`, { as: api.org.manager, body: { text: "Well judged — agreed." } });
    expect(commented.status, JSON.stringify(commented.body)).toBe(201);
    const skip = await api.request("POST", `/api/goals/${goal.id}/close-out/comments`, { as: api.org.vp, body: { text: "Nice work." } });
    expect(skip.body.closeOut.comments.map((c: any) => [c.authorId, c.text])).toEqual([[api.org.manager.id, "Well judged — agreed."], [api.org.vp.id, "Nice work."]]);
    const before = await readState(goal.id);
    expect((await api.request("POST", `/api/goals/${goal.id}/close-out/comments`, { as: api.org.alice, body: { text: "Me too." } })).status).toBe(403);
    expect((await api.request("POST", `/api/goals/${goal.id}/close-out/comments`, { as: api.org.bob, body: { text: "Me too." } })).status).toBe(403);
    const bad = await api.request("POST", `/api/goals/${goal.id}/close-out/comments`, { as: api.org.manager, body: { text: " " } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe("text");
    expect(await readState(goal.id)).toEqual(before);
  });
});

describe("carrying a goal over", () => {
  test("makes one draft in the next cycle, key results where they ended, aligned to the parent's continuation", async () => {
    const parentCarry = await api.request("POST", `/api/goals/${managerGoalId}/carry-over`, { as: api.org.manager, body: { cycleId: NEXT } });
    expect(parentCarry.status, JSON.stringify(parentCarry.body)).toBe(201);
    const goal = await aliceGoal();
    const carried = await api.request("POST", `/api/goals/${goal.id}/carry-over`, { as: api.org.alice, body: { cycleId: NEXT } });
    expect(carried.status, JSON.stringify(carried.body)).toBe(201);
    expect(carried.headers.get("location")).toBe(`/api/goals/${carried.body.id}`);
    expect(carried.body).toMatchObject({ status: "draft", cycleId: NEXT, continuedFrom: goal.id, parentId: parentCarry.body.id, title: goal.title, ownerId: api.org.alice.id });
    expect(carried.body.keyResults.map((kr: any) => [kr.kind, kr.start ?? null, kr.target ?? null, kr.current ?? null, kr.done ?? null])).toEqual([
      ["increase", 40, 60, 40, null],
      ["decrease", 60, 30, 60, null],
      ["keep_above", 99.5, 99.9, 99.95, null],
      ["milestone", null, null, null, false],
    ]);
    expect(carried.body.keyResults.map((kr: any) => kr.title)).not.toContain("New checkout designed");
    expect(carried.body.dueDate >= "2027-04-01" && carried.body.dueDate <= "2027-06-30").toBe(true);
    const source = await api.request("GET", `/api/goals/${goal.id}`, { as: api.org.alice });
    expect(source.body.carriedTo).toEqual([{ cycleId: NEXT, goalId: carried.body.id }]);

    const again = await api.request("POST", `/api/goals/${goal.id}/carry-over`, { as: api.org.alice, body: { cycleId: NEXT } });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(carried.body.id);
    const drafts = await api.request("GET", `/api/goals?owner=me&cycle=${NEXT}`, { as: api.org.alice });
    expect(drafts.body.items.filter((g: any) => g.continuedFrom === goal.id)).toHaveLength(1);
  });

  test("without a continued parent the draft is unaligned; a deleted draft can be made again", async () => {
    const parent = await aliceGoal({ title: "Halve support tickets about payment" });
    const goal = await aliceGoal({ parentId: parent.id });
    const carried = await api.request("POST", `/api/goals/${goal.id}/carry-over`, { as: api.org.alice, body: { cycleId: NEXT } });
    expect(carried.body.parentId).toBeNull();
    expect((await api.request("DELETE", `/api/goals/${carried.body.id}`, { as: api.org.alice })).status).toBe(204);
    const remade = await api.request("POST", `/api/goals/${goal.id}/carry-over`, { as: api.org.alice, body: { cycleId: NEXT } });
    expect(remade.status).toBe(201);
    expect(remade.body.id).not.toBe(carried.body.id);
  });

  test.each([
    [{ cycleId: "2027-q1" }, 400, "cycleId"],
    [{ cycleId: "2026-q4" }, 400, "cycleId"],
    [{ cycleId: "no-such-cycle" }, 400, "cycleId"],
    [{ cycleId: "bad id!" }, 400, "cycleId"],
    [{}, 400, "cycleId"],
    [{ cycleId: NEXT, title: "x" }, 400, "title"],
  ])("bad input %j is %i naming %s, nothing written", async (body, status, field) => {
    const goal = await aliceGoal();
    const before = await readState(goal.id);
    const res = await api.request("POST", `/api/goals/${goal.id}/carry-over`, { as: api.org.alice, body });
    expect(res.status).toBe(status);
    expect(res.body.errors.map((e: any) => e.path)).toContain(field);
    expect(await readState(goal.id)).toEqual(before);
  });

  test("achieved goals stay behind, and only the owner carries a goal", async () => {
    const goal = await aliceGoal();
    expect((await api.request("POST", `/api/goals/${goal.id}/carry-over`, { as: api.org.manager, body: { cycleId: NEXT } })).status).toBe(403);
    await api.request("POST", `/api/goals/${goal.id}/close-out`, { as: api.org.alice, body: { score: 100, outcome: "achieved", reflection: "All there." } });
    const before = await readState(goal.id);
    expect((await api.request("POST", `/api/goals/${goal.id}/carry-over`, { as: api.org.alice, body: { cycleId: NEXT } })).status).toBe(409);
    expect(await readState(goal.id)).toEqual(before);
  });
});

describe("the team's close-out and the cycle report", () => {
  test("the manager sees each goal's state; a peer and an outsider are refused", async () => {
    const state = await api.request("GET", `/api/cycles/${api.cycle.id}/close-out?manager=me`, { as: api.org.manager });
    expect(state.status).toBe(200);
    expect(state.body.cycle).toMatchObject({ id: api.cycle.id, isCloseOutOpen: true });
    const alices = state.body.goals.filter((g: any) => g.ownerId === api.org.alice.id);
    expect(alices.length).toBeGreaterThan(3);
    expect(state.body.summary.closedOut).toBe(state.body.goals.filter((g: any) => g.closeOut).length);
    expect(state.body.summary.closedOut).toBeGreaterThan(0);
    expect((await api.request("GET", `/api/cycles/${api.cycle.id}/close-out?manager=${api.org.manager.id}`, { as: api.org.bob })).status).toBe(403);
    expect((await api.request("GET", `/api/cycles/${api.cycle.id}/report?manager=${api.org.manager.id}`, { as: api.org.outsider })).status).toBe(403);
    expect((await api.request("GET", `/api/cycles/no-such-cycle/report?manager=me`, { as: api.org.manager })).status).toBe(404);
  });

  test("the report gives the score distribution, achieved share per subtree and carry-over rate, as JSON and CSV", async () => {
    const state = (await api.request("GET", `/api/cycles/${api.cycle.id}/close-out?manager=${api.org.vp.id}`, { as: api.org.vp })).body;
    const report = await api.request("GET", `/api/cycles/${api.cycle.id}/report?manager=${api.org.vp.id}`, { as: api.org.vp });
    expect(report.status).toBe(200);
    const closed = state.goals.filter((g: any) => g.closeOut);
    const achieved = closed.filter((g: any) => g.closeOut.outcome === "achieved").length;
    expect(report.body.team.closedOut).toBe(closed.length);
    expect(report.body.team.scoreDistribution.reduce((n: number, b: any) => n + b.count, 0)).toBe(closed.length);
    const subtree = report.body.subtrees.find((s: any) => s.personId === api.org.manager.id);
    expect(subtree.people).toBe(3);
    expect(subtree.achievedShare).toBeCloseTo(achieved / closed.length, 9);
    const unfinished = state.goals.filter((g: any) => g.isUnfinished);
    expect(report.body.team.carryOverRate).toBeCloseTo(unfinished.filter((g: any) => g.carriedTo.length > 0).length / unfinished.length, 9);

    for (const request of [{ path: "?format=csv", headers: {} as Record<string, string> }, { path: "", headers: { accept: "text/csv" } }]) {
      const csv = await api.request("GET", `/api/cycles/${api.cycle.id}/report${request.path ? `${request.path}&` : "?"}manager=${api.org.vp.id}`, { as: api.org.vp, headers: request.headers });
      expect(csv.status).toBe(200);
      expect(csv.headers.get("content-type")).toMatch(/text\/csv/);
      const lines = String(csv.body).replace(/^\uFEFF/, "").trim().split("\r\n");
      expect(lines[0]).toBe("scope,person_id,person_name,people,goals,closed_out,achieved,partly,missed,achieved_share,average_score,score_0_19,score_20_39,score_40_59,score_60_79,score_80_100,unfinished,carried_over,carry_over_rate");
      expect(lines[1]!.startsWith(`team,${api.org.vp.id},Victor VP,`)).toBe(true);
      expect(lines.some((l) => l.startsWith(`subtree,${api.org.manager.id},Maya Manager,3,`))).toBe(true);
    }
    const bad = await api.request("GET", `/api/cycles/${api.cycle.id}/report?format=xml`, { as: api.org.vp });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe("format");
  });
});
