/** The close-out cards the hourly timer sends: once a cycle has ended, each owner with goals to close
 * out in it gets the card once, in their own language, through the Bot Service. A run that fails half
 * way is resumed by the next one without sending twice, runs side by side send each card once, and a
 * cycle that has not ended (or whose early opening an admin announced already) gets nothing more. */
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { createCardIntl, VERBS } from "../../cards/src/index.js";
import { collectCardWarnings } from "../support/card-validate.js";
import type { Cycle, Person } from "../../functions/src/domain/types.js";
import { runCloseOutJob } from "../../functions/src/jobs/close-out-job.js";
import { runProgressJob } from "../../functions/src/jobs/progress-jobs.js";
import { buildCycle } from "../support/api-harness.js";
import { buildInstall, callsTo, cardOf, startBotHarness, teamsIdOf, type BotHarness } from "../support/bot-harness.js";
import { findExecuteAction, readCardText } from "../support/card-inspect.js";
import { createActiveGoal, createManagerGoal } from "../support/progress-fixtures.js";

const DAY_MS = 24 * 60 * 60 * 1000;
const dayFromToday = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);

let h: BotHarness;
let ended: Cycle;
let running: Cycle;

beforeAll(async () => {
  h = await startBotHarness(inject("azuriteConnectionString"));
  const { manager, alice, bob } = h.org;
  // Alice reads Cascade in German (her directory entry says so); the others have no preference.
  await h.services.directory.upsertPeople(h.tenantId, [{ ...alice, preferredLanguage: "de-DE", updatedAt: new Date().toISOString() }]);
  for (const person of [manager, alice, bob]) expect((await h.postActivity(buildInstall(h, person))).status).toBe(200);
  ended = buildCycle(h.tenantId, { id: "ended-yesterday", name: "Cycle that ended yesterday", startDate: dayFromToday(-90), endDate: dayFromToday(-1) });
  running = buildCycle(h.tenantId, { id: "still-running", name: "Cycle still running", startDate: dayFromToday(-30), endDate: dayFromToday(30) });
  for (const cycle of [ended, running]) await h.services.goalDeps.cycles.saveCycle(cycle);
  const parentId = await createManagerGoal(h, h.org, { cycleId: ended.id, dueDate: ended.endDate });
  await createActiveGoal(h, alice, manager, { parentId, cycleId: ended.id, dueDate: ended.endDate, title: "Cut checkout time for customers" });
  await createActiveGoal(h, bob, manager, { parentId, cycleId: ended.id, dueDate: ended.endDate, title: "Make the basket page faster" });
  // The manager also has a goal in the running cycle: no card may ask to close that one out yet.
  await createManagerGoal(h, h.org, { cycleId: running.id, dueDate: running.endDate, title: "Keep checkout fast all year" });
});
afterAll(async () => h?.stop());

const cardsTo = (person: Person) => callsTo(h.fake, person, "create").map(cardOf);
const closeOutCardsTo = (person: Person) => cardsTo(person).filter((card) => findExecuteAction(card, VERBS.submitCloseOut));
async function exportNotices(): Promise<any[]> {
  const notices: any[] = [];
  let cursor: string | null = null;
  do {
    const page: { status: number; body: any } = await h.request("GET", `/api/admin/export${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ""}`, { as: h.org.ceo, roles: ["Cascade.Admin"] });
    expect(page.status).toBe(200);
    notices.push(...(page.body.sections.closeOutNotices ?? []));
    cursor = page.body.nextCursor;
  } while (cursor);
  return notices;
}
const countCards = () => Object.fromEntries((["manager", "alice", "bob"] as const).map((key) => [key, closeOutCardsTo(h.org[key]).length]));

describe("close-out cards from the timer", () => {
  test("nothing goes out while the cycle runs, even on its last day", async () => {
    const results = await runProgressJob(h.services.progress, "close-outs", new Date(`${ended.endDate}T12:00:00Z`), {}, [h.tenantId]);
    expect(results).toMatchObject([{ tenantId: h.tenantId, sent: 0, considered: 0 }]);
    expect(countCards()).toEqual({ manager: 0, alice: 0, bob: 0 });
  });

  test("once the cycle has ended, a run that fails half way is resumed by the next without sending twice", async () => {
    const { alice, bob, manager } = h.org;
    // Bob's card cannot be delivered in this run (the connection drops), everyone else's goes out.
    const progress = h.services.progress;
    const failing = { ...progress, sendCard: (tenantId: string, personId: string, card: any) => (personId === bob.id ? Promise.reject(new Error("connection reset")) : progress.sendCard(tenantId, personId, card)) };
    const first = await runCloseOutJob(failing, h.tenantId, new Date());
    // The CEO owns the organisation goal but never added the app: unreachable, and settled so (the card
    // waits for an install when the admin allows one), not queued again by later runs.
    expect(first).toMatchObject({ cycleIds: [ended.id], sent: 2, failed: 1, unreachable: 1 });
    expect(countCards()).toEqual({ manager: 1, alice: 1, bob: 0 });
    expect(await progress.closeOutNotices.listAnnouncedCycles(h.tenantId)).not.toContain(ended.id);

    // Alice gets hers in German, with her goal and a refresh only she triggers.
    const [aliceCard] = closeOutCardsTo(alice);
    const de = createCardIntl("de");
    expect(collectCardWarnings(aliceCard)).toEqual([]);
    expect(readCardText(aliceCard)).toContain(de.t("closeOut.heading", { cycle: ended.name }));
    expect(readCardText(aliceCard)).toContain("Cut checkout time for customers");
    expect(aliceCard.refresh).toMatchObject({ action: { verb: VERBS.refreshCloseOut, data: { cycleId: ended.id } }, userIds: [teamsIdOf(alice)] });
    expect(readCardText(closeOutCardsTo(manager)[0])).toContain(createCardIntl("en").t("closeOut.heading", { cycle: ended.name }));

    // Two runs at once: Bob gets his card once, nobody else gets a second.
    const [a, b] = await Promise.all([runProgressJob(progress, "close-outs", new Date(), {}, [h.tenantId]), runProgressJob(progress, "close-outs", new Date(), {}, [h.tenantId])]);
    expect(a[0]!.sent + b[0]!.sent).toBe(1);
    expect(a[0]!.unreachable + b[0]!.unreachable).toBe(0);
    expect(countCards()).toEqual({ manager: 1, alice: 1, bob: 1 });
    expect(readCardText(closeOutCardsTo(bob)[0])).toContain("Make the basket page faster");
    expect(await progress.closeOutNotices.listAnnouncedCycles(h.tenantId)).toContain(ended.id);

    // Announced: a later run sends nothing and does not even look at the cycle again.
    const later = await runProgressJob(progress, "close-outs", new Date(Date.now() + 3 * 60 * 60 * 1000), {}, [h.tenantId]);
    expect(later).toMatchObject([{ sent: 0, considered: 0, cycleIds: [] }]);
    expect(countCards()).toEqual({ manager: 1, alice: 1, bob: 1 });
  });

  test("no card asks to close out the running cycle; once an admin opens it early, the timer does not send again", async () => {
    const { manager } = h.org;
    for (const person of [h.org.manager, h.org.alice, h.org.bob]) for (const card of cardsTo(person)) expect(readCardText(card)).not.toContain(running.name);
    const opened = await h.request("POST", `/api/admin/cycles/${running.id}/close-out`, { as: h.org.ceo, roles: ["Cascade.Admin"] });
    expect(opened.status, JSON.stringify(opened.body)).toBe(200);
    const runningCards = () => closeOutCardsTo(manager).filter((card) => readCardText(card).includes(running.name));
    expect(runningCards()).toHaveLength(1);
    const results = await runProgressJob(h.services.progress, "close-outs", new Date(), {}, [h.tenantId]);
    expect(results).toMatchObject([{ sent: 0, cycleIds: [] }]);
    expect(runningCards()).toHaveLength(1);
    expect(countCards()).toEqual({ manager: 2, alice: 1, bob: 1 });
  });

  test("the tenant export lists who was sent which cycle's card and the cycles announced; erasing a person removes theirs", async () => {
    const notices = await exportNotices();
    expect(notices).toEqual(expect.arrayContaining([
      expect.objectContaining({ cycleId: ended.id, status: "announced" }),
      expect.objectContaining({ cycleId: running.id, status: "announced" }),
      expect.objectContaining({ cycleId: ended.id, personId: h.org.alice.id, status: "sent" }),
      expect.objectContaining({ cycleId: ended.id, personId: h.org.bob.id, status: "sent" }),
      expect.objectContaining({ cycleId: ended.id, personId: h.org.ceo.id, status: "unreachable" }),
    ]));
    expect(notices).toHaveLength(2 + 4 + 2);

    const asAdmin = { as: h.org.ceo, roles: ["Cascade.Admin"] };
    expect((await h.request("POST", "/api/admin/erase", { ...asAdmin, body: { personId: h.org.bob.id } })).status).toBe(202);
    await expect.poll(async () => (await h.request("GET", "/api/admin/erase", asAdmin)).body.isRunning, { timeout: 30_000 }).toBe(false);
    expect((await h.request("GET", "/api/admin/erase", asAdmin)).body.job).toMatchObject({ state: "succeeded" });
    const after = await exportNotices();
    expect(after.filter((notice) => notice.personId === h.org.bob.id)).toEqual([]);
    expect(after).toHaveLength(notices.length - 1);
  });
});

