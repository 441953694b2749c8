/** The approval loop through the bot endpoint, as Teams drives it: cards sent on submit, refresh
 * into the approver's buttons, decisions by `adaptiveCard/action` invokes, cards updated after. */
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { collectCardWarnings } from "../support/card-validate.js";
import type { Person } from "../../functions/src/domain/types.js";
import { buildGoalBody } from "../support/api-harness.js";
import { rerouteApprovals } from "../../functions/src/domain/reorg-writes.js";
import { buildActivity, buildInstall, buildInvoke, callsTo, cardOf, startBotHarness, teamsIdOf, type BotHarness } from "../support/bot-harness.js";
import { buildActionData, findExecuteAction, hasDecisionButtons, readCardText } from "../support/card-inspect.js";

let h: BotHarness;
let parentGoalId: string;

beforeAll(async () => {
  h = await startBotHarness(inject("azuriteConnectionString"));
  for (const person of [h.org.manager, h.org.alice]) expect((await h.postActivity(buildInstall(h, person))).status).toBe(200);
  const parent = await h.request("POST", "/api/goals", { as: h.org.manager, body: buildGoalBody({ title: "Make checkout the fastest in the market" }) });
  parentGoalId = parent.body.id;
});
afterAll(async () => h?.stop());

async function submitGoal(owner: Person = h.org.alice, overrides: Record<string, unknown> = {}) {
  const created = await h.request("POST", "/api/goals", { as: owner, body: buildGoalBody({ parentId: parentGoalId, ...overrides }) });
  expect(created.status).toBe(201);
  const submitted = await h.request("POST", `/api/goals/${created.body.id}/submit`, { as: owner });
  expect(submitted.body.status).toBe("pending_approval");
  return submitted.body;
}

/** The card in the person's chat that belongs to the goal, as last sent or updated. */
function chatCardFor(person: Person, goalId: string): any {
  const calls = callsTo(h.fake, person).filter((call) => JSON.stringify(cardOf(call)).includes(goalId));
  return cardOf(calls.at(-1));
}

async function invoke(person: Person, verb: string, data: Record<string, unknown>) {
  const started = Date.now();
  const response = await h.postActivity(buildInvoke(h, person, verb, data));
  expect(Date.now() - started).toBeLessThan(5000);
  expect(response.status).toBe(200);
  return response.body;
}

/** What the approver sees: Teams refreshes the chat card for the people in refresh.userIds. */
async function openAsApprover(goalId: string) {
  const chatCard = chatCardFor(h.org.manager, goalId);
  expect(chatCard.refresh.userIds).toEqual([teamsIdOf(h.org.manager)]);
  const refreshed = await invoke(h.org.manager, "goal.refresh", chatCard.refresh.action.data);
  expect(refreshed.type).toBe("application/vnd.microsoft.card.adaptive");
  return refreshed.value;
}

async function countHistory(goalId: string, action: string): Promise<number> {
  const history = await h.request("GET", `/api/goals/${goalId}/history`, { as: h.org.alice });
  return history.body.items.filter((entry: any) => entry.action === action).length;
}

describe("the approval loop", () => {
  test("submit → card to the manager → approve by invoke → active goal, owner told, card final for everyone", async () => {
    const goal = await submitGoal();
    const chatCard = chatCardFor(h.org.manager, goal.id);
    expect(hasDecisionButtons(chatCard)).toBe(false);
    expect(readCardText(chatCard)).toContain("Waiting for Maya Manager to decide");

    const card = await openAsApprover(goal.id);
    expect(hasDecisionButtons(card)).toBe(true);
    const text = readCardText(card);
    expect(text).toContain("A goal needs your approval");
    expect(text).toContain("Supports: Make checkout the fastest in the market (Maya Manager)");
    expect(text).toContain("Checklist passed");
    expect(collectCardWarnings(card)).toEqual([]);

    const decided = await invoke(h.org.manager, "goal.approve", buildActionData(card, "goal.approve"));
    expect(readCardText(decided.value)).toContain("Approved");
    expect(hasDecisionButtons(decided.value)).toBe(false);
    expect((await h.request("GET", `/api/goals/${goal.id}`, { as: h.org.alice })).body.status).toBe("active");

    const update = callsTo(h.fake, h.org.manager, "update").find((call) => JSON.stringify(cardOf(call)).includes(goal.id));
    expect(update?.activityId).toBe(callsTo(h.fake, h.org.manager, "create").find((call) => JSON.stringify(cardOf(call)).includes(goal.id))?.activityId);
    expect(cardOf(update).refresh).toBeUndefined();
    expect(readCardText(cardOf(update))).toContain("Approved");

    const ownerCard = chatCardFor(h.org.alice, goal.id);
    expect(readCardText(ownerCard)).toContain("Your goal was approved");
    for (const sent of [chatCard, cardOf(update), ownerCard]) expect(collectCardWarnings(sent)).toEqual([]);
    expect(update?.authorization).toMatch(/^Bearer ey/);
  });

  test("request changes needs a comment; the owner edits and resubmits; a later material edit shows the diff", async () => {
    const goal = await submitGoal();
    const card = await openAsApprover(goal.id);
    const noComment = await invoke(h.org.manager, "goal.requestChanges", buildActionData(card, "goal.requestChanges"));
    expect(noComment).toMatchObject({ statusCode: 400, type: "application/vnd.microsoft.error" });
    const asked = await invoke(h.org.manager, "goal.requestChanges", buildActionData(card, "goal.requestChanges", { requestChangesComment: "Add the target per market" }));
    expect(readCardText(asked.value)).toContain("Changes requested");
    const ownerCard = chatCardFor(h.org.alice, goal.id);
    expect(readCardText(ownerCard)).toContain("Changes requested on your goal");
    expect(readCardText(ownerCard)).toContain("Add the target per market");

    const current = await h.request("GET", `/api/goals/${goal.id}`, { as: h.org.alice });
    await h.request("PATCH", `/api/goals/${goal.id}`, { as: h.org.alice, body: { dueDate: "2027-03-20" }, headers: { "if-match": current.headers.get("etag")! } });
    await h.request("POST", `/api/goals/${goal.id}/submit`, { as: h.org.alice });
    const second = await openAsApprover(goal.id);
    await invoke(h.org.manager, "goal.approve", buildActionData(second, "goal.approve"));

    const active = await h.request("GET", `/api/goals/${goal.id}`, { as: h.org.alice });
    const keyResult = active.body.keyResults[0];
    const edited = await h.request("PATCH", `/api/goals/${goal.id}`, { as: h.org.alice, body: { keyResults: [{ ...keyResult, target: 20 }] }, headers: { "if-match": active.headers.get("etag")! } });
    expect(edited.body.status).toBe("pending_approval");
    const reapproval = await openAsApprover(goal.id);
    const text = readCardText(reapproval);
    expect(text).toContain("A changed goal needs your approval again");
    expect(text).toContain("What changed since you approved it");
    expect(text).toContain("Key result: Median checkout time");
    expect(text).toMatch(/Before: .*from 90 s to 30 s/i);
    expect(text).toMatch(/Now: .*to 20 s/);
    expect(collectCardWarnings(reapproval)).toEqual([]);
  });
});

describe("who may decide, and on which version", () => {
  test("a forwarded card shows the status to anyone but the approver, and changes nothing", async () => {
    const goal = await submitGoal();
    const card = await openAsApprover(goal.id);
    const byVp = await invoke(h.org.vp, "goal.approve", buildActionData(card, "goal.approve"));
    expect(hasDecisionButtons(byVp.value)).toBe(false);
    expect(readCardText(byVp.value)).toContain("Waiting for Maya Manager to decide");
    const refreshedByBob = await invoke(h.org.bob, "goal.refresh", { goalId: goal.id, version: goal.etag });
    expect(hasDecisionButtons(refreshedByBob.value)).toBe(false);
    expect((await h.request("GET", `/api/goals/${goal.id}`, { as: h.org.alice })).body.status).toBe("pending_approval");
    expect(await countHistory(goal.id, "approved")).toBe(0);
  });

  test("a private goal forwarded outside the owner's chain shows nothing of it", async () => {
    const goal = await submitGoal(h.org.alice, { visibility: "private", title: "Private plan for the checkout team" });
    const card = await openAsApprover(goal.id);
    const byOutsider = await invoke(h.org.outsider, "goal.approve", buildActionData(card, "goal.approve"));
    expect(readCardText(byOutsider.value)).toContain("This goal is not available");
    expect(readCardText(byOutsider.value)).not.toContain("Private plan");
  });

  test("a card for an older version refreshes to the current one instead of deciding", async () => {
    const goal = await submitGoal();
    const oldCard = await openAsApprover(goal.id);
    await invoke(h.org.manager, "goal.requestChanges", buildActionData(oldCard, "goal.requestChanges", { requestChangesComment: "Sharper title please" }));
    const current = await h.request("GET", `/api/goals/${goal.id}`, { as: h.org.alice });
    await h.request("PATCH", `/api/goals/${goal.id}`, { as: h.org.alice, body: { title: "Cut checkout time for every customer" }, headers: { "if-match": current.headers.get("etag")! } });
    await h.request("POST", `/api/goals/${goal.id}/submit`, { as: h.org.alice });

    const stale = await invoke(h.org.manager, "goal.approve", buildActionData(oldCard, "goal.approve"));
    expect(readCardText(stale.value)).toContain("This goal changed since this card was sent");
    expect(readCardText(stale.value)).toContain("Cut checkout time for every customer");
    expect((await h.request("GET", `/api/goals/${goal.id}`, { as: h.org.alice })).body.status).toBe("pending_approval");
    const approved = await invoke(h.org.manager, "goal.approve", buildActionData(stale.value, "goal.approve"));
    expect(readCardText(approved.value)).toContain("Approved");
    expect(await countHistory(goal.id, "approved")).toBe(1);
  });
});

describe("idempotency", () => {
  test("a replayed invoke applies once: one state change, one audit entry, one notification", async () => {
    const goal = await submitGoal();
    const card = await openAsApprover(goal.id);
    const activity = buildInvoke(h, h.org.manager, "goal.approve", buildActionData(card, "goal.approve"));
    const first = await h.postActivity(activity);
    const replay = await h.postActivity(activity);
    expect(readCardText(first.body.value)).toContain("Approved");
    expect(replay.body).toEqual(first.body);
    expect(await countHistory(goal.id, "approved")).toBe(1);
    expect(callsTo(h.fake, h.org.alice, "create").filter((call) => JSON.stringify(cardOf(call)).includes(goal.id))).toHaveLength(1);
  });

  test("concurrent duplicate invokes, and the API at the same time, apply once", async () => {
    const goal = await submitGoal();
    const card = await openAsApprover(goal.id);
    const data = buildActionData(card, "goal.approve");
    const invokes = Array.from({ length: 6 }, () => h.postActivity(buildInvoke(h, h.org.manager, "goal.approve", data)));
    const viaApi = h.request("POST", `/api/goals/${goal.id}/decision`, { as: h.org.manager, body: { decision: "approve" } });
    const responses = await Promise.all(invokes);
    expect((await viaApi).status).toBe(200);
    for (const response of responses) {
      expect(response.status).toBe(200);
      expect(readCardText(response.body.value)).toContain("Approved");
    }
    expect(await countHistory(goal.id, "approved")).toBe(1);
    const toOwner = callsTo(h.fake, h.org.alice, "create").filter((call) => JSON.stringify(cardOf(call)).includes(goal.id));
    const updates = callsTo(h.fake, h.org.manager, "update").filter((call) => JSON.stringify(cardOf(call)).includes(goal.id));
    expect(toOwner).toHaveLength(1);
    expect(updates).toHaveLength(1);
  });

  test("a decision made through the API updates the chat card; the card then shows it", async () => {
    const goal = await submitGoal();
    const card = await openAsApprover(goal.id);
    const rejected = await h.request("POST", `/api/goals/${goal.id}/decision`, { as: h.org.manager, body: { decision: "reject", comment: "Not this quarter" } });
    expect(rejected.body.status).toBe("rejected");
    expect(readCardText(chatCardFor(h.org.manager, goal.id))).toContain("Rejected");
    const late = await invoke(h.org.manager, "goal.approve", buildActionData(card, "goal.approve"));
    expect(readCardText(late.value)).toContain("Rejected");
    expect(readCardText(late.value)).toContain("Not this quarter");
    expect(await countHistory(goal.id, "approved")).toBe(0);
  });
});

describe("older clients and reorganisations", () => {
  test("the Action.Submit fallback of an older client decides the same way and answers in chat", async () => {
    const goal = await submitGoal();
    const card = await openAsApprover(goal.id);
    const fallback = findExecuteAction(card, "goal.approve")!.fallback;
    expect(fallback).toMatchObject({ type: "Action.Submit", data: { verb: "goal.approve" } });
    const response = await h.postActivity(buildActivity(h, h.org.manager, { type: "message", value: fallback.data }));
    expect(response.status).toBe(200);
    expect((await h.request("GET", `/api/goals/${goal.id}`, { as: h.org.alice })).body.status).toBe("active");
    expect(await countHistory(goal.id, "approved")).toBe(1);
    const reply = callsTo(h.fake, h.org.manager, "create").filter((call) => JSON.stringify(cardOf(call)).includes(goal.id)).at(-1);
    expect(readCardText(cardOf(reply))).toContain("Approved");
  });

  test("when the owner changes manager, the old card stops offering buttons and the new manager gets the request", async () => {
    const goal = await submitGoal(h.org.bob);
    await h.services.directory.upsertPeople(h.tenantId, [{ ...h.org.bob, managerId: h.org.vp.id }]);
    expect(await rerouteApprovals(h.services.goalDeps, h.tenantId, h.org.bob.id, "Bob moved to Victor's team.")).toBe(1);

    const oldCard = chatCardFor(h.org.manager, goal.id);
    expect(hasDecisionButtons(oldCard)).toBe(false);
    expect(readCardText(oldCard)).toContain("Waiting for Victor VP to decide");
    const late = await invoke(h.org.manager, "goal.approve", { goalId: goal.id, version: goal.etag });
    expect(hasDecisionButtons(late.value)).toBe(false);
    const inbox = await h.request("GET", "/api/approvals", { as: h.org.vp });
    expect(inbox.body.items.find((item: any) => item.goalId === goal.id)).toMatchObject({ delivery: "waiting" });
    expect(await countHistory(goal.id, "approved")).toBe(0);
  });
});
