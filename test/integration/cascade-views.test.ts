/** The cascade views against a hand-computed fixture:
 *
 *   R ── A ── A1, A2          R: r1 (org goal, 80%), r2 (org goal, 70%, nothing under it)
 *   └─── B ── B1              A: a1 → r1 (70%), a2 (draft, no parent)
 *                             A1: a1x → a1 (0%, behind), a1p → a1 (private, 100%)
 *                             A2: a2x → a1 (waiting for approval, 20%)
 *                             B: b1 → r1 (90%, owner says at risk); B1: no goals
 *
 * About two thirds of the cycle has gone by, so a 0% goal is behind and 70% or more is not. */
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import type { Cycle, Person } from "../../functions/src/domain/types.js";
import { startApiHarness, type ApiHarness } from "../support/api-harness.js";
import { addPeople, buildOrgChart, buildRunningCycle, createActiveGoal, createGoal, submitGoal } from "../support/cascade-fixtures.js";

let api: ApiHarness;
let cycle: Cycle;
let org: Record<"R" | "A" | "A1" | "A2" | "B" | "B1", Person>;
const g: Record<string, any> = {};

beforeAll(async () => {
  api = await startApiHarness(inject("azuriteConnectionString"));
  cycle = buildRunningCycle(api.tenantId);
  await api.services.goalDeps.cycles.saveCycle(cycle);
  org = buildOrgChart({ R: null, A: "R", A1: "A", A2: "A", B: "R", B1: "B" });
  await addPeople(api, org);
  g.r1 = await createActiveGoal(api, org.R, { cycle, isTopLevel: true, current: 80, title: "Win the market for checkout" });
  g.r2 = await createActiveGoal(api, org.R, { cycle, isTopLevel: true, current: 70, title: "Open three new countries" });
  g.a1 = await createActiveGoal(api, org.A, { cycle, parentId: g.r1.id, current: 70, title: "Make checkout twice as fast" });
  g.a2 = await createGoal(api, org.A, { cycle, current: 10, title: "Tidy the team wiki pages" });
  g.a1x = await createActiveGoal(api, org.A1, { cycle, parentId: g.a1.id, current: 0, title: "Profile the slowest pages" });
  g.a1p = await createActiveGoal(api, org.A1, { cycle, parentId: g.a1.id, current: 100, visibility: "private", title: "Private cache experiment done" });
  g.a2x = await createGoal(api, org.A2, { cycle, parentId: g.a1.id, current: 20, title: "Lazy load product images" });
  await submitGoal(api, org.A2, g.a2x.id);
  g.b1 = await createActiveGoal(api, org.B, { cycle, parentId: g.r1.id, current: 90, title: "Sign the payment partner deal" });
  const checkIn = await api.request("POST", `/api/goals/${g.b1.id}/checkins`, { as: org.B, body: { confidence: "at_risk", note: "Legal review is slow." } });
  expect(checkIn.status).toBe(201);
});
afterAll(async () => api?.stop());

const cascadeOf = (viewer: Person, root: Person, query = "") => api.request("GET", `/api/org/${root.id}/cascade?cycle=${cycle.id}${query}`, { as: viewer });
const nodeOf = (body: any, person: Person) => body.nodes.find((n: any) => n.person.id === person.id);
const titles = (refs: any[]) => refs.map((r) => r.title).sort();

describe("org cascade", () => {
  test("the root's manager view: coverage, orphans, white space, risk and progress per branch", async () => {
    const res = await cascadeOf(org.R, org.R);
    expect(res.status).toBe(200);
    const body = res.body;
    expect(body).toMatchObject({ rootId: org.R.id, isManagerView: true, isTruncated: false, depth: 2 });
    expect(body.nodes.map((n: any) => n.person.id)).toEqual([org.R, org.A, org.B, org.A1, org.A2, org.B1].map((p) => p.id));
    const root = nodeOf(body, org.R).figures;
    expect(root).toMatchObject({ people: 6, covered: 4, goals: 8, orphans: 1, whiteSpace: 2, atRisk: 2, needsRealignment: 0, ownerLeft: 0 });
    expect(root.coverage).toBeCloseTo(4 / 6);
    expect(root.progress).toBeCloseTo((0.8 + 0.7 + 0.7 + 0 + 1 + 0.9) / 6);
    expect(nodeOf(body, org.A).figures).toMatchObject({ people: 3, covered: 2, orphans: 1, whiteSpace: 0, atRisk: 1 });
    expect(nodeOf(body, org.A).figures.progress).toBeCloseTo(1.7 / 3);
    expect(nodeOf(body, org.B).figures).toMatchObject({ people: 2, covered: 1, coverage: 0.5, whiteSpace: 1, atRisk: 1 });
    expect(nodeOf(body, org.B1).figures).toMatchObject({ people: 1, covered: 0, coverage: 0, goals: 0 });
    expect(titles(body.orphans)).toEqual(["Tidy the team wiki pages"]);
    expect(titles(body.whiteSpace)).toEqual(["Open three new countries", "Sign the payment partner deal"]);
    expect(body.atRisk.map((r: any) => r.title)).toEqual(["Profile the slowest pages", "Sign the payment partner deal"]);
  });

  test("each goal says how it fares: roll-up, risk reason, orphan and white-space marks", async () => {
    const body = (await cascadeOf(org.R, org.R)).body;
    const goalsOf = (p: Person) => Object.fromEntries(nodeOf(body, p).goals.map((x: any) => [x.id, x]));
    const a1 = goalsOf(org.A)[g.a1.id];
    expect(a1).toMatchObject({ alignedCount: 3, isWhiteSpace: false, isOrphan: false, isAtRisk: false });
    expect(a1.rolledUpProgress).toBeCloseTo((0.7 + 0 + 1) / 3);
    expect(goalsOf(org.R)[g.r1.id].rolledUpProgress).toBeCloseTo((0.8 + 1.7 / 3 + 0.9) / 3);
    expect(goalsOf(org.A1)[g.a1x.id]).toMatchObject({ isAtRisk: true, riskReason: "behind" });
    expect(goalsOf(org.B)[g.b1.id]).toMatchObject({ isAtRisk: true, riskReason: "confidence", confidence: "at_risk", isWhiteSpace: true });
    expect(goalsOf(org.A)[g.a2.id]).toMatchObject({ isOrphan: true, status: "draft" });
    expect(goalsOf(org.A2)[g.a2x.id]).toMatchObject({ status: "pending_approval", isAtRisk: false });
  });

  test("someone outside the subtree sees public goals only, and figures of what they see", async () => {
    const body = (await cascadeOf(org.B1, org.R)).body;
    expect(body.isManagerView).toBe(false);
    expect(nodeOf(body, org.A1).goals.map((x: any) => x.id)).toEqual([g.a1x.id]);
    const root = nodeOf(body, org.R).figures;
    expect(root).toMatchObject({ goals: 7, covered: 4, whiteSpace: 2 });
    expect(root.progress).toBeCloseTo((0.8 + 0.7 + 0.7 + 0 + 0.9) / 5);
    const a1 = nodeOf(body, org.A).goals.find((x: any) => x.id === g.a1.id);
    expect(a1.rolledUpProgress).toBeCloseTo((0.7 + 0 + 1) / 3);
  });

  test("a manager inside the view sees the private goals of their own branch only", async () => {
    const body = (await cascadeOf(org.A, org.R)).body;
    expect(body.isManagerView).toBe(false);
    expect(nodeOf(body, org.A1).goals.map((x: any) => x.id).sort()).toEqual([g.a1x.id, g.a1p.id].sort());
  });

  test("depth limits the levels returned but not the figures; me and top name people", async () => {
    const shallow = (await cascadeOf(org.A1, org.R, "&depth=1")).body;
    expect(shallow).toMatchObject({ depth: 1, isTruncated: true });
    expect(shallow.nodes.map((n: any) => n.person.id)).toEqual([org.R.id, org.A.id, org.B.id]);
    expect(nodeOf(shallow, org.A)).toMatchObject({ reportIds: [], reportsCount: 2, figures: { people: 3 } });
    const mine = await api.request("GET", `/api/org/me/cascade?cycle=${cycle.id}`, { as: org.A });
    expect(mine.body.rootId).toBe(org.A.id);
    const top = await api.request("GET", `/api/org/top/cascade?cycle=${cycle.id}&depth=1`, { as: org.A2 });
    expect(top.body.rootId).toBe(org.R.id);
  });

  test("bad input and strangers are refused", async () => {
    expect((await cascadeOf(org.R, org.R, "&depth=0")).status).toBe(400);
    expect((await api.request("GET", `/api/org/${org.R.id}/cascade?cycle=nope`, { as: org.R })).status).toBe(404);
    expect((await api.request("GET", `/api/org/${org.R.id}/cascade`, { as: null })).status).toBe(401);
    const stranger = await api.tokenFor(org.R.id, { tid: api.otherTenantId });
    expect((await api.request("GET", `/api/org/${org.R.id}/cascade?cycle=${cycle.id}`, { as: stranger })).status).toBe(404);
  });
});

describe("alignment tree", () => {
  const level = (viewer: Person, query: string) => api.request("GET", `/api/alignment?${query}`, { as: viewer });
  const ids = (nodes: any[]) => nodes.map((n) => n.goal.id);

  test("below a goal: one level in title order, each with its kept roll-up and count; private goals only for who may see them", async () => {
    const asManager = await level(org.A, `root=${g.r1.id}`);
    expect(asManager.status).toBe(200);
    expect(asManager.body.parent.goal.id).toBe(g.r1.id);
    expect(asManager.body.parent.rolledUpProgress).toBeCloseTo((0.8 + 1.7 / 3 + 0.9) / 3);
    expect(asManager.body.parent.alignedCount).toBe(2);
    expect(ids(asManager.body.items)).toEqual([g.a1.id, g.b1.id]);
    const [a1, b1] = asManager.body.items;
    expect(a1.rolledUpProgress).toBeCloseTo((0.7 + 0 + 1) / 3);
    expect(a1).toMatchObject({ alignedCount: 3, owner: { id: org.A.id, displayName: org.A.displayName }, isAtRisk: false });
    expect(a1).not.toHaveProperty("children");
    expect(b1).toMatchObject({ alignedCount: 0, isAtRisk: true, riskReason: "confidence" });
    expect(asManager.body).toMatchObject({ hiddenCount: 0, nextCursor: null, cycle: { id: cycle.id } });

    const branch = await level(org.A, `root=${g.a1.id}`);
    expect(ids(branch.body.items)).toEqual([g.a2x.id, g.a1p.id, g.a1x.id]);
    const outsider = await level(org.B1, `root=${g.a1.id}`);
    expect(ids(outsider.body.items)).toEqual([g.a2x.id, g.a1x.id]);
    expect(outsider.body.hiddenCount).toBe(1);
    expect(outsider.body.parent.rolledUpProgress).toBeCloseTo(a1.rolledUpProgress);
    expect(JSON.stringify(outsider.body)).not.toContain("Private cache");
  });

  test("without a root: the organisation goals of the cycle, a page at a time", async () => {
    const res = await level(org.B1, `cycle=${cycle.id}`);
    expect(res.body.parent).toBeNull();
    expect(ids(res.body.items)).toEqual([g.r2.id, g.r1.id]);
    expect(res.body.items[0]).toMatchObject({ alignedCount: 0, rolledUpProgress: 0.7 });
    expect(res.body.items[1].alignedCount).toBe(2);
    const first = await level(org.B1, `cycle=${cycle.id}&limit=1`);
    expect(ids(first.body.items)).toEqual([g.r2.id]);
    const second = await level(org.B1, `cycle=${cycle.id}&limit=1&cursor=${first.body.nextCursor}`);
    expect(ids(second.body.items)).toEqual([g.r1.id]);
    expect(second.body.nextCursor).toBeNull();
  });

  test("a private goal as root is not found for others; bad input is 400, no one signed in 401", async () => {
    expect((await level(org.B1, `root=${g.a1p.id}`)).status).toBe(404);
    expect((await level(org.A, `root=${g.a1p.id}`)).status).toBe(200);
    expect((await api.request("GET", `/api/alignment?root=${g.r1.id}`, { as: null })).status).toBe(401);
    for (const query of ["root=bad%20id", `cycle=${cycle.id}&limit=0`, `cycle=${cycle.id}&limit=101`, `cycle=${cycle.id}&cursor=bm90IGpzb24`, `cycle=${cycle.id}&cursor=***`]) {
      const res = await level(org.A, query);
      expect(res.status, query).toBe(400);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
    }
  });
});
