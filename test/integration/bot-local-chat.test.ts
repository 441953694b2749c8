/** Local development (AUTH_MODE=dev): the chat panel posts activities with a local sign-in token,
 * and the cards the app sends land in each person's inbox instead of Teams. */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { startCascade, type RunningCascade } from "../../functions/dev/start-cascade.js";
import type { Person } from "../../functions/src/domain/types.js";
import { buildCycle, buildGoalBody } from "../support/api-harness.js";
import { buildActionData, hasDecisionButtons, readCardText } from "../support/card-inspect.js";
import { buildSmallOrg } from "../support/org-builder.js";

let cascade: RunningCascade;
let tenantId: string;
const org = buildSmallOrg();
let parentGoalId: string;

beforeAll(async () => {
  cascade = await startCascade({ env: { AUTH_MODE: "dev", STORAGE_CONNECTION_STRING: inject("azuriteConnectionString"), LOG_LEVEL: "error" }, port: 0, isSeeded: false });
  tenantId = cascade.services.dev!.tenantId;
  await cascade.services.directory.upsertPeople(tenantId, org.all);
  await cascade.services.goalDeps.cycles.saveCycle(buildCycle(tenantId));
  parentGoalId = (await call("POST", "/api/goals", org.manager, buildGoalBody({ title: "Make checkout the fastest in the market" }))).body.id;
});
afterAll(async () => cascade?.stop());

async function tokenFor(person: Person): Promise<string> {
  return (await cascade.services.dev!.issuer.mint({ tenantId, userId: person.id, name: person.displayName, roles: [] })).token;
}

async function call(method: string, path: string, person: Person | null, body?: unknown) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (person) headers["authorization"] = `Bearer ${await tokenFor(person)}`;
  const response = await fetch(`${cascade.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

/** An activity as the chat panel sends it, for the signed-in person. */
function buildLocalActivity(person: Person, fields: Record<string, unknown>) {
  return {
    id: randomUUID(),
    channelId: "msteams",
    from: { id: `29:${person.id}`, name: person.displayName, aadObjectId: person.id },
    recipient: { id: "28:cascade-local", name: "Cascade" },
    conversation: { id: `local:${person.id}`, conversationType: "personal", tenantId },
    ...fields,
  };
}

const install = (person: Person) => call("POST", "/api/messages", person, buildLocalActivity(person, { type: "installationUpdate", action: "add" }));
const invoke = (person: Person, verb: string, data: Record<string, unknown>) =>
  call("POST", "/api/messages", person, buildLocalActivity(person, { type: "invoke", name: "adaptiveCard/action", value: { action: { type: "Action.Execute", verb, data } } }));

describe("the local chat", () => {
  test("submit → the card in the manager's inbox → approve from it → the card updates and the owner's inbox gets the decision", async () => {
    expect((await install(org.manager)).status).toBe(200);
    expect((await install(org.alice)).status).toBe(200);
    const created = await call("POST", "/api/goals", org.alice, buildGoalBody({ parentId: parentGoalId }));
    await call("POST", `/api/goals/${created.body.id}/submit`, org.alice);

    const inbox = await call("GET", "/api/dev/inbox", org.manager);
    expect(inbox.status).toBe(200);
    const message = inbox.body.find((item: any) => JSON.stringify(item.card).includes(created.body.id));
    expect(message).toMatchObject({ id: expect.any(String), sentAt: expect.any(String) });
    expect(message.card.refresh.userIds).toEqual([`29:${org.manager.id}`]);

    const refreshed = await invoke(org.manager, "goal.refresh", message.card.refresh.action.data);
    expect(hasDecisionButtons(refreshed.body.value)).toBe(true);
    const decided = await invoke(org.manager, "goal.approve", buildActionData(refreshed.body.value, "goal.approve"));
    expect(readCardText(decided.body.value)).toContain("Approved");

    const after = await call("GET", "/api/dev/inbox", org.manager);
    expect(readCardText(after.body.find((item: any) => item.id === message.id).card)).toContain("Approved");
    const ownerInbox = await call("GET", "/api/dev/inbox", org.alice);
    expect(readCardText(ownerInbox.body.at(-1).card)).toContain("Your goal was approved");
    expect((await call("GET", `/api/goals/${created.body.id}`, org.alice)).body.status).toBe("active");
  });

  test("an owner who had no chat yet gets the decision card when they first open it", async () => {
    const created = await call("POST", "/api/goals", org.bob, buildGoalBody({ parentId: parentGoalId, title: "Cut refund time for customers in half" }));
    await call("POST", `/api/goals/${created.body.id}/submit`, org.bob);
    await call("POST", `/api/goals/${created.body.id}/decision`, org.manager, { decision: "reject", comment: "Not this quarter" });
    expect((await call("GET", "/api/dev/inbox", org.bob)).body).toEqual([]);
    await Promise.all([install(org.bob), install(org.bob)]);
    const inbox = await call("GET", "/api/dev/inbox", org.bob);
    expect(inbox.body).toHaveLength(1);
    expect(readCardText(inbox.body[0].card)).toContain("Your goal was rejected");
    expect(readCardText(inbox.body[0].card)).toContain("Not this quarter");
  });

  test("an activity is accepted only for the person the token was issued to", async () => {
    const forged = buildLocalActivity(org.manager, { type: "installationUpdate", action: "add" });
    expect((await call("POST", "/api/messages", org.bob, forged)).status).toBe(403);
    expect((await call("POST", "/api/messages", null, forged)).status).toBe(401);
    const otherTenant = { ...buildLocalActivity(org.bob, { type: "installationUpdate", action: "add" }), conversation: { id: "x", conversationType: "personal", tenantId: randomUUID() } };
    expect((await call("POST", "/api/messages", org.outsider, { ...otherTenant, from: { id: "29:o", aadObjectId: org.outsider.id } })).status).toBe(403);
  });

  test("each person reads only their own inbox, and only when signed in", async () => {
    expect((await call("GET", "/api/dev/inbox", null)).status).toBe(401);
    const outsiderInbox = await call("GET", "/api/dev/inbox", org.outsider);
    expect(outsiderInbox.body).toEqual([]);
  });
});
