/** Close-out from the card, end to end through /api/messages with Bot Framework tokens: an admin opens a
 * cycle's close-out, each owner with goals to close out gets the card, a filled-in card closes the goal
 * out and answers with the receipt and the goals still to do; bad input and other people change nothing. */
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { VERBS, closeOutInputIds } from "../../cards/src/index.js";
import { collectCardWarnings } from "../../cards/src/validate.js";
import type { Person } from "../../functions/src/domain/types.js";
import { buildInstall, buildInvoke, callsTo, cardOf, startBotHarness, type BotHarness } from "../support/bot-harness.js";
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

async function invoke(person: Person, data: Record<string, unknown>) {
  const response = await h.postActivity(buildInvoke(h, person, VERBS.submitCloseOut, data));
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
});
