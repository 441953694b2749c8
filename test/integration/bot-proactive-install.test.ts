/** The optional proactive install, end to end: the admin setting, Microsoft Graph (loopback fake, with
 * tokens from the Entra fake) installing Cascade for a manager who never added it, Teams' install
 * announcement on /api/messages, and the waiting approval card arriving in the new chat. Also: the
 * setting off means no Graph call; a missing permission (403) tells the admin and leaves the card
 * waiting in the tab; an app installed already (409) is found through its chat. */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { buildReminderCard, createCardIntl } from "../../cards/src/index.js";
import type { Person } from "../../functions/src/domain/types.js";
import { createAppInstallStore } from "../../functions/src/store/app-install-store.js";
import { INSTALL_SELF_PERMISSION } from "../fakes/fake-graph-installs.js";
import { startFakeEntra, type FakeEntra } from "../fakes/fake-entra.js";
import { startFakeGraph, type FakeGraph } from "../fakes/fake-graph.js";
import { buildGoalBody } from "../support/api-harness.js";
import { buildActivity, buildInstall, callsTo, cardOf, startBotHarness, type BotHarness } from "../support/bot-harness.js";

interface InstallWorld {
  h: BotHarness;
  graph: FakeGraph;
  entra: FakeEntra;
  teamsAppId: string;
}

/** A Cascade deployment whose app registration was granted `roles` in a tenant Graph knows. */
async function startInstallWorld(roles: string[]): Promise<InstallWorld> {
  const entra = await startFakeEntra();
  const tenantId = randomUUID();
  const graph = await startFakeGraph({ tenantId, users: [], verifyKey: entra.verifyKey });
  const teamsAppId = randomUUID();
  const secret = randomUUID();
  const env = { TEAMS_APP_ID: teamsAppId, AAD_APP_CLIENT_SECRET: secret, ENTRA_AUTHORITY_HOST: entra.url, GRAPH_BASE_URL: graph.url };
  const h = await startBotHarness(inject("azuriteConnectionString"), env, { tenantId });
  const clientId = h.services.config.entra.clientId;
  for (const person of h.org.all) graph.state.addUser({ id: person.id, displayName: person.displayName, mail: person.mail, userPrincipalName: person.mail ?? person.id, jobTitle: person.jobTitle, department: person.department, accountEnabled: true, managerId: person.managerId });
  entra.registerClient(tenantId, clientId, secret, roles);
  graph.apps.addCatalogApp({ id: teamsAppId, externalId: randomUUID(), displayName: "Cascade", clientId, botId: h.fake.botId });
  return { h, graph, entra, teamsAppId };
}

async function stopInstallWorld(world: InstallWorld | undefined): Promise<void> {
  if (!world) return;
  await world.h.services.bot.appInstalls.whenIdle();
  await world.h.stop();
  await Promise.all([world.graph.close(), world.entra.close()]);
}

const asAdmin = (w: InstallWorld) => ({ as: w.h.org.outsider, roles: ["Cascade.Admin"] });

async function setInstallSetting(w: InstallWorld, isOn: boolean) {
  const current = await w.h.request("GET", "/api/admin/settings", asAdmin(w));
  const body = { isApprovalRequired: true, organisationGoalOwnerIds: [], isProactiveInstallEnabled: isOn, reminders: {} };
  const saved = await w.h.request("PUT", "/api/admin/settings", { ...asAdmin(w), headers: { "if-match": current.headers.get("etag")! }, body });
  expect(saved.status).toBe(200);
  return saved.body;
}

/** Submits a goal of `owner` aligned to `parentId`; the request's own answer, whatever Graph does. */
async function submitGoal(w: InstallWorld, owner: Person, parentId: string | null, title: string) {
  const created = await w.h.request("POST", "/api/goals", { as: owner, body: buildGoalBody({ parentId, title }) });
  expect(created.status).toBe(201);
  const submitted = await w.h.request("POST", `/api/goals/${created.body.id}/submit`, { as: owner });
  expect(submitted.status).toBe(200);
  expect(submitted.body.status).toBe("pending_approval");
  return submitted.body;
}

async function inboxItem(w: InstallWorld, approver: Person, goalId: string) {
  const inbox = await w.h.request("GET", "/api/approvals", { as: approver });
  return inbox.body.items.find((item: any) => item.goalId === goalId);
}

const graphCallsFor = (w: InstallWorld, person: Person) => w.graph.apps.calls.filter((call) => call.userId === person.id).map((call) => `${call.method} ${call.status}`);
const cardsAbout = (w: InstallWorld, person: Person, goalId: string) => callsTo(w.h.fake, person, "create").filter((call) => JSON.stringify(cardOf(call)).includes(goalId));

describe("with the permission granted", () => {
  let w: InstallWorld;
  const parents: Record<string, string> = {};

  beforeAll(async () => {
    w = await startInstallWorld(["User.Read.All", INSTALL_SELF_PERMISSION]);
    const { ceo, vp, manager } = w.h.org;
    parents["ceo"] = (await w.h.request("POST", "/api/goals", { as: ceo, body: buildGoalBody({ title: "Be the shop customers recommend" }) })).body.id;
    parents["vp"] = (await w.h.request("POST", "/api/goals", { as: vp, body: buildGoalBody({ title: "Grow online revenue in every market" }) })).body.id;
    parents["manager"] = (await w.h.request("POST", "/api/goals", { as: manager, body: buildGoalBody({ parentId: parents["vp"], title: "Make checkout the fastest in the market" }) })).body.id;
  });
  afterAll(async () => stopInstallWorld(w));

  test("with the setting off (the default) Graph is never called; the card waits in the Approvals inbox", async () => {
    const settings = await w.h.request("GET", "/api/admin/settings", asAdmin(w));
    expect(settings.body).toMatchObject({ isProactiveInstallEnabled: false, appInstall: { isAvailable: true, unavailableReason: null, lastProblem: null } });
    const goal = await submitGoal(w, w.h.org.manager, parents["vp"]!, "Ship one-click checkout");
    await w.h.services.bot.appInstalls.whenIdle();
    expect(w.graph.apps.calls).toEqual([]);
    expect(await inboxItem(w, w.h.org.vp, goal.id)).toMatchObject({ delivery: "waiting" });
  });

  test("with it on, the manager gets the app through Graph and the approval card once Teams announces the install", async () => {
    expect(await setInstallSetting(w, true)).toMatchObject({ isProactiveInstallEnabled: true });
    const { alice, bob, manager } = w.h.org;
    // Graph throttles the install for 2 s: the submission does not wait for it.
    w.graph.faults.push({ route: "installedApps", status: 429, retryAfter: "2", times: 1 });
    const started = performance.now();
    const goal = await submitGoal(w, alice, parents["manager"]!, "Cut checkout time for customers");
    expect(performance.now() - started).toBeLessThan(1500);
    await w.h.services.bot.appInstalls.whenIdle();
    expect(w.graph.requests.filter((r) => r.route === "installedApps").map((r) => r.status)).toEqual([429, 201]);
    expect(graphCallsFor(w, manager)).toEqual(["POST 201"]);
    expect(w.graph.apps.findInstall(manager.id, w.teamsAppId)).toBeDefined();
    expect(cardsAbout(w, manager, goal.id)).toEqual([]);
    expect(await inboxItem(w, manager, goal.id)).toMatchObject({ delivery: "waiting" });

    expect((await w.h.postActivity(buildInstall(w.h, manager))).status).toBe(200);
    expect(cardsAbout(w, manager, goal.id)).toHaveLength(1);
    expect(await inboxItem(w, manager, goal.id)).toMatchObject({ delivery: "sent" });
    expect((await createAppInstallStore(w.h.services.tables).getAttempt(w.h.tenantId, manager.id))?.value.state).toBe("installed");

    const next = await submitGoal(w, bob, parents["manager"]!, "Halve failed payments");
    await w.h.services.bot.appInstalls.whenIdle();
    expect(cardsAbout(w, manager, next.id)).toHaveLength(1);
    expect(graphCallsFor(w, manager)).toEqual(["POST 201"]);
  });

  test("a reminder for someone without a chat waits for the install and arrives with it", async () => {
    const { bob } = w.h.org;
    const card = buildReminderCard({ personName: bob.displayName, goals: [], goalsUrl: "https://cascade.example.test/" }, createCardIntl("en"));
    expect(await w.h.services.bot.sendCard(w.h.tenantId, bob.id, card)).toBe(false);
    await w.h.services.bot.appInstalls.whenIdle();
    expect(graphCallsFor(w, bob)).toEqual(["POST 201"]);
    expect(callsTo(w.h.fake, bob)).toEqual([]);
    expect((await w.h.postActivity(buildInstall(w.h, bob))).status).toBe(200);
    expect(callsTo(w.h.fake, bob, "create").map((call) => cardOf(call))).toEqual([card]);

    // Bob removes the app: the next card does not bring it back.
    expect((await w.h.postActivity(buildActivity(w.h, bob, { type: "installationUpdate", action: "remove" }))).status).toBe(200);
    expect(await w.h.services.bot.sendCard(w.h.tenantId, bob.id, card)).toBe(false);
    await w.h.services.bot.appInstalls.whenIdle();
    expect(graphCallsFor(w, bob)).toEqual(["POST 201"]);
  });

  test("an app installed already (409) is found through Graph, and the card goes to that chat", async () => {
    const { ceo, outsider } = w.h.org;
    const existing = w.graph.apps.install(ceo.id, w.teamsAppId);
    const goal = await submitGoal(w, outsider, parents["ceo"]!, "Open two new sales regions");
    await w.h.services.bot.appInstalls.whenIdle();
    expect(graphCallsFor(w, ceo)).toEqual(["POST 409", "GET 200", "GET 200"]);
    const delivered = w.h.fake.calls.filter((call) => call.conversationId === existing.chatId && JSON.stringify(cardOf(call)).includes(goal.id));
    expect(delivered).toHaveLength(1);
    expect(await inboxItem(w, ceo, goal.id)).toMatchObject({ delivery: "sent" });
  });
});

describe("without the Graph permission", () => {
  let w: InstallWorld;
  let managerGoalId: string;

  beforeAll(async () => {
    w = await startInstallWorld(["User.Read.All"]);
    await setInstallSetting(w, true);
    managerGoalId = (await w.h.request("POST", "/api/goals", { as: w.h.org.manager, body: buildGoalBody({ title: "Make checkout the fastest in the market" }) })).body.id;
  });
  afterAll(async () => stopInstallWorld(w));

  test("a 403 leaves the card waiting in the inbox and tells the admin which permission to grant, once", async () => {
    const { alice, bob, manager } = w.h.org;
    const goal = await submitGoal(w, alice, managerGoalId, "Cut checkout time for customers");
    await w.h.services.bot.appInstalls.whenIdle();
    expect(graphCallsFor(w, manager)).toEqual(["POST 403"]);
    expect(callsTo(w.h.fake, manager)).toEqual([]);
    expect(await inboxItem(w, manager, goal.id)).toMatchObject({ delivery: "waiting" });

    const log = await w.h.request("GET", "/api/admin/log", asAdmin(w));
    const notices = log.body.items.filter((entry: any) => entry.action === "app_install_failed");
    expect(notices).toHaveLength(1);
    expect(notices[0].details).toMatchObject({ status: 403, reason: "forbidden", permission: INSTALL_SELF_PERMISSION });
    expect(notices[0].details.fix).toMatch(/TeamsAppInstallation\.ReadWriteSelfForUser\.All.*admin consent/);
    expect(JSON.stringify(notices[0])).not.toContain(manager.id);

    const settings = await w.h.request("GET", "/api/admin/settings", asAdmin(w));
    expect(settings.body.appInstall.lastProblem).toMatchObject({ reason: "forbidden", status: 403 });

    const next = await submitGoal(w, bob, managerGoalId, "Halve failed payments");
    await w.h.services.bot.appInstalls.whenIdle();
    expect(w.graph.apps.calls).toHaveLength(1);
    expect(await inboxItem(w, manager, next.id)).toMatchObject({ delivery: "waiting" });
    expect((await w.h.request("GET", "/api/admin/log", asAdmin(w))).body.items.filter((entry: any) => entry.action === "app_install_failed")).toHaveLength(1);
  });
});
