/** The bot endpoint's trust boundary, and approvals that wait for an approver without a chat. */
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { collectCardWarnings } from "../support/card-validate.js";
import { createDevIssuer } from "../../functions/src/auth/dev-issuer.js";
import { createConversationStore } from "../../functions/src/store/conversation-store.js";
import { buildGoalBody } from "../support/api-harness.js";
import { buildActivity, buildInstall, buildInvoke, callsTo, cardOf, startBotHarness, type BotHarness } from "../support/bot-harness.js";
import { buildActionData, hasDecisionButtons, readCardText } from "../support/card-inspect.js";

let h: BotHarness;
let vpGoalId: string;

beforeAll(async () => {
  h = await startBotHarness(inject("azuriteConnectionString"));
  const vpGoal = await h.request("POST", "/api/goals", { as: h.org.vp, body: buildGoalBody({ title: "Grow online revenue in every market" }) });
  vpGoalId = vpGoal.body.id;
});
afterAll(async () => h?.stop());

/** A goal of the manager's, so the VP (who never installed the app) is the approver. */
async function submitManagerGoal(title: string) {
  const created = await h.request("POST", "/api/goals", { as: h.org.manager, body: buildGoalBody({ parentId: vpGoalId, title }) });
  return (await h.request("POST", `/api/goals/${created.body.id}/submit`, { as: h.org.manager })).body;
}

describe("Bot Framework tokens", () => {
  const rejectedTokens: Array<[string, () => Promise<string | null>]> = [
    ["no token", async () => null],
    ["a token for another bot", async () => `Bearer ${await h.fake.mintServiceToken({ audience: "another-bot" })}`],
    ["a token signed with an unknown key", async () => `Bearer ${await h.fake.mintServiceToken({ isSignedByStranger: true })}`],
    ["a token from another issuer", async () => `Bearer ${await h.fake.mintServiceToken({ issuer: "https://login.example.test" })}`],
    ["an expired token", async () => `Bearer ${await h.fake.mintServiceToken({ expiresInSeconds: -600 })}`],
    ["a token for another service URL", async () => `Bearer ${await h.fake.mintServiceToken({ serviceUrl: "https://smba.example.test/teams" })}`],
  ];

  test.each(rejectedTokens)("%s is refused with 401 and nothing is stored", async (_name, makeToken) => {
    const response = await h.postActivity(buildInstall(h, h.org.ceo), await makeToken());
    expect(response.status).toBe(401);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
    expect(await createConversationStore(h.services.tables).getConversation(h.tenantId, h.org.ceo.id)).toBeNull();
  });

  test("a local development token is refused outside local development", async () => {
    const issuer = await createDevIssuer();
    const { token } = await issuer.mint({ tenantId: h.tenantId, userId: h.org.alice.id, name: "Alice", roles: [] });
    const response = await h.postActivity(buildInstall(h, h.org.alice), `Bearer ${token}`);
    expect(response.status).toBe(401);
    expect(await createConversationStore(h.services.tables).getConversation(h.tenantId, h.org.alice.id)).toBeNull();
  });

  test("malformed activities are 4xx problems, never 500", async () => {
    const notJson = await fetch(`${h.url}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: "{" });
    expect(notJson.status).toBe(400);
    const noSender = await h.postActivity({ type: "message", text: "hi" });
    expect(noSender.status).toBe(400);
  });

  test("an activity from a tenant this deployment does not serve gets an error card response", async () => {
    const activity = buildInvoke(h, h.org.manager, "goal.refresh", { goalId: vpGoalId, version: "x" });
    const foreign = { ...activity, conversation: { id: "a:foreign", conversationType: "personal", tenantId: "00000000-0000-4000-8000-0000000000ff" }, channelData: {} };
    const response = await h.postActivity(foreign);
    expect(response.body).toMatchObject({ statusCode: 400, type: "application/vnd.microsoft.error" });
  });
});

describe("an approver without a chat", () => {
  test("the card waits in the Approvals inbox, arrives on install, and the tab acts through the same handler", async () => {
    const goal = await submitManagerGoal("Ship one-click checkout in every market");
    expect(callsTo(h.fake, h.org.vp)).toHaveLength(0);

    const inbox = await h.request("GET", "/api/approvals", { as: h.org.vp });
    const item = inbox.body.items.find((entry: any) => entry.goalId === goal.id);
    expect(item).toMatchObject({ ownerName: "Maya Manager", delivery: "waiting", isReapproval: false });
    expect(hasDecisionButtons(item.card)).toBe(true);
    expect(collectCardWarnings(item.card)).toEqual([]);
    expect((await h.request("GET", "/api/approvals", { as: h.org.manager })).body.items.map((entry: any) => entry.goalId)).not.toContain(goal.id);

    expect((await h.postActivity(buildInstall(h, h.org.vp))).status).toBe(200);
    const delivered = callsTo(h.fake, h.org.vp, "create");
    expect(delivered).toHaveLength(1);
    expect(readCardText(cardOf(delivered[0]))).toContain("Waiting for Victor VP to decide");
    expect((await h.request("GET", "/api/approvals", { as: h.org.vp })).body.items.find((entry: any) => entry.goalId === goal.id).delivery).toBe("sent");

    const action = { verb: "goal.approve", data: buildActionData(item.card, "goal.approve") };
    const byOther = await h.request("POST", "/api/card-actions", { as: h.org.ceo, body: action });
    expect(hasDecisionButtons(byOther.body.value)).toBe(false);
    const decided = await h.request("POST", "/api/card-actions", { as: h.org.vp, body: action });
    expect(decided.body).toMatchObject({ statusCode: 200, type: "application/vnd.microsoft.card.adaptive" });
    expect(readCardText(decided.body.value)).toContain("Approved");
    expect((await h.request("GET", `/api/goals/${goal.id}`, { as: h.org.manager })).body.status).toBe("active");
    expect(readCardText(cardOf(callsTo(h.fake, h.org.vp, "update")[0]))).toContain("Approved");
    expect((await h.request("GET", "/api/approvals", { as: h.org.vp })).body.items.map((entry: any) => entry.goalId)).not.toContain(goal.id);
  });

  test("installing twice at once (Teams sends two activities) delivers a waiting card once", async () => {
    const approver = h.org.ceo;
    const ceoGoal = await h.request("POST", "/api/goals", { as: approver, body: buildGoalBody({ title: "Be the most loved checkout in Europe", isTopLevel: true }) });
    const vpGoal = await h.request("POST", "/api/goals", { as: h.org.vp, body: buildGoalBody({ title: "Win the mid-market in Europe", parentId: ceoGoal.body.id }) });
    expect((await h.request("POST", `/api/goals/${vpGoal.body.id}/submit`, { as: h.org.vp })).body.status).toBe("pending_approval");
    const update = buildActivity(h, approver, { type: "conversationUpdate", membersAdded: [{ id: `28:${h.fake.botId}` }] });
    await Promise.all([h.postActivity(buildInstall(h, approver)), h.postActivity(update)]);
    const sent = callsTo(h.fake, approver, "create").filter((call) => JSON.stringify(cardOf(call)).includes(vpGoal.body.id));
    expect(sent).toHaveLength(1);
  });

  test("the card actions route refuses unknown verbs and bodies", async () => {
    const unknown = await h.request("POST", "/api/card-actions", { as: h.org.vp, body: { verb: "goal.delete", data: {} } });
    expect(unknown.status).toBe(400);
    const anonymous = await h.request("POST", "/api/card-actions", { body: { verb: "goal.approve", data: {} } });
    expect(anonymous.status).toBe(401);
  });
});
