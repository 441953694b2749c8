/** Typed commands through /api/messages, as Teams sends them in a personal chat and as an @mention
 * in a team channel, and as the local chat panel sends them in local development. */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { collectCardWarnings } from "../support/card-validate.js";
import { startCascade, type RunningCascade } from "../../functions/dev/start-cascade.js";
import type { Person } from "../../functions/src/domain/types.js";
import { buildCycle, buildGoalBody } from "../support/api-harness.js";
import { buildActivity, buildInstall, buildInvoke, callsTo, cardOf, conversationOf, startBotHarness, type BotHarness } from "../support/bot-harness.js";
import type { ConnectorCall } from "../support/bot-framework-fake.js";
import { buildActionData, findExecuteAction, hasDecisionButtons, readCardText } from "../support/card-inspect.js";
import { buildSmallOrg } from "../support/org-builder.js";

const TEAMS_APP_ID = "44444444-4444-4444-8444-444444444444";
const CHANNEL = "19:goals-review@thread.tacv2";

let h: BotHarness;
let pendingGoalId: string;

beforeAll(async () => {
  h = await startBotHarness(inject("azuriteConnectionString"), { TEAMS_APP_ID });
  for (const person of [h.org.manager, h.org.alice]) expect((await h.postActivity(buildInstall(h, person))).status).toBe(200);
  const parent = await h.request("POST", "/api/goals", { as: h.org.manager, body: buildGoalBody({ title: "Make checkout the fastest in the market" }) });
  const pending = await h.request("POST", "/api/goals", { as: h.org.alice, body: buildGoalBody({ parentId: parent.body.id, title: "Cut checkout time in half" }) });
  pendingGoalId = pending.body.id;
  expect((await h.request("POST", `/api/goals/${pendingGoalId}/submit`, { as: h.org.alice })).body.status).toBe("pending_approval");
  await h.request("POST", "/api/goals", { as: h.org.alice, body: buildGoalBody({ parentId: parent.body.id, title: "Private stretch goal", visibility: "private" }) });
});
afterAll(async () => h?.stop());

function buildMessage(person: Person, text: string, fields: Record<string, unknown> = {}) {
  return buildActivity(h, person, { type: "message", text, ...fields });
}

/** A channel message that @mentions the bot, as Teams sends it. */
function buildChannelMention(person: Person, text: string) {
  return buildMessage(person, `<at>Cascade</at> ${text}`, {
    conversation: { id: `${CHANNEL};messageid=${randomUUID()}`, conversationType: "channel", isGroup: true, tenantId: h.tenantId },
    channelData: { tenant: { id: h.tenantId }, teamsChannelId: CHANNEL, teamsTeamId: "19:team@thread.tacv2" },
    entities: [{ type: "mention", text: "<at>Cascade</at>", mentioned: { id: `28:${h.fake.botId}`, name: "Cascade" } }],
  });
}

/** Sends the message and returns the cards the bot sent because of it, in order. */
async function send(activity: Record<string, unknown>): Promise<ConnectorCall[]> {
  const before = h.fake.calls.length;
  const response = await h.postActivity(activity);
  expect(response.status).toBe(200);
  return h.fake.calls.slice(before);
}

function expectValidCard(card: unknown) {
  expect(card).toMatchObject({ type: "AdaptiveCard" });
  expect(collectCardWarnings(card as never)).toEqual([]);
}

function openUrlOf(card: any, title: string): string {
  return card.actions.find((action: any) => action.type === "Action.OpenUrl" && action.title === title).url;
}

describe("in a personal chat", () => {
  test('"my goals" answers with the current cycle\'s goals, status and progress, and a deep link to the tab', async () => {
    const [reply, ...rest] = await send(buildMessage(h.org.alice, "My goals"));
    expect(rest).toEqual([]);
    expect(reply).toMatchObject({ kind: "create", conversationId: conversationOf(h.org.alice) });
    const card = cardOf(reply);
    expectValidCard(card);
    const text = readCardText(card);
    expect(text).toContain("Your goals: Q1 2027");
    expect(text).toContain("Cut checkout time in half");
    expect(text).toContain("Private stretch goal");
    expect(text).toContain("Waiting for approval");
    expect(text).toContain("0%");
    const link = new URL(openUrlOf(card, "Open my goals"));
    expect(`${link.origin}${link.pathname}`).toBe(`https://teams.microsoft.com/l/entity/${TEAMS_APP_ID}/mine`);
    expect(link.searchParams.get("webUrl")).toMatch(/\/\?view=my-goals$/);
  });

  test('"pending approvals" lists the approvals inbox, and each item opens its approval card', async () => {
    const [reply] = await send(buildMessage(h.org.manager, "  pending approvals "));
    const card = cardOf(reply);
    expectValidCard(card);
    const inbox = await h.request("GET", "/api/approvals", { as: h.org.manager });
    expect(inbox.body.items.map((item: any) => item.goalId)).toEqual([pendingGoalId]);
    expect(readCardText(card)).toContain("1 goal waits for your approval");
    expect(readCardText(card)).toContain("Alice Author");
    expect(openUrlOf(card, "Review in Cascade")).toContain(`/l/entity/${TEAMS_APP_ID}/approvals`);

    const open = findExecuteAction(card, "goal.refresh");
    expect(open).toMatchObject({ title: "Open approval card", data: { goalId: pendingGoalId } });
    const opened = await h.postActivity(buildInvoke(h, h.org.manager, "goal.refresh", buildActionData(card, "goal.refresh")));
    expect(opened.body.type).toBe("application/vnd.microsoft.card.adaptive");
    expect(hasDecisionButtons(opened.body.value)).toBe(true);
    expect(readCardText(opened.body.value)).toContain("Cut checkout time in half");
  });

  test("a person with nothing to approve is told so", async () => {
    const [reply] = await send(buildMessage(h.org.alice, "pending approvals"));
    expect(readCardText(cardOf(reply))).toContain("Nothing waiting for you");
  });

  test.each([["help"], ["HELP?"], ["what can you do"], [""]])("%j gets the help card", async (text) => {
    const [reply] = await send(buildMessage(h.org.alice, text));
    const card = cardOf(reply);
    expectValidCard(card);
    expect(readCardText(card)).toContain("What I can do");
    expect(card.actions.map((action: any) => action.title)).toEqual(["My goals", "Pending approvals", "Open Cascade"]);
  });

  test("a help-card button posts the command back as a typed message, and gets its answer", async () => {
    const [help] = await send(buildMessage(h.org.alice, "help"));
    const button = cardOf(help).actions.find((action: any) => action.title === "My goals");
    const [reply] = await send(buildMessage(h.org.alice, button.data.msteams.value));
    expect(readCardText(cardOf(reply))).toContain("Your goals: Q1 2027");
  });
});

describe("with an @mention in a team channel", () => {
  test('"my goals" goes to the personal chat, and the channel only hears where it went', async () => {
    const calls = await send(buildChannelMention(h.org.alice, "my goals"));
    expect(calls).toHaveLength(2);
    const [privately, inChannel] = calls;
    expect(privately!.conversationId).toBe(conversationOf(h.org.alice));
    expect(readCardText(cardOf(privately))).toContain("Cut checkout time in half");
    expect(inChannel!.conversationId).toMatch(new RegExp(`^${CHANNEL};messageid=`));
    expect(inChannel!.activity).toMatchObject({ conversation: { conversationType: "channel" } });
    expect(readCardText(cardOf(inChannel))).toContain("I sent them to our personal chat");
    expect(JSON.stringify(cardOf(inChannel))).not.toContain("Cut checkout time");
  });

  test('"pending approvals" reaches the approver privately', async () => {
    const [privately, inChannel] = await send(buildChannelMention(h.org.manager, "Pending approvals!"));
    expect(privately!.conversationId).toBe(conversationOf(h.org.manager));
    expect(findExecuteAction(cardOf(privately), "goal.refresh")?.data).toEqual({ goalId: pendingGoalId });
    expect(JSON.stringify(cardOf(inChannel))).not.toContain("Cut checkout time");
  });

  test("someone without a personal chat yet is told where to ask, and nothing private is posted", async () => {
    const calls = await send(buildChannelMention(h.org.bob, "my goals"));
    expect(calls).toHaveLength(1);
    expect(calls[0]!.conversationId).toMatch(new RegExp(`^${CHANNEL}`));
    expect(readCardText(cardOf(calls[0]))).toContain("only in our personal chat");
    expect(callsTo(h.fake, h.org.bob)).toEqual([]);
  });

  test("help is answered in the channel", async () => {
    const calls = await send(buildChannelMention(h.org.alice, "help"));
    expect(calls).toHaveLength(1);
    expect(calls[0]!.conversationId).toMatch(new RegExp(`^${CHANNEL}`));
    expect(readCardText(cardOf(calls[0]))).toContain("What I can do");
  });
});

describe("someone Cascade does not know", () => {
  test("a person missing from the directory gets a friendly message, nothing else", async () => {
    const stranger = { ...h.org.alice, id: randomUUID(), displayName: "Sam Stranger" };
    const calls = await send(buildMessage(stranger, "my goals"));
    expect(calls).toHaveLength(1);
    expect(calls[0]!.conversationId).toBe(conversationOf(stranger));
    expect(readCardText(cardOf(calls[0]))).toContain("I don't know you yet");
  });

  test("a person named only by name, without an Entra id, is not looked up by it", async () => {
    const activity = buildMessage(h.org.alice, "my goals");
    const calls = await send({ ...activity, from: { id: "29:anonymous", name: h.org.alice.displayName } });
    expect(calls).toHaveLength(1);
    expect(readCardText(cardOf(calls[0]))).toContain("I don't know you yet");
  });

  test("a person from an organisation this deployment does not serve learns nothing of this one", async () => {
    const foreignTenant = randomUUID();
    const activity = buildMessage(h.org.manager, "pending approvals");
    const calls = await send({ ...activity, conversation: { id: "a:foreign", conversationType: "personal", tenantId: foreignTenant }, channelData: { tenant: { id: foreignTenant } } });
    expect(calls).toHaveLength(1);
    expect(readCardText(cardOf(calls[0]))).toContain("I don't know you yet");
    expect(JSON.stringify(cardOf(calls[0]))).not.toContain("Cut checkout time");
  });
});

describe("in the local chat panel", () => {
  let cascade: RunningCascade;
  let tenantId: string;
  const org = buildSmallOrg();

  beforeAll(async () => {
    cascade = await startCascade({ env: { AUTH_MODE: "dev", STORAGE_CONNECTION_STRING: inject("azuriteConnectionString"), LOG_LEVEL: "error" }, port: 0, isSeeded: false });
    tenantId = cascade.services.dev!.tenantId;
    await cascade.services.directory.upsertPeople(tenantId, org.all);
    await cascade.services.goalDeps.cycles.saveCycle(buildCycle(tenantId));
  });
  afterAll(async () => cascade?.stop());

  async function call(method: string, path: string, person: Person, body?: unknown) {
    const { token } = await cascade.services.dev!.issuer.mint({ tenantId, userId: person.id, name: person.displayName, roles: [] });
    const headers = { "content-type": "application/json", authorization: `Bearer ${token}` };
    const response = await fetch(`${cascade.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: response.status, body: await response.json() };
  }

  /** What the panel's text box posts: a message activity from the signed-in person. */
  function buildLocalMessage(person: Person, text: string) {
    return {
      type: "message",
      id: randomUUID(),
      channelId: "msteams",
      text,
      from: { id: `29:${person.id}`, name: person.displayName, aadObjectId: person.id },
      recipient: { id: "28:cascade-local", name: "Cascade" },
      conversation: { id: `local:${person.id}`, conversationType: "personal", tenantId },
    };
  }

  test("a typed command is answered in the person's inbox, with web links to the tab", async () => {
    await call("POST", "/api/goals", org.bob, buildGoalBody({ title: "Answer every refund within a day" }));
    expect((await call("POST", "/api/messages", org.bob, buildLocalMessage(org.bob, "my goals"))).status).toBe(200);
    const inbox = await call("GET", "/api/dev/inbox", org.bob);
    const card = inbox.body.at(-1).card;
    expect(readCardText(card)).toContain("Answer every refund within a day");
    expect(openUrlOf(card, "Open my goals")).toMatch(/^http:\/\/localhost:\d+\/\?view=my-goals$/);
  });

  test("the sender must be the signed-in person", async () => {
    expect((await call("POST", "/api/messages", org.bob, buildLocalMessage(org.alice, "my goals"))).status).toBe(403);
    expect((await call("GET", "/api/dev/inbox", org.alice)).body).toEqual([]);
  });
});
