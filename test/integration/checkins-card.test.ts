/** Check-in straight from the reminder card, end to end through /api/messages with Bot Framework
 * tokens; kudos from the completion card; the manager's digest. */
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { VERBS, checkInInputIds, KUDOS_INPUT_ID } from "../../cards/src/index.js";
import { collectCardWarnings } from "../support/card-validate.js";
import type { Person } from "../../functions/src/domain/types.js";
import { runProgressJob } from "../../functions/src/jobs/progress-jobs.js";
import { buildInstall, buildInvoke, callsTo, cardOf, startBotHarness, type BotHarness } from "../support/bot-harness.js";
import { buildActionData, readCardText } from "../support/card-inspect.js";
import { createActiveGoal, createManagerGoal, milestoneAndNumber } from "../support/progress-fixtures.js";

let h: BotHarness;
let parentId: string;

beforeAll(async () => {
  h = await startBotHarness(inject("azuriteConnectionString"));
  for (const person of [h.org.manager, h.org.alice, h.org.bob]) expect((await h.postActivity(buildInstall(h, person))).status).toBe(200);
  parentId = await createManagerGoal(h, h.org);
});
afterAll(async () => h?.stop());

async function invoke(person: Person, verb: string, data: Record<string, unknown>) {
  const response = await h.postActivity(buildInvoke(h, person, verb, data));
  expect(response.status).toBe(200);
  return response.body;
}

const lastCardTo = (person: Person) => cardOf(callsTo(h.fake, person, "create").at(-1));
const runJob = (job: "reminders" | "digests", personIds: string[]) => runProgressJob(h.services.progress, job, new Date(), { isForced: true, personIds }, [h.tenantId]);

describe("check-in from the reminder card", () => {
  test("reminder lists the goal → fill in the card → saved through /api/messages → goal and dashboard move; a replay records nothing", async () => {
    const goal = await createActiveGoal(h, h.org.alice, h.org.manager, { parentId, keyResults: milestoneAndNumber });
    const other = await createActiveGoal(h, h.org.alice, h.org.manager, { parentId, title: "Make the basket page faster for everyone" });
    const before = await h.request("GET", `/api/dashboard?manager=${h.org.manager.id}`, { as: h.org.manager });
    expect(before.status).toBe(200);

    const [result] = await runJob("reminders", [h.org.alice.id]);
    expect(result).toMatchObject({ considered: 1, sent: 1 });
    const reminder = lastCardTo(h.org.alice);
    expect(collectCardWarnings(reminder)).toEqual([]);
    expect(readCardText(reminder)).toContain(goal.title);

    const [num, mile] = goal.keyResults;
    const data = {
      ...buildActionData(reminder, VERBS.submitCheckIn),
      goalId: goal.id,
      version: findExecuteActionFor(reminder, goal.id).data.version,
      [checkInInputIds.current(goal.id, num.id)]: "60",
      [checkInInputIds.done(goal.id, mile.id)]: "true",
      [checkInInputIds.confidence(goal.id)]: "on_track",
      [checkInInputIds.note(goal.id)]: "Half way there",
    };
    const response = await invoke(h.org.alice, VERBS.submitCheckIn, data);
    expect(response.type).toBe("application/vnd.microsoft.card.adaptive");
    const text = readCardText(response.value);
    expect(text).toContain("Check-in saved");
    expect(text).toContain("75%");
    // The other goal of the same reminder stays on the card, ready to check in.
    expect(JSON.stringify(response.value)).toContain(checkInInputIds.confidence(other.id));

    const saved = await h.request("GET", `/api/goals/${goal.id}`, { as: h.org.alice });
    expect(saved.body.progress).toBe(0.75);
    expect(saved.body.lastCheckIn.confidence).toBe("on_track");

    await invoke(h.org.alice, VERBS.submitCheckIn, data);
    const list = await h.request("GET", `/api/goals/${goal.id}/checkins`, { as: h.org.alice });
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0].note).toBe("Half way there");

    const after = await h.request("GET", `/api/dashboard?manager=${h.org.manager.id}`, { as: h.org.manager });
    expect(after.body.summary.averageProgress).toBeGreaterThan(before.body.summary.averageProgress);
    expect(after.body.summary.checkedInWithin7Days).toBeGreaterThan(before.body.summary.checkedInWithin7Days);
  });

  test("bad values come back as an error under the card and nothing is written; someone else cannot check in", async () => {
    const goal = await createActiveGoal(h, h.org.bob, h.org.manager, { parentId });
    const [num] = goal.keyResults;
    const data = { goalId: goal.id, version: goal.etag, [checkInInputIds.current(goal.id, num.id)]: "lots", [checkInInputIds.confidence(goal.id)]: "on_track" };
    const bad = await invoke(h.org.bob, VERBS.submitCheckIn, data);
    expect(bad.statusCode).toBe(400);
    const forged = await invoke(h.org.alice, VERBS.submitCheckIn, { ...data, [checkInInputIds.current(goal.id, num.id)]: "50" });
    expect(forged.statusCode).toBe(400);
    expect((await h.request("GET", `/api/goals/${goal.id}/checkins`, { as: h.org.bob })).body.items).toEqual([]);
  });

  test("someone who just checked in gets no reminder", async () => {
    const goal = await createActiveGoal(h, h.org.bob, h.org.manager, { parentId, title: "Answer every customer within a day" });
    await h.request("POST", `/api/goals/${goal.id}/checkins`, { as: h.org.bob, body: { confidence: "on_track" } });
    const [result] = await runJob("reminders", [h.org.bob.id]);
    expect(result).toMatchObject({ considered: 1, sent: 0, skipped: 1 });
  });
});

/** The check-in action of one goal's form on a reminder card (one form per goal). */
function findExecuteActionFor(card: unknown, goalId: string): any {
  const found: any[] = [];
  const walk = (node: any): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== "object" || node === null) return;
    if (node.type === "Action.Execute" && node.verb === VERBS.submitCheckIn && node.data?.goalId === goalId) found.push(node);
    Object.values(node).forEach(walk);
  };
  walk(card);
  expect(found).toHaveLength(1);
  return found[0];
}

describe("kudos and the digest", () => {
  test("a completed goal invites the manager to send kudos; the owner receives them once, and they show on the goal", async () => {
    const goal = await createActiveGoal(h, h.org.alice, h.org.manager, { parentId, title: "Ship the one-page checkout to all" });
    const closed = await h.request("POST", `/api/goals/${goal.id}/close`, { as: h.org.alice, body: { outcome: "completed" } });
    expect(closed.status).toBe(200);
    const invite = lastCardTo(h.org.manager);
    expect(readCardText(invite)).toContain("completed a goal");
    const data = buildActionData(invite, VERBS.sendKudos, { [KUDOS_INPUT_ID]: "Brilliant work, thank you!" });
    const response = await invoke(h.org.manager, VERBS.sendKudos, data);
    expect(readCardText(response.value)).toContain("Kudos sent");
    expect(readCardText(lastCardTo(h.org.alice))).toContain("Brilliant work, thank you!");
    await invoke(h.org.manager, VERBS.sendKudos, data);
    const kudos = await h.request("GET", `/api/goals/${goal.id}/kudos`, { as: h.org.bob });
    expect(kudos.body.items).toHaveLength(1);
    expect(kudos.body.items[0]).toMatchObject({ fromId: h.org.manager.id, toId: h.org.alice.id, message: "Brilliant work, thank you!" });
  });

  test("the manager's digest shows the team at a glance", async () => {
    const [result] = await runJob("digests", [h.org.manager.id]);
    expect(result).toMatchObject({ considered: 1, sent: 1 });
    const digest = lastCardTo(h.org.manager);
    expect(collectCardWarnings(digest)).toEqual([]);
    const text = readCardText(digest);
    expect(text).toContain("Your team this week");
    expect(text).toContain("People: 2");
  });
});
