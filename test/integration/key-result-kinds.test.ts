/** Key-result kinds over the real API and Azurite: the five kinds round-trip, bad kinds and targets on
 * the wrong side are field errors with nothing written, and goals stored with the earlier `number`
 * kind read as increases or decreases without anyone approving them again. */
import { TableClient } from "@azure/data-tables";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { goalRowKey, ownerPartition } from "../../functions/src/store/goal-entity.js";
import { buildGoalBody, startApiHarness, type ApiHarness } from "../support/api-harness.js";

let api: ApiHarness;
let goalsTable: TableClient;
let parentId: string;

beforeAll(async () => {
  const connection = inject("azuriteConnectionString");
  api = await startApiHarness(connection);
  goalsTable = TableClient.fromConnectionString(connection, "goals", { allowInsecureConnection: true });
  let parent: string | null = null;
  for (const [owner, title] of [[api.org.ceo, "Be the checkout people love"], [api.org.vp, "Grow online revenue in every market"], [api.org.manager, "Make checkout the fastest in the market"]] as const) {
    const created: { body: { id: string } } = await api.request("POST", "/api/goals", { as: owner, body: buildGoalBody({ title, ...(parent ? { parentId: parent } : { isTopLevel: true }) }) });
    await api.request("POST", `/api/goals/${created.body.id}/submit`, { as: owner });
    parent = created.body.id;
  }
  parentId = parent!;
});
afterAll(async () => api?.stop());

const FIVE_KINDS = [
  { title: "Orders completed in one page", kind: "increase", start: 20, target: 60, current: 35, unitKind: "percent" },
  { title: "Median checkout time", kind: "decrease", start: 90, target: 30, current: 60, unit: "s" },
  { title: "Monthly availability", kind: "keep_above", start: 99.5, target: 99.9, current: 99.95, unitKind: "percent" },
  { title: "Refund cost per month", kind: "keep_below", start: 12000, target: 10000, current: 10500, unitKind: "currency", currency: "EUR" },
  { title: "New checkout released", kind: "milestone", done: true },
];

async function activate(body: Record<string, unknown>) {
  const created = await api.request("POST", "/api/goals", { as: api.org.alice, body: buildGoalBody({ parentId, ...body }) });
  expect(created.status).toBe(201);
  const submitted = await api.request("POST", `/api/goals/${created.body.id}/submit`, { as: api.org.alice });
  expect(submitted.body.status, JSON.stringify(submitted.body)).toBe("pending_approval");
  const approved = await api.request("POST", `/api/goals/${created.body.id}/decision`, { as: api.org.manager, body: { decision: "approve" } });
  expect(approved.body.status, JSON.stringify(approved.body)).toBe("active");
  return approved;
}

describe("the five kinds", () => {
  test("round-trip with their units, and progress follows each kind's rule", async () => {
    const created = await api.request("POST", "/api/goals", { as: api.org.alice, body: buildGoalBody({ keyResults: FIVE_KINDS }) });
    expect(created.status).toBe(201);
    expect(created.body.keyResults.map((kr: any) => [kr.kind, kr.unitKind ?? null, kr.unit ?? null, kr.currency ?? null])).toEqual([
      ["increase", "percent", null, null],
      ["decrease", "text", "s", null],
      ["keep_above", "percent", null, null],
      ["keep_below", "currency", null, "EUR"],
      ["milestone", null, null, null],
    ]);
    // 15/40 of the way up, half of the way down, a threshold held, one broken, a milestone done.
    expect(created.body.progress).toBeCloseTo((15 / 40 + 0.5 + 1 + 0 + 1) / 5, 9);
  });

  test("the earlier number shape is still accepted and becomes an increase or a decrease", async () => {
    const created = await api.request("POST", "/api/goals", {
      as: api.org.alice,
      body: buildGoalBody({ keyResults: [{ title: "Median checkout time", kind: "number", start: 90, target: 30, unit: "s" }, { title: "Orders", kind: "number", start: 0, target: 10 }] }),
    });
    expect(created.status).toBe(201);
    expect(created.body.keyResults.map((kr: any) => kr.kind)).toEqual(["decrease", "increase"]);
  });

  test("a target on the wrong side, an unknown kind or a bad currency is a problem naming the field, and nothing is written", async () => {
    const before = await api.request("GET", `/api/goals?owner=${api.org.bob.id}`, { as: api.org.bob });
    const cases: Array<[unknown, string]> = [
      [{ title: "Orders", kind: "increase", start: 10, target: 5 }, "keyResults.0.target"],
      [{ title: "Time", kind: "decrease", start: 5, target: 10 }, "keyResults.0.target"],
      [{ title: "Time", kind: "sideways", start: 5, target: 10 }, "keyResults.0.kind"],
      [{ title: "Cost", kind: "keep_below", start: 5, target: 10, unitKind: "currency", currency: "EURO" }, "keyResults.0.currency"],
      [{ title: "Cost", kind: "keep_below", start: 5, target: 10, unitKind: "currency" }, "keyResults.0.currency"],
      [{ title: "Cost", kind: "keep_below", start: 5, target: 10, unitKind: "money" }, "keyResults.0.unitKind"],
    ];
    for (const [keyResult, path] of cases) {
      const res = await api.request("POST", "/api/goals", { as: api.org.bob, body: buildGoalBody({ keyResults: [keyResult] }) });
      expect(res.status, JSON.stringify(keyResult)).toBe(400);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      expect(res.body.errors.map((e: any) => e.path), JSON.stringify(res.body)).toContain(path);
    }
    const after = await api.request("GET", `/api/goals?owner=${api.org.bob.id}`, { as: api.org.bob });
    expect(after.body.items.length).toBe(before.body.items.length);
  });
});

describe("goals stored with the earlier number kind", () => {
  /** Rewrites the stored row as a version without the measured kinds would have written it. */
  async function storeAsLegacy(goalId: string): Promise<void> {
    const entity = await goalsTable.getEntity<Record<string, unknown>>(ownerPartition(api.tenantId, api.org.alice.id), goalRowKey(goalId));
    const toLegacy = (kr: Record<string, unknown>) => {
      if (kr["kind"] === "milestone") return kr;
      const { unitKind: _unitKind, currency: _currency, ...rest } = kr;
      return { ...rest, kind: "number" };
    };
    const keyResults = (JSON.parse(String(entity["keyResults"])) as Array<Record<string, unknown>>).map(toLegacy);
    const snapshot = JSON.parse(String(entity["approvedSnapshot"])) as { keyResults: Array<Record<string, unknown>> };
    const legacySnapshot = { ...snapshot, keyResults: snapshot.keyResults.map((kr) => (kr["kind"] === "milestone" ? kr : { ...kr, kind: "number" })) };
    await goalsTable.updateEntity(
      { partitionKey: entity.partitionKey as string, rowKey: entity.rowKey as string, keyResults: JSON.stringify(keyResults), approvedSnapshot: JSON.stringify(legacySnapshot) },
      "Merge",
      { etag: entity.etag as string },
    );
  }

  async function readStoredKinds(goalId: string): Promise<string[]> {
    const entity = await goalsTable.getEntity<Record<string, unknown>>(ownerPartition(api.tenantId, api.org.alice.id), goalRowKey(goalId));
    return (JSON.parse(String(entity["keyResults"])) as Array<{ kind: string }>).map((kr) => kr.kind);
  }

  test("read as increase or decrease, stay active with no diff, take check-ins, and are rewritten on the next write", async () => {
    const keyResults = [
      { title: "Median checkout time", kind: "decrease", start: 90, target: 30, current: 60, unit: "s" },
      { title: "Orders completed in one page", kind: "increase", start: 20, target: 60, current: 30 },
      { title: "New checkout released", kind: "milestone", done: false },
    ];
    const approved = await activate({ keyResults });
    const goalId = approved.body.id;
    const historyBefore = await api.request("GET", `/api/goals/${goalId}/history`, { as: api.org.alice });
    await storeAsLegacy(goalId);
    expect(await readStoredKinds(goalId)).toEqual(["number", "number", "milestone"]);

    const read = await api.request("GET", `/api/goals/${goalId}`, { as: api.org.alice });
    expect(read.body.keyResults.map((kr: any) => [kr.kind, kr.unitKind ?? null])).toEqual([["decrease", "text"], ["increase", "text"], ["milestone", null]]);
    expect(read.body).toMatchObject({ status: "active", changesSinceApproval: null, approverId: api.org.manager.id });
    expect(read.body.progress).toBeCloseTo((0.5 + 0.25 + 0) / 3, 9);

    const [time, orders] = read.body.keyResults;
    const checkIn = await api.request("POST", `/api/goals/${goalId}/checkins`, {
      as: api.org.alice,
      body: { keyResults: [{ id: time.id, current: 45 }, { id: orders.id, current: 40 }], confidence: "on_track" },
    });
    expect(checkIn.status).toBe(201);
    expect(checkIn.body.goal.status).toBe("active");
    expect(await readStoredKinds(goalId)).toEqual(["decrease", "increase", "milestone"]);

    // An edit that sends the key results back unchanged, in the earlier shape, is not material.
    const legacyBody = checkIn.body.goal.keyResults.map((kr: any) =>
      kr.kind === "milestone" ? { id: kr.id, title: kr.title, kind: "milestone" } : { id: kr.id, title: kr.title, kind: "number", start: kr.start, target: kr.target, ...(kr.unit ? { unit: kr.unit } : {}) },
    );
    const edited = await api.request("PATCH", `/api/goals/${goalId}`, {
      as: api.org.alice,
      headers: { "if-match": checkIn.headers.get("etag")! },
      body: { description: "Customers abandon slow checkouts; we make it fast and keep it fast.", keyResults: legacyBody },
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ status: "active", changesSinceApproval: null });
    const history = await api.request("GET", `/api/goals/${goalId}/history`, { as: api.org.alice });
    const actions = history.body.items.map((e: any) => e.action);
    expect(actions.slice(0, historyBefore.body.items.length)).toEqual(historyBefore.body.items.map((e: any) => e.action));
    expect(actions.slice(historyBefore.body.items.length)).toEqual(["checked_in", "edited"]);
    expect(actions).not.toContain("resubmitted");
  });

  test("a material edit of a migrated goal still goes back for approval", async () => {
    const approved = await activate({ keyResults: [{ title: "Median checkout time", kind: "decrease", start: 90, target: 30, unit: "s" }] });
    await storeAsLegacy(approved.body.id);
    const read = await api.request("GET", `/api/goals/${approved.body.id}`, { as: api.org.alice });
    const [kr] = read.body.keyResults;
    const edited = await api.request("PATCH", `/api/goals/${approved.body.id}`, {
      as: api.org.alice,
      headers: { "if-match": read.headers.get("etag")! },
      body: { keyResults: [{ id: kr.id, title: kr.title, kind: "decrease", start: 90, target: 20, unit: "s" }] },
    });
    expect(edited.body.status).toBe("pending_approval");
    expect(edited.body.changesSinceApproval.keyResults.from[0]).toMatchObject({ kind: "decrease", target: 30 });
  });
});
