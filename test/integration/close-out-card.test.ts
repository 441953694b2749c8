/** Close-out from the card, end to end through /api/messages with Bot Framework tokens: an admin opens a
 * cycle's close-out, each owner with goals to close out gets the card, a filled-in card closes the goal
 * out and answers with the receipt and the goals still to do; bad input and other people change nothing.
 * An old copy of the card refreshes to what is done, and an unfinished goal carries over from the card. */
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { VERBS, closeOutInputIds, createCardIntl } from "../../cards/src/index.js";
import { collectCardWarnings } from "../support/card-validate.js";
import type { Person } from "../../functions/src/domain/types.js";
import { buildCycle } from "../support/api-harness.js";
import { buildInstall, buildInvoke, callsTo, cardOf, startBotHarness, teamsIdOf, type BotHarness } from "../support/bot-harness.js";
import { buildActionData, findExecuteAction, readCardText } from "../support/card-inspect.js";
import { createActiveGoal, createManagerGoal } from "../support/progress-fixtures.js";

let h: BotHarness;
let goals: any[];

beforeAll(async () => {
  h = await startBotHarness(inject("azuriteConnectionString"));
  for (const person of [h.org.manager, h.org.alice, h.org.bob]) expect((await h.postActivity(buildInstall(h, person))).status).toBe(200);
  const parentId = await createManagerGoal(h, h.org);
  goals = [
    await createActiveGoal(h, h.org.alice, h.org.manager, { parentId, title: "Cut checkout time for customers" }),
    await createActiveGoal(h, h.org.alice, h.org.manager, { parentId, title: "Make the basket page faster for everyone" }),
  ];
});
afterAll(async () => h?.stop());

async function invoke(person: Person, data: Record<string, unknown>, verb: string = VERBS.submitCloseOut) {
  const response = await h.postActivity(buildInvoke(h, person, verb, data));
  expect(response.status).toBe(200);
  return response.body;
}

const lastCardTo = (person: Person) => cardOf(callsTo(h.fake, person, "create").at(-1));
const formFor = (card: unknown, goalId: string, inputs: Record<string, string>) => {
  const actions: any[] = [];
  JSON.stringify(card, (_key, value) => (value?.type === "Action.Execute" && value.data?.goalId === goalId ? void actions.push(value) : value));
  return { ...actions[0].data, ...inputs };
};

describe("close-out from the card", () => {
  test("opening close-out sends the card; the filled-in card closes the goal out and shows what is left; a replay changes nothing", async () => {
    const before = callsTo(h.fake, h.org.alice, "create").length;
    const opened = await h.request("POST", `/api/admin/cycles/2027-q1/close-out`, { as: h.org.ceo, roles: ["Cascade.Admin"] });
    expect(opened.status, JSON.stringify(opened.body)).toBe(200);
    expect(callsTo(h.fake, h.org.alice, "create").length).toBe(before + 1);
    const card = lastCardTo(h.org.alice);
    expect(collectCardWarnings(card)).toEqual([]);
    const text = readCardText(card);
    expect(text).toContain(goals[0].title);
    expect(text).toContain(goals[1].title);
    expect(findExecuteAction(card, VERBS.submitCloseOut)).toBeDefined();
    // No later cycle is open yet, so nothing offers to carry a goal over.
    expect(findExecuteAction(card, VERBS.carryOver)).toBeUndefined();
    // Bob has no goal in the cycle, so he gets nothing.
    expect(callsTo(h.fake, h.org.bob, "create").length).toBe(0);

    const [first, second] = goals;
    const data = formFor(card, first.id, { [closeOutInputIds.score(first.id)]: "35", [closeOutInputIds.outcome(first.id)]: "partly", [closeOutInputIds.reflection(first.id)]: "The payment step took longer." });
    const response = await invoke(h.org.alice, data);
    expect(response.type).toBe("application/vnd.microsoft.card.adaptive");
    expect(collectCardWarnings(response.value)).toEqual([]);
    const receipt = readCardText(response.value);
    expect(receipt).toContain("Partly achieved");
    expect(receipt).toContain("The payment step took longer.");
    expect(JSON.stringify(response.value)).toContain(closeOutInputIds.score(second.id));
    expect(JSON.stringify(response.value)).not.toContain(closeOutInputIds.score(first.id));

    const stored = await h.request("GET", `/api/goals/${first.id}`, { as: h.org.alice });
    expect(stored.body.closeOut).toMatchObject({ score: 35, outcome: "partly", reflection: "The payment step took longer." });
    await invoke(h.org.alice, data);
    const replayed = await h.request("GET", `/api/goals/${first.id}`, { as: h.org.alice });
    expect(replayed.headers.get("etag")).toBe(stored.headers.get("etag"));
  });

  test("bad input and someone else's card show an error and write nothing", async () => {
    const goal = goals[1];
    const before = await h.request("GET", `/api/goals/${goal.id}`, { as: h.org.alice });
    const bad = await invoke(h.org.alice, { goalId: goal.id, version: before.headers.get("etag"), [closeOutInputIds.score(goal.id)]: "150", [closeOutInputIds.outcome(goal.id)]: "partly", [closeOutInputIds.reflection(goal.id)]: "x" });
    expect(bad.statusCode).toBe(400);
    expect(String(bad.value.message)).toContain("0");
    const notMine = await invoke(h.org.bob, { goalId: goal.id, [closeOutInputIds.score(goal.id)]: "50", [closeOutInputIds.outcome(goal.id)]: "missed", [closeOutInputIds.reflection(goal.id)]: "Not mine." });
    expect(notMine.statusCode).toBeGreaterThanOrEqual(400);
    const after = await h.request("GET", `/api/goals/${goal.id}`, { as: h.org.alice });
    expect(after.headers.get("etag")).toBe(before.headers.get("etag"));
    expect(after.body.closeOut).toBeNull();
    expect(buildActionData(lastCardTo(h.org.alice), VERBS.submitCloseOut)).toMatchObject({ goalId: expect.any(String) });
  });

  test("an old copy refreshes to what is done; an unfinished goal carries over to the next open cycle, once", async () => {
    const en = createCardIntl("en");
    const [first, second] = goals;
    // Later cycles: a closed one and a later open one are passed over for the earliest open one after Q1.
    await h.services.goalDeps.cycles.saveCycle(buildCycle(h.tenantId, { id: "2027-q2-closed", name: "Q2 2027 (closed)", startDate: "2027-04-01", endDate: "2027-06-30", status: "closed" }));
    await h.services.goalDeps.cycles.saveCycle(buildCycle(h.tenantId, { id: "2027-h2", name: "H2 2027", startDate: "2027-07-01", endDate: "2027-12-31" }));
    await h.services.goalDeps.cycles.saveCycle(buildCycle(h.tenantId, { id: "2027-q2", name: "Q2 2027", startDate: "2027-04-01", endDate: "2027-06-30" }));

    // The card Alice got before she closed out the first goal: Teams asks for it again when she opens it.
    const old = callsTo(h.fake, h.org.alice, "create").map(cardOf).find((card) => findExecuteAction(card, VERBS.submitCloseOut));
    expect(old.refresh.userIds).toEqual([teamsIdOf(h.org.alice)]);
    const refreshed = await invoke(h.org.alice, old.refresh.action.data, old.refresh.action.verb);
    expect(collectCardWarnings(refreshed.value)).toEqual([]);
    const text = readCardText(refreshed.value);
    expect(text).toContain(en.t("closeOut.doneHeading", { cycle: "Q1 2027" }));
    expect(text).toContain("The payment step took longer.");
    expect(JSON.stringify(refreshed.value)).not.toContain(closeOutInputIds.score(first.id));
    expect(JSON.stringify(refreshed.value)).toContain(closeOutInputIds.score(second.id));

    // Both goals are unfinished (one closed out as partly achieved, one still active): each offers Q2.
    const carryActions: any[] = [];
    JSON.stringify(refreshed.value, (_key, value) => (value?.type === "Action.Execute" && value.verb === VERBS.carryOver ? void carryActions.push(value) : value));
    expect(carryActions.map((a) => [a.data.goalId, a.data.cycleId, a.title])).toEqual([
      [first.id, "2027-q2", en.t("closeOut.carryOver", { cycle: "Q2 2027" })],
      [second.id, "2027-q2", en.t("closeOut.carryOver", { cycle: "Q2 2027" })],
    ]);

    // Someone else pressing it changes nothing.
    const before = await h.request("GET", `/api/goals/${first.id}`, { as: h.org.alice });
    expect((await invoke(h.org.bob, carryActions[0].data, VERBS.carryOver)).statusCode).toBe(400);
    const bad = await invoke(h.org.alice, { ...carryActions[0].data, cycleId: "" }, VERBS.carryOver);
    expect(bad.statusCode).toBe(400);
    expect(String(bad.value.message)).toContain("cycleId");
    expect((await h.request("GET", `/api/goals/${first.id}`, { as: h.org.alice })).headers.get("etag")).toBe(before.headers.get("etag"));

    const carried = await invoke(h.org.alice, carryActions[0].data, VERBS.carryOver);
    expect(collectCardWarnings(carried.value)).toEqual([]);
    expect(readCardText(carried.value)).toContain(en.t("closeOut.carried", { cycle: "Q2 2027" }));
    const stillOffered: string[] = [];
    JSON.stringify(carried.value, (_key, value) => (value?.type === "Action.Execute" && value.verb === VERBS.carryOver ? void stillOffered.push(value.data.goalId) : value));
    expect(stillOffered).toEqual([second.id]);
    const source = await h.request("GET", `/api/goals/${first.id}`, { as: h.org.alice });
    expect(source.body.carriedTo).toEqual([{ cycleId: "2027-q2", goalId: expect.any(String) }]);
    const draft = await h.request("GET", `/api/goals/${source.body.carriedTo[0].goalId}`, { as: h.org.alice });
    expect(draft.body).toMatchObject({ status: "draft", cycleId: "2027-q2", continuedFrom: first.id, title: first.title });

    // Pressed again (a replay, or a second copy of the card): the same draft, nothing new.
    await invoke(h.org.alice, carryActions[0].data, VERBS.carryOver);
    const again = await h.request("GET", `/api/goals/${first.id}`, { as: h.org.alice });
    expect(again.body.carriedTo).toEqual(source.body.carriedTo);
    expect(again.headers.get("etag")).toBe(source.headers.get("etag"));

    // A forwarded copy refreshed by Bob shows nothing of Alice's: he has nothing to close out in Q1.
    const forBob = await invoke(h.org.bob, old.refresh.action.data, old.refresh.action.verb);
    expect(readCardText(forBob.value)).toBe(en.t("closeOut.nothingLeft", { cycle: "Q1 2027" }));
  });
});

