/** Cards show other goals as the person they are rendered for may see them: a private parent's title
 * never reaches someone who may not read that goal, through any card path, and a card does not tell a
 * stranger whether a goal is private or gone. Card inputs go through the API routes' schemas. */
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import type { Person } from "../../functions/src/domain/types.js";
import { buildGoalBody } from "../support/api-harness.js";
import { buildInstall, buildInvoke, callsTo, cardOf, startBotHarness, type BotHarness } from "../support/bot-harness.js";
import { buildActionData, readCardText } from "../support/card-inspect.js";

const SECRET = "Secret reorganisation of the checkout team";
const LATER_SECRET = "Quietly sunset the legacy storefront";

let h: BotHarness;
let privateId: string;
let laterPrivateId: string;
let publicParentId: string;
let childId: string;

async function createGoal(owner: Person, overrides: Record<string, unknown>): Promise<string> {
  const created = await h.request("POST", "/api/goals", { as: owner, body: buildGoalBody(overrides) });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.id;
}

async function refreshViaApi(person: Person, goalId: string) {
  const res = await h.request("POST", "/api/card-actions", { as: person, body: { verb: "goal.refresh", data: { goalId, version: "x" } } });
  expect(res.status).toBe(200);
  return res.body;
}

async function refreshViaBot(person: Person, goalId: string) {
  const res = await h.postActivity(buildInvoke(h, person, "goal.refresh", { goalId, version: "x" }));
  expect(res.status).toBe(200);
  return res.body;
}

/** Everything a person could read of a card response, including ids and data. */
const everything = (value: unknown) => JSON.stringify(value);

beforeAll(async () => {
  h = await startBotHarness(inject("azuriteConnectionString"));
  for (const person of [h.org.vp, h.org.outsider, h.org.bob]) expect((await h.postActivity(buildInstall(h, person))).status).toBe(200);
  privateId = await createGoal(h.org.manager, { title: SECRET, visibility: "private" });
  laterPrivateId = await createGoal(h.org.manager, { title: LATER_SECRET, visibility: "private" });
  publicParentId = await createGoal(h.org.manager, { title: "Make checkout the fastest in the market" });
  childId = await createGoal(h.org.manager, { title: "Halve checkout time this quarter", parentId: privateId });
  const submitted = await h.request("POST", `/api/goals/${childId}/submit`, { as: h.org.manager });
  expect(submitted.body).toMatchObject({ status: "pending_approval", approverId: h.org.vp.id });
});
afterAll(async () => h?.stop());

describe("a private parent seen through a card", () => {
  test("the stranger cannot read the parent, and no card path shows its title while the child waits", async () => {
    expect((await h.request("GET", `/api/goals/${privateId}`, { as: h.org.outsider })).status).toBe(404);
    for (const person of [h.org.outsider, h.org.bob]) {
      const viaApi = await refreshViaApi(person, childId);
      const viaBot = await refreshViaBot(person, childId);
      for (const card of [viaApi, viaBot]) {
        expect(card.statusCode).toBe(200);
        expect(readCardText(card.value)).toContain("Halve checkout time");
        expect(readCardText(card.value)).toMatch(/Supports: A goal you cannot see$/m);
        expect(everything(card)).not.toContain(SECRET);
      }
    }
  });

  test("the approver, who may read the parent, sees its title (the same paths can show it)", async () => {
    const viaApi = await refreshViaApi(h.org.vp, childId);
    expect(readCardText(viaApi.value)).toContain(SECRET);
    const approvals = await h.request("GET", "/api/approvals", { as: h.org.vp });
    expect(everything(approvals.body.items.find((i: any) => i.goalId === childId))).toContain(SECRET);
    const chatCard = cardOf(callsTo(h.fake, h.org.vp).filter((c) => everything(cardOf(c)).includes(childId)).at(-1));
    expect(everything(chatCard)).toContain(SECRET);
  });

  test("after approval, and after a realignment to another private goal, strangers still see neither title", async () => {
    const card = await refreshViaApi(h.org.vp, childId);
    const decided = await h.request("POST", "/api/card-actions", { as: h.org.vp, body: { verb: "goal.approve", data: buildActionData(card.value, "goal.approve") } });
    expect(readCardText(decided.body.value)).toContain("Approved");
    for (const person of [h.org.outsider, h.org.bob]) {
      expect(everything(await refreshViaApi(person, childId))).not.toContain(SECRET);
      expect(everything(await refreshViaBot(person, childId))).not.toContain(SECRET);
    }

    // Moving the approved goal under a public parent, then under another private one, makes a
    // "what changed" list that names the parents before and after.
    for (const parentId of [publicParentId, laterPrivateId]) {
      const current = await h.request("GET", `/api/goals/${childId}`, { as: h.org.manager });
      const moved = await h.request("PATCH", `/api/goals/${childId}`, { as: h.org.manager, body: { parentId }, headers: { "if-match": current.headers.get("etag")! } });
      expect(moved.status, JSON.stringify(moved.body)).toBe(200);
      if (moved.body.status !== "pending_approval") await h.request("POST", `/api/goals/${childId}/submit`, { as: h.org.manager });
      const pending = await h.request("GET", `/api/goals/${childId}`, { as: h.org.manager });
      if (pending.body.status === "pending_approval" && parentId === publicParentId) {
        const approver = await refreshViaApi(h.org.vp, childId);
        await h.request("POST", "/api/card-actions", { as: h.org.vp, body: { verb: "goal.approve", data: buildActionData(approver.value, "goal.approve") } });
      }
    }
    const approverView = await refreshViaApi(h.org.vp, childId);
    expect(readCardText(approverView.value)).toContain(LATER_SECRET);
    for (const person of [h.org.outsider, h.org.bob]) {
      for (const card of [await refreshViaApi(person, childId), await refreshViaBot(person, childId)]) {
        expect(everything(card)).not.toContain(SECRET);
        expect(everything(card)).not.toContain(LATER_SECRET);
      }
    }
  });

  test("a stranger gets the same answer for a private goal as for one that does not exist", async () => {
    const missing = "00000000-0000-4000-8000-000000000000";
    for (const refresh of [refreshViaApi, refreshViaBot]) {
      const ofPrivate = await refresh(h.org.outsider, privateId);
      const ofMissing = await refresh(h.org.outsider, missing);
      expect(ofPrivate).toEqual(ofMissing);
      expect(everything(ofPrivate)).not.toContain(SECRET);
    }
    const decide = await h.request("POST", "/api/card-actions", { as: h.org.outsider, body: { verb: "goal.approve", data: { goalId: privateId, version: "x" } } });
    const decideMissing = await h.request("POST", "/api/card-actions", { as: h.org.outsider, body: { verb: "goal.approve", data: { goalId: missing, version: "x" } } });
    expect(decide.body).toEqual(decideMissing.body);
  });
});

describe("card inputs are checked by the API's schemas", () => {
  let goalId: string;
  let keyResultId: string;
  beforeAll(async () => {
    const created = await h.request("POST", "/api/goals", { as: h.org.bob, body: buildGoalBody({ title: "Cache the product catalogue", parentId: publicParentId }) });
    goalId = created.body.id;
    keyResultId = created.body.keyResults[0].id;
    const submitted = await h.request("POST", `/api/goals/${goalId}/submit`, { as: h.org.bob });
    expect(submitted.body.status, JSON.stringify(submitted.body)).toBe("pending_approval");
    const approver = await refreshViaApi(h.org.manager, goalId);
    await h.request("POST", "/api/card-actions", { as: h.org.manager, body: { verb: "goal.approve", data: buildActionData(approver.value, "goal.approve") } });
    expect((await h.request("GET", `/api/goals/${goalId}`, { as: h.org.bob })).body.status).toBe("active");
  });

  const checkIn = (current: unknown, extra: Record<string, unknown> = {}) => ({
    verb: "checkin.submit",
    data: { goalId, version: `v-${String(current)}`, [`${goalId}.kr.${keyResultId}.current`]: current, [`${goalId}.confidence`]: "on_track", ...extra },
  });

  test("a check-in from a card outside the API's limits is refused, and nothing is stored", async () => {
    const before = await h.request("GET", `/api/goals/${goalId}`, { as: h.org.bob });
    for (const current of ["1e308", "-1e308", "1e13", 1e308, "-1000000000001"]) {
      const res = await h.request("POST", "/api/card-actions", { as: h.org.bob, body: checkIn(current) });
      expect(res.body.statusCode, String(current)).toBe(400);
      const api = await h.request("POST", `/api/goals/${goalId}/checkins`, { as: h.org.bob, body: { keyResults: [{ id: keyResultId, current: Number(current) }], confidence: "on_track" } });
      expect(api.status, String(current)).toBe(400);
    }
    const after = await h.request("GET", `/api/goals/${goalId}`, { as: h.org.bob });
    expect(after.body.keyResults).toEqual(before.body.keyResults);
    expect((await h.request("GET", `/api/goals/${goalId}/checkins`, { as: h.org.bob })).body.items).toEqual([]);
  });

  test("the same check-in within the limits is accepted from the card", async () => {
    const res = await h.request("POST", "/api/card-actions", { as: h.org.bob, body: checkIn("1e12") });
    expect(res.body.statusCode, JSON.stringify(res.body)).toBe(200);
    expect((await h.request("GET", `/api/goals/${goalId}`, { as: h.org.bob })).body.keyResults[0].current).toBe(1e12);
  });

  test("kudos and decisions from cards follow the routes' limits", async () => {
    const long = "x".repeat(5000);
    const kudos = await h.request("POST", "/api/card-actions", { as: h.org.alice, body: { verb: "kudos.send", data: { goalId, version: "v", kudosMessage: long } } });
    expect(kudos.body.statusCode).toBe(400);
    expect((await h.request("POST", `/api/goals/${goalId}/kudos`, { as: h.org.alice, body: { message: long } })).status).toBe(400);
    expect((await h.request("GET", `/api/goals/${goalId}/kudos`, { as: h.org.bob })).body.items).toEqual([]);
    const reject = await h.request("POST", "/api/card-actions", { as: h.org.manager, body: { verb: "goal.reject", data: { goalId, version: "v", rejectComment: long } } });
    expect(reject.body.statusCode).toBe(400);
  });
});
