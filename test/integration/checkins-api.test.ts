/** Check-ins over HTTP: who may check in, history newest first with paging, nothing lost when
 * check-ins race, bad input rejected with nothing written. */
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { startApiHarness, type ApiHarness } from "../support/api-harness.js";
import { createActiveGoal, createManagerGoal, milestoneAndNumber } from "../support/progress-fixtures.js";

let api: ApiHarness;
let parentId: string;

beforeAll(async () => {
  api = await startApiHarness(inject("azuriteConnectionString"));
  parentId = await createManagerGoal(api, api.org);
});
afterAll(async () => api?.stop());

const activeGoal = (overrides: Record<string, unknown> = {}) => createActiveGoal(api, api.org.alice, api.org.manager, { parentId, keyResults: milestoneAndNumber, ...overrides });

describe("recording a check-in", () => {
  test("the owner checks in: values, confidence and note; progress and the last check-in move", async () => {
    const goal = await activeGoal();
    const [num, mile] = goal.keyResults;
    const res = await api.request("POST", `/api/goals/${goal.id}/checkins`, {
      as: api.org.alice,
      body: { keyResults: [{ id: num.id, current: 60 }, { id: mile.id, done: true }], confidence: "at_risk", note: "Payment provider is slow to answer" },
    });
    expect(res.status).toBe(201);
    expect(res.headers.get("etag")).toBeTruthy();
    expect(res.body.checkIn).toMatchObject({ goalId: goal.id, authorId: api.org.alice.id, confidence: "at_risk", note: "Payment provider is slow to answer" });
    // 90 → 30 target, now 60: half way; milestone done: (0.5 + 1) / 2.
    expect(res.body.goal.progress).toBe(0.75);
    expect(res.body.goal.lastCheckIn).toMatchObject({ confidence: "at_risk" });
    const history = await api.request("GET", `/api/goals/${goal.id}/history`, { as: api.org.alice });
    const entry = history.body.items.at(-1);
    expect(entry.action).toBe("checked_in");
    expect(entry.changes[`keyResults.${num.id}.current`]).toEqual({ from: 90, to: 60 });
  });

  test("only the owner, only on active goals", async () => {
    const goal = await activeGoal();
    const body = { confidence: "on_track" };
    expect((await api.request("POST", `/api/goals/${goal.id}/checkins`, { as: api.org.manager, body })).status).toBe(403);
    expect((await api.request("POST", `/api/goals/${goal.id}/checkins`, { as: api.org.bob, body })).status).toBe(403);
    const draft = await api.request("POST", "/api/goals", { as: api.org.alice, body: { ...milestoneAndNumberBody(), parentId } });
    const onDraft = await api.request("POST", `/api/goals/${draft.body.id}/checkins`, { as: api.org.alice, body });
    expect(onDraft.status).toBe(409);
    expect(onDraft.body.code).toBe("invalid_transition");
  });

  test("bad input is a 4xx problem and writes nothing", async () => {
    const goal = await activeGoal();
    const [num, mile] = goal.keyResults;
    const bad = [
      { confidence: "great" },
      { confidence: "on_track", keyResults: [{ id: num.id, done: true }] },
      { confidence: "on_track", keyResults: [{ id: "nope", current: 1 }] },
      { confidence: "on_track", keyResults: [{ id: mile.id, current: 3 }] },
      { confidence: "on_track", note: "x".repeat(1001) },
      { confidence: "on_track", extra: 1 },
    ];
    for (const body of bad) {
      const res = await api.request("POST", `/api/goals/${goal.id}/checkins`, { as: api.org.alice, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
    }
    const list = await api.request("GET", `/api/goals/${goal.id}/checkins`, { as: api.org.alice });
    expect(list.body.items).toEqual([]);
  });

  test("a stale If-Match is a 412; the current one works", async () => {
    const goal = await activeGoal();
    const stale = await api.request("POST", `/api/goals/${goal.id}/checkins`, { as: api.org.alice, body: { confidence: "on_track" }, headers: { "if-match": 'W/"stale"' } });
    expect(stale.status).toBe(412);
    const fresh = await api.request("POST", `/api/goals/${goal.id}/checkins`, { as: api.org.alice, body: { confidence: "on_track" }, headers: { "if-match": goal.etag } });
    expect(fresh.status).toBe(201);
  });
});

function milestoneAndNumberBody() {
  return { cycleId: "2027-q1", title: "Cut checkout time for customers", description: "Customers abandon slow checkouts; make checkout faster so more of them finish buying.", dueDate: "2027-03-15", keyResults: milestoneAndNumber };
}

describe("check-in history", () => {
  test("newest first, paged with limit and cursor, readable by whoever can see the goal", async () => {
    const goal = await activeGoal();
    const [num] = goal.keyResults;
    for (let i = 1; i <= 5; i++) {
      const res = await api.request("POST", `/api/goals/${goal.id}/checkins`, { as: api.org.alice, body: { keyResults: [{ id: num.id, current: 90 - i }], confidence: "on_track", note: `week ${i}` } });
      expect(res.status).toBe(201);
    }
    const first = await api.request("GET", `/api/goals/${goal.id}/checkins?limit=2`, { as: api.org.manager });
    expect(first.body.items.map((c: any) => c.note)).toEqual(["week 5", "week 4"]);
    const second = await api.request("GET", `/api/goals/${goal.id}/checkins?limit=2&cursor=${first.body.nextCursor}`, { as: api.org.outsider });
    expect(second.body.items.map((c: any) => c.note)).toEqual(["week 3", "week 2"]);
    const last = await api.request("GET", `/api/goals/${goal.id}/checkins?limit=2&cursor=${second.body.nextCursor}`, { as: api.org.alice });
    expect(last.body.items.map((c: any) => c.note)).toEqual(["week 1"]);
    expect(last.body.nextCursor).toBeNull();
    expect((await api.request("GET", `/api/goals/${goal.id}/checkins?limit=0`, { as: api.org.alice })).status).toBe(400);
    expect((await api.request("GET", `/api/goals/${goal.id}/checkins?cursor=${Buffer.from("c|other|x").toString("base64url")}`, { as: api.org.alice })).status).toBe(400);
  });

  test("a private goal's check-ins are hidden from people outside the owner's chain", async () => {
    const goal = await activeGoal({ visibility: "private" });
    await api.request("POST", `/api/goals/${goal.id}/checkins`, { as: api.org.alice, body: { confidence: "on_track" } });
    expect((await api.request("GET", `/api/goals/${goal.id}/checkins`, { as: api.org.outsider })).status).toBe(404);
    expect((await api.request("GET", `/api/goals/${goal.id}/checkins`, { as: api.org.vp })).body.items).toHaveLength(1);
  });
});

describe("concurrent check-ins on one goal", () => {
  test("all are recorded exactly once and the goal ends with one of them", async () => {
    const goal = await activeGoal();
    const [num] = goal.keyResults;
    const count = 12;
    const results = await Promise.all(
      Array.from({ length: count }, (_, i) =>
        api.request("POST", `/api/goals/${goal.id}/checkins`, { as: api.org.alice, body: { keyResults: [{ id: num.id, current: 80 - i }], confidence: "on_track", note: `racer ${i}` } }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(count).fill(201));
    const list = await api.request("GET", `/api/goals/${goal.id}/checkins?limit=100`, { as: api.org.alice });
    expect(list.body.items).toHaveLength(count);
    expect(new Set(list.body.items.map((c: any) => c.note)).size).toBe(count);
    const history = await api.request("GET", `/api/goals/${goal.id}/history`, { as: api.org.alice });
    expect(history.body.items.filter((e: any) => e.action === "checked_in")).toHaveLength(count);
    const final = await api.request("GET", `/api/goals/${goal.id}`, { as: api.org.alice });
    const newest = list.body.items[0];
    expect(final.body.lastCheckIn.at).toBe(newest.at);
    expect(final.body.keyResults[0].current).toBe(newest.values[0].current);
  });
});
