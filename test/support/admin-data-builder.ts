/** A tenant with data of every kind around one person (the manager): goals, approvals, check-ins,
 * kudos, comments, chat registration and cards, reminder state, directory changes waiting, admin
 * activity. Export and erasure tests start from it. */
import { createCardStore } from "../../functions/src/store/card-store.js";
import { createConversationStore } from "../../functions/src/store/conversation-store.js";
import { createSyncStateStore } from "../../functions/src/store/sync-state-store.js";
import { buildGoalBody, type ApiHarness } from "./api-harness.js";

export interface SeededTenant {
  adminToken: string;
  goals: { ceo: string; vp: string; manager: string; alice: string; bob: string };
}

async function expectOk<T>(response: Promise<{ status: number; body: T }>, status = 200): Promise<T> {
  const res = await response;
  if (res.status !== status) throw new Error(`Expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function seedTenantAroundManager(api: ApiHarness): Promise<SeededTenant> {
  const { ceo, vp, manager, alice, bob } = api.org;
  const adminToken = await api.tokenFor(api.org.outsider, { roles: ["Cascade.Admin"] });
  const managerAdmin = { authorization: `Bearer ${await api.tokenFor(manager, { roles: ["Cascade.Admin"] })}` };
  const settings = await api.request("GET", "/api/admin/settings", { headers: managerAdmin });
  await expectOk(api.request("PUT", "/api/admin/settings", { headers: { ...managerAdmin, "if-match": settings.headers.get("etag")! }, body: { isApprovalRequired: true, organisationGoalOwnerIds: [manager.id, ceo.id], reminders: { hour: 8 } } }));

  const create = async (owner: typeof ceo, overrides: Record<string, unknown>) => (await expectOk(api.request("POST", "/api/goals", { as: owner, body: buildGoalBody(overrides) }), 201)) as { id: string; keyResults: Array<{ id: string }> };
  const submit = (owner: typeof ceo, id: string) => expectOk(api.request("POST", `/api/goals/${id}/submit`, { as: owner }));
  const approve = (approver: typeof ceo, id: string, comment: string) => expectOk(api.request("POST", `/api/goals/${id}/decision`, { as: approver, body: { decision: "approve", comment } }));

  const ceoGoal = await create(ceo, { title: "Grow revenue across the company", isTopLevel: true });
  await submit(ceo, ceoGoal.id);
  const vpGoal = await create(vp, { title: "Ship the platform on time", parentId: ceoGoal.id });
  await submit(vp, vpGoal.id);
  await approve(ceo, vpGoal.id, "Good.");
  const managerGoal = await create(manager, { title: "Make checkout faster for customers", parentId: vpGoal.id });
  await submit(manager, managerGoal.id);
  await approve(vp, managerGoal.id, "Agreed, go ahead.");
  const aliceGoal = await create(alice, { title: "Cut checkout time for customers", parentId: managerGoal.id });
  await submit(alice, aliceGoal.id);
  await approve(manager, aliceGoal.id, "Great plan Alice, Maya Manager approves.");
  const bobGoal = await create(bob, { title: "Cache the product catalogue", parentId: managerGoal.id });
  await submit(bob, bobGoal.id);

  const checkIn = (person: typeof ceo, goal: { id: string; keyResults: Array<{ id: string }> }, note: string) =>
    expectOk(api.request("POST", `/api/goals/${goal.id}/checkins`, { as: person, body: { keyResults: [{ id: goal.keyResults[0]!.id, current: 60 }], confidence: "on_track", note } }), 201);
  await checkIn(manager, managerGoal, "Going well; my own note.");
  await checkIn(alice, aliceGoal, "Halfway there.");
  await expectOk(api.request("POST", `/api/goals/${managerGoal.id}/kudos`, { as: alice, body: { message: "Thanks for the support!" } }), 201);
  await expectOk(api.request("POST", `/api/goals/${aliceGoal.id}/kudos`, { as: manager, body: { message: "Brilliant progress." } }), 201);
  await expectOk(api.request("POST", `/api/goals/${aliceGoal.id}/comments`, { as: manager, body: { text: "Let's talk on Monday." } }), 201);
  await expectOk(api.request("POST", `/api/goals/${aliceGoal.id}/comments`, { as: vp, body: { text: "Ask Maya Manager about the rollout." } }), 201);
  await expectOk(api.request("POST", `/api/goals/${managerGoal.id}/comments`, { as: vp, body: { text: "Nice one." } }), 201);
  await expectOk(api.request("GET", `/api/dashboard?manager=${manager.id}&cycle=${api.cycle.id}`, { as: manager }));

  const now = new Date();
  await createConversationStore(api.services.tables).saveConversation({ tenantId: api.tenantId, userId: manager.id, kind: "teams", conversationId: `a:${manager.id}`, serviceUrl: "https://smba.trafficmanager.net/emea/", botId: "28:bot", userMri: `29:${manager.id}`, updatedAt: now.toISOString() });
  const cards = createCardStore(api.services.tables);
  await cards.addInboxItem(api.tenantId, manager.id, { type: "AdaptiveCard", body: [{ type: "TextBlock", text: "Your goals" }] }, now);
  await cards.addInboxItem(api.tenantId, vp.id, { type: "AdaptiveCard", body: [{ type: "TextBlock", text: `Approve ${managerGoal.id}` }] }, now);
  await api.services.progress.reminders.updateState(api.tenantId, manager.id, { timeZone: "Europe/Paris", lastReminderAt: now.toISOString() });
  const syncState = createSyncStateStore(api.services.tables);
  await api.services.tables.ensureTables(syncState.tables);
  await syncState.addToOutbox(api.tenantId, [
    { kind: "manager_changed", personId: alice.id, fromManagerId: manager.id, toManagerId: vp.id },
    { kind: "left", personId: manager.id, formerManagerId: vp.id },
    { kind: "manager_changed", personId: bob.id, fromManagerId: vp.id, toManagerId: ceo.id },
  ]);
  api.services.admin.runSync = async () => ({ people: 6 });
  await expectOk(api.request("POST", "/api/admin/sync", { headers: managerAdmin }), 202);
  await waitForJob(api, "/api/admin/sync", adminToken);
  return { adminToken, goals: { ceo: ceoGoal.id, vp: vpGoal.id, manager: managerGoal.id, alice: aliceGoal.id, bob: bobGoal.id } };
}

/** Polls a job's status route until the job is no longer running; returns the final status. */
export async function waitForJob(api: ApiHarness, path: string, token: string): Promise<any> {
  for (let i = 0; i < 300; i++) {
    const res = await api.request("GET", path, { headers: { authorization: `Bearer ${token}` } });
    if (!res.body.isRunning) return res.body;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${path} did not finish`);
}
