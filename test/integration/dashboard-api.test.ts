/** The dashboard and the CSV export over HTTP, against figures computed by hand; who may see them;
 * figures that move when the team changes; comments and kudos on a goal, with names. */
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { buildCycle, buildGoalBody, startApiHarness, type ApiHarness } from "../support/api-harness.js";
import { buildPerson } from "../support/org-builder.js";
import { createManagerGoal } from "../support/progress-fixtures.js";

let api: ApiHarness;
const DAY = 86_400_000;
const today = new Date();
const isoDay = (offsetDays: number) => new Date(today.getTime() + offsetDays * DAY).toISOString().slice(0, 10);
// Half of this cycle has gone by, so progress under 35 % counts as behind (default margin 15 %).
const cycleId = "half-gone";
const goals: Record<string, any> = {};

const body = (overrides: Record<string, unknown>) => buildGoalBody({ cycleId, dueDate: isoDay(40), ...overrides });
const kr = (current: number) => [{ title: "Share of orders in one page", kind: "number", start: 0, target: 100, current, unit: "%" }];

async function activate(owner: any, overrides: Record<string, unknown>) {
  const created = await api.request("POST", "/api/goals", { as: owner, body: body(overrides) });
  await api.request("POST", `/api/goals/${created.body.id}/submit`, { as: owner });
  const approved = await api.request("POST", `/api/goals/${created.body.id}/decision`, { as: api.org.manager, body: { decision: "approve" } });
  expect(approved.body.status).toBe("active");
  return approved.body;
}

beforeAll(async () => {
  api = await startApiHarness(inject("azuriteConnectionString"));
  await api.services.goalDeps.cycles.saveCycle(buildCycle(api.tenantId, { id: cycleId, name: "Half gone", startDate: isoDay(-50), endDate: isoDay(49) }));
  const parent = { id: await createManagerGoal(api, api.org, { cycleId, dueDate: isoDay(40), keyResults: kr(0) }) };
  goals.a1 = await activate(api.org.alice, { parentId: parent.id, keyResults: kr(0) });
  await api.request("POST", `/api/goals/${goals.a1.id}/checkins`, { as: api.org.alice, body: { keyResults: [{ id: goals.a1.keyResults[0].id, current: 60 }], confidence: "on_track", note: "=SUM(A1) looks good, \"mostly\"" } });
  goals.a2 = await activate(api.org.alice, { parentId: parent.id, title: "Answer every customer within one working day", keyResults: kr(0) });
  const pending = await api.request("POST", "/api/goals", { as: api.org.bob, body: body({ parentId: parent.id, keyResults: kr(10) }) });
  await api.request("POST", `/api/goals/${pending.body.id}/submit`, { as: api.org.bob });
  goals.b1 = pending.body;
  goals.b2 = (await api.request("POST", "/api/goals", { as: api.org.bob, body: body({ title: '=cmd|"calc"!A1, "quoted"', keyResults: kr(0) }) })).body;
});
afterAll(async () => api?.stop());

describe("dashboard figures", () => {
  test("the manager's subtree, against hand-computed figures", async () => {
    const res = await api.request("GET", `/api/dashboard?manager=me&cycle=${cycleId}`, { as: api.org.manager });
    expect(res.status).toBe(200);
    expect(res.body.elapsedShare).toBeCloseTo(0.5, 1);
    expect(res.body.summary).toEqual({
      people: 2,
      goals: 3, // a1, a2 active; b1 waiting; b2 is a draft
      activeGoals: 2,
      coverage: 0.5, // alice has aligned active goals, bob none yet
      averageProgress: 0.3, // (0.6 + 0) / 2
      atRisk: 1, // a2: 0 % with half the cycle gone
      checkedInWithin7Days: 0.5,
      checkedInWithin14Days: 0.5,
      pendingApprovals: 1,
    });
    const [alice, bob] = [...res.body.directReports].sort((x: any, y: any) => x.person.displayName.localeCompare(y.person.displayName));
    expect(alice.figures).toMatchObject({ people: 1, goals: 2, coverage: 1, atRisk: 1, pendingApprovals: 0 });
    expect(bob.figures).toMatchObject({ people: 1, goals: 1, coverage: 0, activeGoals: 0, pendingApprovals: 1 });
    expect(res.body.atRiskGoals.map((g: any) => [g.id, g.reason])).toEqual([[goals.a2.id, "behind"]]);
  });

  test("the manager, their managers and admins may look; their reports and others may not", async () => {
    const path = `/api/dashboard?manager=${api.org.manager.id}&cycle=${cycleId}`;
    for (const person of [api.org.manager, api.org.vp, api.org.ceo]) expect((await api.request("GET", path, { as: person })).status).toBe(200);
    for (const person of [api.org.alice, api.org.outsider]) expect((await api.request("GET", path, { as: person })).status).toBe(403);
    const admin = await api.tokenFor(api.org.outsider, { roles: ["Cascade.Admin"] });
    expect((await api.request("GET", path, { as: admin })).status).toBe(200);
    expect((await api.request("GET", `/api/dashboard?manager=nobody-here&cycle=${cycleId}`, { as: api.org.ceo })).status).toBe(404);
    expect((await api.request("GET", `/api/dashboard?manager=${api.org.manager.id}&cycle=nope`, { as: api.org.manager })).status).toBe(404);
  });

  test("the figures move as soon as someone in the subtree checks in (for the manager and up the chain)", async () => {
    const path = `/api/dashboard?manager=${api.org.manager.id}&cycle=${cycleId}`;
    const vpPath = `/api/dashboard?manager=${api.org.vp.id}&cycle=${cycleId}`;
    const vpBefore = await api.request("GET", vpPath, { as: api.org.vp });
    await api.request("POST", `/api/goals/${goals.a2.id}/checkins`, { as: api.org.alice, body: { keyResults: [{ id: goals.a2.keyResults[0].id, current: 90 }], confidence: "on_track" } });
    const res = await api.request("GET", path, { as: api.org.manager });
    expect(res.body.summary).toMatchObject({ averageProgress: 0.75, atRisk: 0, checkedInWithin7Days: 1 });
    const vp = await api.request("GET", vpPath, { as: api.org.vp });
    expect(vp.body.summary.atRisk).toBe(vpBefore.body.summary.atRisk - 1);
  });
});

describe("CSV export", () => {
  test("one row per key result with the latest check-in; text is escaped and formulas defused", async () => {
    const res = await api.request("GET", `/api/export/goals.csv?manager=me&cycle=${cycleId}`, { as: api.org.manager });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    expect(res.headers.get("content-disposition")).toContain(`goals-${cycleId}.csv`);
    const lines = (res.body as string).replace(/^\uFEFF/, "").trimEnd().split("\r\n");
    expect(lines[0]!.startsWith("owner_id,owner_name,owner_manager_id,goal_id,goal_title")).toBe(true);
    expect(lines).toHaveLength(1 + 4);
    const a1 = lines.find((l) => l.includes(goals.a1.id))!;
    expect(a1).toContain(`"'=SUM(A1) looks good, ""mostly"""`);
    expect(a1).toContain(",on_track,");
    expect(lines.find((l) => l.includes(goals.b2.id))).toContain(`"'=cmd|""calc""!A1, ""quoted"""`);
    for (const line of lines) expect(line.split(",").some((cell) => /^[=+@]/.test(cell))).toBe(false);
  });

  test("only for those who may see the team's figures", async () => {
    expect((await api.request("GET", `/api/export/goals.csv?manager=${api.org.manager.id}`, { as: api.org.outsider })).status).toBe(403);
  });
});

describe("comments on a goal", () => {
  test("the owner and their managers talk; nobody else reads or writes", async () => {
    const path = `/api/goals/${goals.a1.id}/comments`;
    expect((await api.request("POST", path, { as: api.org.alice, body: { text: "Blocked on the payment provider" } })).status).toBe(201);
    const added = await api.request("POST", path, { as: api.org.manager, body: { text: "I will call them today" } });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ authorId: api.org.manager.id, authorName: api.org.manager.displayName });
    const list = await api.request("GET", path, { as: api.org.vp });
    expect(list.body.items.map((c: any) => c.text)).toEqual(["I will call them today", "Blocked on the payment provider"]);
    expect(list.body.items.map((c: any) => c.authorName)).toEqual([api.org.manager.displayName, api.org.alice.displayName]);
    for (const person of [api.org.bob, api.org.outsider]) {
      expect((await api.request("GET", path, { as: person })).status).toBe(403);
      expect((await api.request("POST", path, { as: person, body: { text: "hi" } })).status).toBe(403);
    }
    expect((await api.request("POST", path, { as: api.org.alice, body: { text: "  " } })).status).toBe(400);
  });

  test("kudos: not to yourself, shown to whoever sees the goal, with the names of both people", async () => {
    const path = `/api/goals/${goals.a1.id}/kudos`;
    const names = { fromName: api.org.bob.displayName, toName: api.org.alice.displayName };
    expect((await api.request("POST", path, { as: api.org.alice, body: { message: "Me!" } })).status).toBe(403);
    const given = await api.request("POST", path, { as: api.org.bob, body: { message: "Great progress" } });
    expect(given.status).toBe(201);
    expect(given.body).toMatchObject(names);
    const list = await api.request("GET", path, { as: api.org.outsider });
    expect(list.body.items).toEqual([expect.objectContaining({ fromId: api.org.bob.id, toId: api.org.alice.id, message: "Great progress", ...names })]);
  });

  test("someone who has left the directory keeps their words, named null", async () => {
    const path = `/api/goals/${goals.a2.id}/kudos`;
    const leaver = buildPerson({ displayName: "Lena Leaver", managerId: api.org.manager.id });
    await api.services.directory.upsertPeople(api.tenantId, [leaver]);
    expect((await api.request("POST", path, { as: leaver, body: { message: "Thanks for the handover" } })).status).toBe(201);
    await api.services.directory.removePeople(api.tenantId, [leaver.id]);
    const list = await api.request("GET", path, { as: api.org.bob });
    expect(list.body.items).toEqual([expect.objectContaining({ fromId: leaver.id, fromName: null, toName: api.org.alice.displayName })]);
  });
});
