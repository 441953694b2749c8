/** Cards follow their reader's language: a reply or refresh is written in the language of the activity
 * that asked for it; a card Cascade sends on its own (an approval request, a decision) is written in
 * the language the person last used Cascade in, else their Entra preferred language, else the tenant's
 * default that an admin sets. */
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import type { Person } from "../../functions/src/domain/types.js";
import { REMINDERS_TABLE } from "../../functions/src/store/reminder-store.js";
import { makeKey } from "../../functions/src/store/tables.js";
import { buildGoalBody } from "../support/api-harness.js";
import { buildActivity, buildInstall, buildInvoke, callsTo, cardOf, startBotHarness, type BotHarness } from "../support/bot-harness.js";
import { readCardText } from "../support/card-inspect.js";

let h: BotHarness;
let parentGoalId: string;
const ADMIN = ["Cascade.Admin"];

beforeAll(async () => {
  h = await startBotHarness(inject("azuriteConnectionString"));
  const { manager, alice, bob, vp } = h.org;
  // Maya's directory entry says German; nobody else has a preferred language.
  await h.services.directory.upsertPeople(h.tenantId, [{ ...manager, preferredLanguage: "de-DE", updatedAt: new Date().toISOString() }]);
  for (const person of [manager, alice, bob, vp]) expect((await h.postActivity(buildInstall(h, person))).status).toBe(200);
  const parent = await h.request("POST", "/api/goals", { as: manager, body: buildGoalBody({ title: "Make checkout the fastest in the market" }) });
  parentGoalId = parent.body.id;
});
afterAll(async () => h?.stop());

async function submitGoal(owner: Person, parentId: string | null = parentGoalId): Promise<string> {
  const created = await h.request("POST", "/api/goals", { as: owner, body: buildGoalBody({ parentId }) });
  expect(created.status).toBe(201);
  expect((await h.request("POST", `/api/goals/${created.body.id}/submit`, { as: owner })).body.status).toBe("pending_approval");
  return created.body.id;
}

function lastCardAbout(person: Person, goalId: string): any {
  return cardOf(callsTo(h.fake, person).filter((call) => JSON.stringify(cardOf(call)).includes(goalId)).at(-1));
}

async function say(person: Person, text: string, locale: string): Promise<string> {
  const before = callsTo(h.fake, person).length;
  expect((await h.postActivity(buildActivity(h, person, { type: "message", text, locale }))).status).toBe(200);
  const replies = callsTo(h.fake, person).slice(before);
  expect(replies).toHaveLength(1);
  return readCardText(cardOf(replies[0]));
}

const storedLocaleOf = async (person: Person) => (await h.services.progress.reminders.getState(h.tenantId, person.id)).locale;

describe("proactive cards", () => {
  test("a manager whose Entra preferred language is German gets the approval request in German", async () => {
    const goalId = await submitGoal(h.org.alice);
    const text = readCardText(lastCardAbout(h.org.manager, goalId));
    expect(text).toContain("Wartet auf die Entscheidung von Maya Manager");
    expect(text).toContain("Verantwortlich: Alice Author");
    expect(text).not.toContain("Waiting for");
  });

  test("the refresh follows the activity: the approver's buttons come in the language Teams asks for", async () => {
    const goalId = await submitGoal(h.org.bob);
    const chatCard = lastCardAbout(h.org.manager, goalId);
    const refreshed = await h.postActivity({ ...buildInvoke(h, h.org.manager, "goal.refresh", chatCard.refresh.action.data), locale: "de-AT" });
    expect(readCardText(refreshed.body.value)).toContain("Ein Ziel wartet auf Ihre Freigabe");
    const titles = JSON.stringify(refreshed.body.value.actions.map((action: { title: string }) => action.title));
    expect(titles).toContain("Freigeben");
    expect(titles).toContain("Änderungen erbitten");
  });

  test("the language a person last used Cascade in wins over Entra's, and the owner hears the decision in theirs", async () => {
    expect(await say(h.org.manager, "bonjour", "fr-FR")).toContain("Ce que je sais faire");
    expect(await storedLocaleOf(h.org.manager)).toBe("fr");
    await say(h.org.alice, "hola", "es-MX");
    const goalId = await submitGoal(h.org.alice);
    expect(readCardText(lastCardAbout(h.org.manager, goalId))).toContain("En attente de la décision de Maya Manager");

    const card = lastCardAbout(h.org.manager, goalId);
    const opened = await h.postActivity({ ...buildInvoke(h, h.org.manager, "goal.refresh", card.refresh.action.data), locale: "fr-FR" });
    const approve = opened.body.value.actions.find((action: { verb?: string }) => action.verb === "goal.approve");
    expect(approve.title).toBe("Valider");
    const decided = await h.postActivity({ ...buildInvoke(h, h.org.manager, "goal.approve", approve.data), locale: "fr-FR" });
    expect(readCardText(decided.body.value)).toContain("Validé");
    await expect.poll(() => readCardText(lastCardAbout(h.org.alice, goalId)), { timeout: 10_000 }).toContain("Tu objetivo se ha aprobado");
  });
});

describe("replies", () => {
  test("a reply to a Japanese activity is Japanese, and commands work in the person's language", async () => {
    expect(await say(h.org.bob, "help", "ja-JP")).toContain("できること");
    expect(await say(h.org.bob, "自分の目標", "ja-JP")).toContain("あなたの目標");
    expect(await say(h.org.bob, "meine Ziele", "de-DE")).toContain("Ihre Ziele");
  });
});

describe("the tab's language", () => {
  test("is recorded from Accept-Language when it changes, not written again on every request", async () => {
    const { vp } = h.org;
    const me = () => h.request("GET", "/api/me", { as: vp, headers: { "accept-language": "ar" } });
    expect((await me()).status).toBe(200);
    expect(await storedLocaleOf(vp)).toBe("ar");
    const table = h.services.tables.getClient(REMINDERS_TABLE);
    const before = await table.getEntity(makeKey(h.tenantId, "people"), vp.id);
    for (let i = 0; i < 3; i++) expect((await me()).status).toBe(200);
    expect((await table.getEntity(makeKey(h.tenantId, "people"), vp.id)).etag).toBe(before.etag);
    expect((await h.request("GET", "/api/me", { as: vp, headers: { "accept-language": "es-ES,es;q=0.9" } })).status).toBe(200);
    expect(await storedLocaleOf(vp)).toBe("es");
  });
});

describe("the tenant's default language", () => {
  const readSettings = () => h.request("GET", "/api/admin/settings", { as: h.org.ceo, roles: ADMIN });
  const putSettings = (body: Record<string, unknown>, etag: string) =>
    h.request("PUT", "/api/admin/settings", { as: h.org.ceo, roles: ADMIN, body: { isApprovalRequired: true, organisationGoalOwnerIds: [], reminders: {}, ...body }, headers: { "if-match": etag } });

  test("is English until an admin chooses another supported language; anything else is refused", async () => {
    const initial = await readSettings();
    expect(initial.body.defaultLocale).toBe("en");
    const refused = await putSettings({ defaultLocale: "pt-BR" }, initial.headers.get("etag")!);
    expect(refused.status).toBe(400);
    expect(refused.headers.get("content-type")).toContain("application/problem+json");
    expect(refused.body.code).toBe("validation_failed");
    expect((await readSettings()).body.defaultLocale).toBe("en");
    const saved = await putSettings({ defaultLocale: "ja" }, initial.headers.get("etag")!);
    expect(saved.status).toBe(200);
    expect(saved.body.defaultLocale).toBe("ja");
  });

  test("writes to people Cascade knows nothing about in the tenant's language", async () => {
    // Victor has used only the tab, whose last language was Spanish; Cara has never used Cascade.
    const { ceo } = h.org;
    expect((await h.postActivity(buildInstall(h, ceo))).status).toBe(200);
    expect(await storedLocaleOf(ceo)).toBeNull();
    const ceoGoal = await h.request("POST", "/api/goals", { as: ceo, body: buildGoalBody({ title: "Grow revenue in every region this year", parentId: null }) });
    expect(ceoGoal.status).toBe(201);
    const goalId = await submitGoal(h.org.vp, ceoGoal.body.id);
    const text = readCardText(lastCardAbout(ceo, goalId));
    expect(text).toContain("Cara CEO さんの判断を待っています");
    expect(text).toContain("担当者: Victor VP");
  });
});
