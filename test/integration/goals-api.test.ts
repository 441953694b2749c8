import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { randomUUID } from "node:crypto";
import { newGoalId, ownerNamedBy } from "../../functions/src/domain/goal-ids.js";
import { buildGoalBody, startApiHarness, type ApiHarness } from "../support/api-harness.js";

let api: ApiHarness;
beforeAll(async () => {
  api = await startApiHarness(inject("azuriteConnectionString"));
});
afterAll(async () => api?.stop());

const problem = (res: { status: number; headers: Headers; body: any }, status: number, code: string) => {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toContain("application/problem+json");
  expect(res.body.code).toBe(code);
  expect(res.body.type).toBe(`urn:cascade:problem:${code}`);
};

async function createGoal(owner = api.org.alice, overrides: Record<string, unknown> = {}) {
  const res = await api.request("POST", "/api/goals", { as: owner, body: buildGoalBody(overrides) });
  expect(res.status).toBe(201);
  return res;
}

describe("create and read", () => {
  test("creates a draft with server-owned fields, SMART check and ETag", async () => {
    const res = await createGoal();
    expect(res.headers.get("etag")).toBeTruthy();
    expect(res.headers.get("location")).toBe(`/api/goals/${res.body.id}`);
    expect(res.body).toMatchObject({ ownerId: api.org.alice.id, status: "draft", progress: 0, approverId: null });
    expect(res.body.keyResults[0].id).toBeTruthy();
    expect(res.body.smart.ok).toBe(false);
    expect(res.body.smart.missing.map((m: any) => m.code)).toEqual(["alignment"]);
    const read = await api.request("GET", `/api/goals/${res.body.id}`, { as: api.org.alice });
    expect(read.status).toBe(200);
    expect(read.headers.get("etag")).toBe(res.headers.get("etag"));
    expect(read.body.title).toBe("Cut checkout time for customers");
  });

  test("a new goal's id names its owner; ids naming someone without that goal, and goals the caller may not see, answer the same 404", async () => {
    const created = await createGoal(api.org.alice, { visibility: "private" });
    expect(ownerNamedBy(created.body.id)).toBe(api.org.alice.id);
    expect((await api.request("GET", `/api/goals/${created.body.id}`, { as: api.org.manager })).status).toBe(200);
    const hidden = await api.request("GET", `/api/goals/${created.body.id}`, { as: api.org.bob });
    const madeUp = await api.request("GET", `/api/goals/${newGoalId(api.org.alice.id, { newId: () => randomUUID() })}`, { as: api.org.bob });
    const elsewhere = await api.request("GET", `/api/goals/${newGoalId(randomUUID(), { newId: () => randomUUID() })}`, { as: api.org.bob });
    for (const res of [hidden, madeUp, elsewhere]) problem(res, 404, "not_found");
    expect(madeUp.body.detail).toBe(hidden.body.detail);
    expect(elsewhere.body.detail).toBe(hidden.body.detail);
  });

  test("lists by owner, cycle and status", async () => {
    const created = await createGoal(api.org.bob);
    const mine = await api.request("GET", `/api/goals?cycle=${api.cycle.id}`, { as: api.org.bob });
    expect(mine.body.items.map((g: any) => g.id)).toContain(created.body.id);
    const none = await api.request("GET", "/api/goals?status=active", { as: api.org.bob });
    expect(none.body.items).toEqual([]);
    const bad = await api.request("GET", "/api/goals?status=nope", { as: api.org.bob });
    problem(bad, 400, "validation_failed");
  });

  test("history records every change", async () => {
    const created = await createGoal();
    await api.request("PATCH", `/api/goals/${created.body.id}`, { as: api.org.alice, body: { title: "Cut checkout time for all customers" }, headers: { "if-match": created.headers.get("etag")! } });
    const history = await api.request("GET", `/api/goals/${created.body.id}/history`, { as: api.org.alice });
    expect(history.body.items.map((e: any) => e.action)).toEqual(["created", "edited"]);
    expect(history.body.items[1].changes.title).toEqual({ from: "Cut checkout time for customers", to: "Cut checkout time for all customers" });
    expect(history.body.items[1].actorId).toBe(api.org.alice.id);
  });
});

describe("bad input gets a problem and writes nothing", () => {
  test("malformed JSON → 400", async () => {
    problem(await api.request("POST", "/api/goals", { as: api.org.alice, rawBody: "{not json", headers: { "content-type": "application/json" } }), 400, "malformed_json");
  });

  test("unknown and server-owned fields → 400 naming them", async () => {
    const unknown = await api.request("POST", "/api/goals", { as: api.org.alice, body: { ...buildGoalBody(), colour: "red" } });
    problem(unknown, 400, "validation_failed");
    expect(JSON.stringify(unknown.body.errors)).toContain("colour");
    const owned = await api.request("POST", "/api/goals", { as: api.org.alice, body: { ...buildGoalBody(), status: "active", ownerId: api.org.bob.id } });
    problem(owned, 400, "validation_failed");
    expect(owned.body.errors.map((e: any) => e.path).sort()).toEqual(["ownerId", "status"]);
  });

  test("field errors point at the field", async () => {
    const res = await api.request("POST", "/api/goals", { as: api.org.alice, body: buildGoalBody({ dueDate: "2027-02-30", keyResults: [{ title: "x", kind: "number", start: 0 }] }) });
    problem(res, 400, "validation_failed");
    expect(res.body.errors.map((e: any) => e.path)).toEqual(expect.arrayContaining(["dueDate", "keyResults.0.target"]));
  });

  test("six key results → 400; unknown cycle → 400", async () => {
    const kr = { title: "x", kind: "milestone" };
    problem(await api.request("POST", "/api/goals", { as: api.org.alice, body: buildGoalBody({ keyResults: Array(6).fill(kr) }) }), 400, "validation_failed");
    problem(await api.request("POST", "/api/goals", { as: api.org.alice, body: buildGoalBody({ cycleId: "no-such-cycle" }) }), 400, "validation_failed");
  });

  test("a body over 64 KB → 413", async () => {
    const res = await api.request("POST", "/api/goals", { as: api.org.alice, body: buildGoalBody({ description: "x".repeat(70 * 1024) }) });
    problem(res, 413, "payload_too_large");
  });

  test("ids that cannot be Table keys → 400, unknown ids → 404", async () => {
    problem(await api.request("GET", "/api/goals/a'b%23c", { as: api.org.alice }), 400, "validation_failed");
    problem(await api.request("GET", `/api/goals/${"x".repeat(300)}`, { as: api.org.alice }), 400, "validation_failed");
    problem(await api.request("GET", "/api/goals/does-not-exist", { as: api.org.alice }), 404, "not_found");
  });

  test("nothing is written by a rejected create", async () => {
    const before = await api.request("GET", "/api/goals", { as: api.org.manager });
    await api.request("POST", "/api/goals", { as: api.org.manager, body: { ...buildGoalBody(), status: "active" } });
    const after = await api.request("GET", "/api/goals", { as: api.org.manager });
    expect(after.body.items.length).toBe(before.body.items.length);
  });
});

describe("optimistic concurrency", () => {
  test("PATCH without If-Match → 428, stale → 412, current → 200 with a new ETag", async () => {
    const created = await createGoal();
    const url = `/api/goals/${created.body.id}`;
    problem(await api.request("PATCH", url, { as: api.org.alice, body: { title: "Cut checkout time in half" } }), 428, "precondition_required");
    const first = await api.request("PATCH", url, { as: api.org.alice, body: { title: "Cut checkout time in half" }, headers: { "if-match": created.headers.get("etag")! } });
    expect(first.status).toBe(200);
    expect(first.headers.get("etag")).not.toBe(created.headers.get("etag"));
    const stale = await api.request("PATCH", url, { as: api.org.alice, body: { title: "Lost update" }, headers: { "if-match": created.headers.get("etag")! } });
    problem(stale, 412, "precondition_failed");
    const read = await api.request("GET", url, { as: api.org.alice });
    expect(read.body.title).toBe("Cut checkout time in half");
    expect(read.headers.get("etag")).toBe(first.headers.get("etag"));
    const next = await api.request("PATCH", url, { as: api.org.alice, body: { description: "Customers abandon slow checkouts; halving the time keeps them buying." }, headers: { "if-match": first.headers.get("etag")! } });
    expect(next.status).toBe(200);
  });

  test("two concurrent edits with the same ETag: exactly one wins", async () => {
    const created = await createGoal();
    const etag = created.headers.get("etag")!;
    const results = await Promise.all(
      ["Cut checkout time — version A", "Cut checkout time — version B"].map((title) =>
        api.request("PATCH", `/api/goals/${created.body.id}`, { as: api.org.alice, body: { title }, headers: { "if-match": etag } }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 412]);
    const history = await api.request("GET", `/api/goals/${created.body.id}/history`, { as: api.org.alice });
    expect(history.body.items.filter((e: any) => e.action === "edited")).toHaveLength(1);
  });
});

describe("delete", () => {
  test("drafts can be deleted; then they are gone", async () => {
    const created = await createGoal();
    const res = await api.request("DELETE", `/api/goals/${created.body.id}`, { as: api.org.alice, headers: { "if-match": created.headers.get("etag")! } });
    expect(res.status).toBe(204);
    problem(await api.request("GET", `/api/goals/${created.body.id}`, { as: api.org.alice }), 404, "not_found");
  });

  test("others cannot delete; submitted goals cannot be deleted", async () => {
    const created = await createGoal(api.org.alice, { parentId: null });
    problem(await api.request("DELETE", `/api/goals/${created.body.id}`, { as: api.org.bob }), 403, "forbidden");
  });
});
