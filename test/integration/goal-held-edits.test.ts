/** An edit that follows the read of the goal it changes starts from the version the instance holds and
 * writes once; whatever another instance did meanwhile, the answer and the stored goal are the ones a
 * fresh read would give: no change lost, no stale version written, no removed goal brought back. */
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { loadConfig } from "../../functions/src/config.js";
import { createServices, type Services } from "../../functions/src/composition/services.js";
import { DEFAULT_TAB_DIR } from "../../functions/dev/start-cascade.js";
import type { GoalInput } from "../../functions/src/contracts/goals.js";
import type { Person, Principal } from "../../functions/src/domain/types.js";
import { recordCheckIn } from "../../functions/src/domain/checkins.js";
import { countStorageRequests } from "../../functions/src/store/request-count.js";
import { buildGoalBody, startApiHarness, type ApiHarness } from "../support/api-harness.js";
import { createActiveGoal, createManagerGoal } from "../support/progress-fixtures.js";

let h: ApiHarness;
/** A second instance of the app over the same storage, as Azure Functions runs when it scales out. */
let other: Services;

beforeAll(async () => {
  h = await startApiHarness(inject("azuriteConnectionString"));
  other = await createServices(loadConfig({ AUTH_MODE: "entra", AAD_APP_CLIENT_ID: h.issuer.clientId, ALLOWED_TENANT_IDS: h.tenantId, ENTRA_JWKS_URL: h.issuer.jwksUrl, ENTRA_AUTHORITY_HOST: h.issuer.authorityHost, STORAGE_CONNECTION_STRING: inject("azuriteConnectionString"), LOG_LEVEL: "error" }), { tabDir: DEFAULT_TAB_DIR });
});
afterAll(async () => h?.stop());

const as = (person: Person): Principal => ({ tenantId: h.tenantId, userId: person.id, name: person.displayName, roles: [] });

/** A draft of Alice's, read through the API (the instance now holds it), with the ETag it was shown with. */
async function readDraft(title: string): Promise<{ id: string; etag: string }> {
  const created = await h.request("POST", "/api/goals", { as: h.org.alice, body: buildGoalBody({ title }) });
  expect(created.status).toBe(201);
  const read = await h.request("GET", `/api/goals/${created.body.id}`, { as: h.org.alice });
  expect(read.status).toBe(200);
  return { id: created.body.id, etag: read.headers.get("etag")! };
}

const stored = async (id: string) => (await other.goalDeps.goals.getGoal(h.tenantId, id))!;

describe("an edit after a read", () => {
  test("writes once, without reading the goal again, and the goal is as edited", async () => {
    const goal = await readDraft("Held and edited once");
    let requests = -1;
    const saved = await countStorageRequests(() => h.services.goals.update(as(h.org.alice), goal.id, goal.etag, { description: "Edited straight after it was shown, so that nothing is read again." }), (n) => (requests = n));
    expect(requests).toBe(1);
    expect(saved.etag).not.toBe(goal.etag);
    const now = await stored(goal.id);
    expect(now.value.description).toBe("Edited straight after it was shown, so that nothing is read again.");
    expect(now.etag).toBe(saved.etag);
    const response = await h.request("PATCH", `/api/goals/${goal.id}`, { as: h.org.alice, headers: { "if-match": saved.etag }, body: { title: "Held and edited twice" } });
    expect(response.status).toBe(200);
    expect((await stored(goal.id)).value.title).toBe("Held and edited twice");
  });

  test("after another instance changed the goal, an edit with * keeps that change and adds its own", async () => {
    const goal = await readDraft("Changed elsewhere");
    await other.goals.update(as(h.org.alice), goal.id, goal.etag, { title: "Renamed on the other instance" });
    const response = await h.request("PATCH", `/api/goals/${goal.id}`, { as: h.org.alice, headers: { "if-match": "*" }, body: { description: "Described on this instance, after the other renamed it." } });
    expect(response.status).toBe(200);
    const now = await stored(goal.id);
    expect(now.value.title).toBe("Renamed on the other instance");
    expect(now.value.description).toBe("Described on this instance, after the other renamed it.");
    expect(response.headers.get("etag")).toBe(now.etag);
  });

  test("after another instance changed the goal, an edit with the ETag that was shown is refused and writes nothing", async () => {
    const goal = await readDraft("Shown, then changed elsewhere");
    await other.goals.update(as(h.org.alice), goal.id, goal.etag, { title: "Renamed on the other instance" });
    const before = await stored(goal.id);
    const response = await h.request("PATCH", `/api/goals/${goal.id}`, { as: h.org.alice, headers: { "if-match": goal.etag }, body: { title: "Renamed from a stale view" } });
    expect(response.status).toBe(412);
    expect(response.headers.get("content-type")).toMatch(/application\/problem\+json/);
    const after = await stored(goal.id);
    expect(after).toEqual(before);
  });

  test("an edit that changes nothing in the held version still changes the goal another instance changed", async () => {
    const goal = await readDraft("Back and forth");
    const shown = await stored(goal.id);
    await other.goals.update(as(h.org.alice), goal.id, goal.etag, { description: "A different description, written on the other instance." });
    const response = await h.request("PATCH", `/api/goals/${goal.id}`, { as: h.org.alice, headers: { "if-match": "*" }, body: { description: shown.value.description } });
    expect(response.status).toBe(200);
    expect((await stored(goal.id)).value.description).toBe(shown.value.description);
  });

  test("a goal another instance deleted is not brought back: the edit answers 404", async () => {
    const goal = await readDraft("Deleted elsewhere");
    await other.goals.delete(as(h.org.alice), goal.id, goal.etag);
    for (const ifMatch of ["*", goal.etag]) {
      const response = await h.request("PATCH", `/api/goals/${goal.id}`, { as: h.org.alice, headers: { "if-match": ifMatch }, body: { title: "Edited after it was deleted" } });
      expect(response.status).toBe(404);
    }
    expect(await other.goalDeps.goals.getGoal(h.tenantId, goal.id)).toBeNull();
  });

  test("someone who may not edit the held goal is refused as after a read, and the goal is unchanged", async () => {
    const goal = await readDraft("Only Alice edits this");
    const before = await stored(goal.id);
    const response = await h.request("PATCH", `/api/goals/${goal.id}`, { as: h.org.bob, headers: { "if-match": goal.etag }, body: { title: "Bob's title" } });
    expect(response.status).toBe(403);
    expect(await stored(goal.id)).toEqual(before);
  });
});

describe("a check-in after a read", () => {
  /** Alice's goals are aligned to her manager's, as an active goal must be. */
  let parentId: string;
  beforeAll(async () => {
    parentId = await createManagerGoal(h, h.org);
  });
  const valued = (goal: any, current: number) => ({ keyResults: [{ id: goal.keyResults[0].id, current }], confidence: "on_track" as const, note: `Now at ${current}` });

  test("takes one storage request less than one on a goal the instance has not read", async () => {
    // A first check-in of Bob's warms the instance's caches of his chain.
    const warm = await createActiveGoal(h, h.org.bob, h.org.manager, { title: "Warms the instance's caches", parentId });
    await recordCheckIn(h.services.progress, as(h.org.bob), warm.id, valued(warm, 80));
    const held = await createActiveGoal(h, h.org.bob, h.org.manager, { title: "Held when checked in", parentId });
    // Created and approved on the other instance, so this one has never read it (a write of Bob's here
    // would: keeping his roll-ups lists his goals).
    const created = await other.goals.create(as(h.org.bob), buildGoalBody({ title: "Never read here", parentId }) as GoalInput);
    await other.goals.submit(as(h.org.bob), created.goal.value.id, null);
    const unseen = (await other.goals.decide(as(h.org.manager), created.goal.value.id, "approve", null, null)).goal.value;
    let heldRequests = -1;
    let unseenRequests = -1;
    await countStorageRequests(() => recordCheckIn(h.services.progress, as(h.org.bob), unseen.id, valued(unseen, 70)), (n) => (unseenRequests = n));
    await countStorageRequests(() => recordCheckIn(h.services.progress, as(h.org.bob), held.id, valued(held, 70)), (n) => (heldRequests = n));
    expect(unseenRequests - heldRequests).toBe(1);
    expect((await stored(held.id)).value.keyResults[0]!).toMatchObject({ current: 70 });
    expect((await stored(unseen.id)).value.keyResults[0]!).toMatchObject({ current: 70 });
  });

  test("on a goal another instance changed meanwhile, keeps that change and records both check-ins", async () => {
    const goal = await createActiveGoal(h, h.org.alice, h.org.manager, { title: "Checked in on two instances", parentId });
    const read = await h.request("GET", `/api/goals/${goal.id}`, { as: h.org.alice });
    expect(read.status).toBe(200);
    await recordCheckIn(other.progress, as(h.org.alice), goal.id, valued(goal, 60));
    await other.goals.update(as(h.org.alice), goal.id, "*", { description: "Described on the other instance while this one held the goal." });
    const response = await h.request("POST", `/api/goals/${goal.id}/checkins`, { as: h.org.alice, body: valued(goal, 55) });
    expect(response.status).toBe(201);
    const now = await stored(goal.id);
    expect(now.value.description).toBe("Described on the other instance while this one held the goal.");
    expect(now.value.keyResults[0]!).toMatchObject({ current: 55 });
    const history = await h.request("GET", `/api/goals/${goal.id}/checkins`, { as: h.org.alice });
    expect(history.body.items.map((c: any) => c.note).sort()).toEqual(["Now at 55", "Now at 60"]);
  });
});
