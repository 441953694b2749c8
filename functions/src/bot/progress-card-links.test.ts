import { describe, expect, it } from "vitest";
import { checkInInputIds, KUDOS_INPUT_ID, type AdaptiveCard } from "../../../cards/src/index.js";
import { runDigestJob } from "../jobs/digest-job.js";
import { runReminderJob } from "../jobs/reminder-job.js";
import { handleCheckInAction } from "./checkin-actions.js";
import { inviteKudosOnCompletion } from "./feedback-notifier.js";
import { handleKudosAction } from "./kudos-actions.js";
import { createProgressTestWorld, TEST_TENANT } from "../../../test/support/progress-test-deps.js";

const APP_URL = "https://cascade.example.test";
const TEAMS_APP_ID = "44444444-4444-4444-8444-444444444444";
const NOW = new Date("2027-02-10T09:00:00Z");

interface ExpectedLink {
  entityId: string;
  webUrl: string;
  goalId?: string;
}

const goalLink = (goalId: string): ExpectedLink => ({ entityId: "mine", webUrl: `${APP_URL}/?view=my-goals&goal=${goalId}`, goalId });
const MY_GOALS: ExpectedLink = { entityId: "mine", webUrl: `${APP_URL}/?view=my-goals` };
const APPROVALS: ExpectedLink = { entityId: "approvals", webUrl: `${APP_URL}/?view=approvals` };
const dashboardOf = (managerId: string): ExpectedLink => ({ entityId: "team", webUrl: `${APP_URL}/?view=dashboard&manager=${managerId}` });

/** Every Action.OpenUrl of the card, by button title (a card may repeat a title once per goal). */
function collectOpenUrls(card: unknown): Array<{ title: string; url: string }> {
  const found: Array<{ title: string; url: string }> = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== "object" || node === null) return;
    const record = node as Record<string, unknown>;
    if (record.type === "Action.OpenUrl") found.push({ title: String(record.title), url: String(record.url) });
    Object.values(record).forEach(walk);
  };
  walk(card);
  return found;
}

function describeLink(url: string): ExpectedLink {
  if (!url.startsWith("https://teams.microsoft.com/")) return { entityId: "(web)", webUrl: url };
  const link = new URL(url);
  const [appId, entityId] = link.pathname.split("/").slice(3);
  expect(appId).toBe(TEAMS_APP_ID);
  const context = link.searchParams.get("context");
  const goalId = context ? (JSON.parse(context) as { subEntityId: string }).subEntityId : undefined;
  return { entityId: entityId!, webUrl: link.searchParams.get("webUrl")!, ...(goalId ? { goalId } : {}) };
}

const HOSTS = [
  { host: "in Teams (TEAMS_APP_ID set)", teamsAppId: TEAMS_APP_ID },
  { host: "on the web (no TEAMS_APP_ID)", teamsAppId: undefined },
];

describe.each(HOSTS)("progress card links $host", ({ teamsAppId }) => {
  const expectLinks = (card: AdaptiveCard | undefined, expected: Record<string, ExpectedLink[]>) => {
    const links = collectOpenUrls(card);
    expect(links.length).toBeGreaterThan(0);
    for (const { url } of links) expect(url.startsWith(teamsAppId ? "https://teams.microsoft.com/l/entity/" : `${APP_URL}/`), url).toBe(true);
    const expectedKind = (link: ExpectedLink) => (teamsAppId ? link : { entityId: "(web)", webUrl: link.webUrl });
    for (const [title, targets] of Object.entries(expected)) {
      const actual = links.filter((l) => l.title === title).map((l) => describeLink(l.url));
      expect(actual, title).toEqual(targets.map(expectedKind));
    }
  };
  const setUp = () => createProgressTestWorld({ appUrl: APP_URL, teamsAppId }, NOW);

  it("reminder card: each goal and My goals", async () => {
    const world = setUp();
    world.addGoal({ id: "goal-a" });
    await runReminderJob(world.deps, TEST_TENANT, NOW, { isForced: true });
    expect(world.sent.map((s) => s.personId)).toEqual([world.report.id]);
    expectLinks(world.sent[0]!.card, { "Open goal": [goalLink("goal-a")], "Open my goals": [MY_GOALS] });
  });

  const checkIn = async (world: ReturnType<typeof setUp>, goalId: string) => {
    const krId = (await world.deps.goals.getGoal(TEST_TENANT, goalId))!.value.keyResults[0]!.id;
    const data = {
      goalId,
      version: "v1",
      [checkInInputIds.current(goalId, krId)]: "40",
      [checkInInputIds.confidence(goalId)]: "on_track",
      [checkInInputIds.note(goalId)]: "Halfway there",
    };
    const response = await handleCheckInAction(world.deps, world.principalOf(world.report), data);
    expect(response.statusCode).toBe(200);
    return response.value as AdaptiveCard;
  };

  it("check-in receipt: the goal checked in on", async () => {
    const world = setUp();
    world.addGoal({ id: "goal-a" });
    expectLinks(await checkIn(world, "goal-a"), { "Open goal": [goalLink("goal-a")] });
  });

  it("check-in receipt with forms still open: each open goal and My goals", async () => {
    const world = setUp();
    world.addGoal({ id: "goal-a" });
    world.addGoal({ id: "goal-b" });
    expectLinks(await checkIn(world, "goal-a"), { "Open goal": [goalLink("goal-b")], "Open my goals": [MY_GOALS] });
  });

  it("manager digest: the team dashboard and the approvals waiting", async () => {
    const world = setUp();
    world.addGoal({ id: "goal-a" });
    world.addGoal({ id: "goal-p", status: "pending_approval", approverId: world.manager.id });
    await runDigestJob(world.deps, TEST_TENANT, NOW, { isForced: true });
    expect(world.sent.map((s) => s.personId)).toEqual([world.manager.id]);
    expectLinks(world.sent[0]!.card, { "Open team view": [dashboardOf(world.manager.id)], "Review approvals (1)": [APPROVALS] });
  });

  it("kudos invitation: the completed goal", async () => {
    const world = setUp();
    const goal = world.addGoal({ id: "goal-c", status: "completed" });
    await inviteKudosOnCompletion(world.deps, TEST_TENANT, { kind: "closed", goal, etag: "v1", actorId: world.report.id });
    expect(world.sent.map((s) => s.personId)).toEqual([world.manager.id]);
    expectLinks(world.sent[0]!.card, { "Open goal": [goalLink("goal-c")] });
  });

  it("kudos sent and kudos received: the goal thanked for", async () => {
    const world = setUp();
    world.addGoal({ id: "goal-c", status: "completed" });
    const response = await handleKudosAction(world.deps, world.principalOf(world.manager), { goalId: "goal-c", version: "v1", [KUDOS_INPUT_ID]: "Brilliant work" });
    expect(response.statusCode).toBe(200);
    expectLinks(response.value as AdaptiveCard, { "Open goal": [goalLink("goal-c")] });
    expect(world.sent.map((s) => s.personId)).toEqual([world.report.id]);
    expectLinks(world.sent[0]!.card, { "Open goal": [goalLink("goal-c")] });
  });
});
