/** A team dashboard pinned in a Teams channel: the manager pins it in a team, and the members of that
 * team (as the loopback Graph lists them) see it from the channel, with the private goals left out of
 * the list. Not pinned there, not a member, or Graph not granted the permission: refused. */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { createGraphTeamMembership } from "../../functions/src/graph/team-membership.js";
import { startFakeEntra, type FakeEntra } from "../fakes/fake-entra.js";
import { startFakeGraph, type FakeGraph } from "../fakes/fake-graph.js";
import { startBotHarness, type BotHarness } from "../support/bot-harness.js";
import { createActiveGoal, createManagerGoal } from "../support/progress-fixtures.js";

let h: BotHarness;
let graph: FakeGraph;
let entra: FakeEntra;
const tenantId = randomUUID();
const secret = randomUUID();
const pinnedTeam = randomUUID();
const otherTeam = randomUUID();
const goals: Record<string, any> = {};

async function markOffTrack(goal: any) {
  const res = await h.request("POST", `/api/goals/${goal.id}/checkins`, { as: h.org.alice, body: { keyResults: [{ id: goal.keyResults[0].id, current: 85 }], confidence: "off_track", note: "Blocked on the payment provider." } });
  expect(res.status).toBe(201);
}

const dashboardOf = (managerId: string, team: string | null) => `/api/dashboard?manager=${managerId}${team ? `&team=${team}` : ""}`;

beforeAll(async () => {
  entra = await startFakeEntra();
  graph = await startFakeGraph({ tenantId, users: [], verifyKey: entra.verifyKey });
  h = await startBotHarness(inject("azuriteConnectionString"), { AAD_APP_CLIENT_SECRET: secret, ENTRA_AUTHORITY_HOST: entra.url, GRAPH_BASE_URL: graph.url }, { tenantId });
  entra.registerClient(tenantId, h.services.config.entra.clientId, secret, ["TeamMember.Read.Group"]);
  // The channel's team: the manager, one of her reports and a colleague from Sales who is in no chain above her.
  graph.teams.addTeam(pinnedTeam, [h.org.manager.id, h.org.alice.id, h.org.outsider.id]);
  graph.teams.addTeam(otherTeam, [h.org.outsider.id, h.org.bob.id]);
  const parentId = await createManagerGoal(h, h.org);
  goals.open = await createActiveGoal(h, h.org.alice, h.org.manager, { parentId, title: "Publish the checkout timings every week" });
  goals.private = await createActiveGoal(h, h.org.alice, h.org.manager, { parentId, title: "Prepare the confidential pricing change", visibility: "private" });
  await markOffTrack(goals.open);
  await markOffTrack(goals.private);
});

afterAll(async () => {
  await h?.stop();
  await Promise.all([graph?.close(), entra?.close()]);
});

describe("a dashboard pinned in a channel", () => {
  test("before it is pinned, a member of the team is refused, and Graph is not asked", async () => {
    const res = await h.request("GET", dashboardOf(h.org.manager.id, pinnedTeam), { as: h.org.outsider });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe("forbidden");
    expect(graph.teams.lookups).toEqual([]);
  });

  test("pinning shares the caller's own dashboard only", async () => {
    const byOutsider = await h.request("POST", "/api/dashboard/pins", { as: h.org.outsider, body: { teamId: pinnedTeam } });
    expect(byOutsider.status).toBe(200);
    expect(byOutsider.body).toMatchObject({ teamId: pinnedTeam, managerId: h.org.outsider.id });
    expect((await h.request("GET", dashboardOf(h.org.manager.id, pinnedTeam), { as: h.org.outsider })).status).toBe(403);
    const bad = await h.request("POST", "/api/dashboard/pins", { as: h.org.manager, body: { teamId: pinnedTeam, managerId: h.org.ceo.id } });
    expect(bad.status).toBe(400);
  });

  test("once the manager pins it, the team's members see it, without the private goals", async () => {
    const pinned = await h.request("POST", "/api/dashboard/pins", { as: h.org.manager, body: { teamId: pinnedTeam } });
    expect(pinned.status).toBe(200);
    expect(pinned.body).toMatchObject({ teamId: pinnedTeam, managerId: h.org.manager.id });
    const own = await h.request("GET", dashboardOf(h.org.manager.id, null), { as: h.org.manager });
    expect(own.body.atRiskGoals.map((g: any) => g.id).sort()).toEqual([goals.open.id, goals.private.id].sort());
    const seen = await h.request("GET", dashboardOf(h.org.manager.id, pinnedTeam), { as: h.org.outsider });
    expect(seen.status).toBe(200);
    expect(seen.body.summary).toEqual(own.body.summary);
    expect(seen.body.atRiskGoals.map((g: any) => g.id)).toEqual([goals.open.id]);
    expect(JSON.stringify(seen.body)).not.toContain("confidential pricing");
    expect(graph.teams.lookups).toContainEqual({ teamId: pinnedTeam, userId: h.org.outsider.id, status: 200 });
  });

  test("someone who is not in the team is refused, even when they name it", async () => {
    const res = await h.request("GET", dashboardOf(h.org.manager.id, pinnedTeam), { as: h.org.bob });
    expect(res.status).toBe(403);
    expect(graph.teams.lookups).toContainEqual({ teamId: pinnedTeam, userId: h.org.bob.id, status: 200 });
  });

  test("a team the dashboard is not pinned in opens nothing, even to its members", async () => {
    const res = await h.request("GET", dashboardOf(h.org.manager.id, otherTeam), { as: h.org.outsider });
    expect(res.status).toBe(403);
    expect(graph.teams.lookups.some((l) => l.teamId === otherTeam)).toBe(false);
  });

  test("the manager's chain still sees it as before, with or without the team", async () => {
    const res = await h.request("GET", dashboardOf(h.org.manager.id, otherTeam), { as: h.org.vp });
    expect(res.status).toBe(200);
    expect(res.body.atRiskGoals).toHaveLength(2);
  });

  test("a team id that is not an id is refused as bad input", async () => {
    const res = await h.request("GET", dashboardOf(h.org.manager.id, "a'b"), { as: h.org.outsider });
    expect(res.status).toBe(400);
    expect((await h.request("POST", "/api/dashboard/pins", { as: h.org.manager, body: { teamId: "../x" } })).status).toBe(400);
  });
});

describe("team membership through Graph", () => {
  const optionsFor = (clientId: string) => ({ graphBaseUrl: graph.url, clientId, clientSecret: secret, authorityHost: entra.url, retryDelaySeconds: 0.05 });

  test("members, people outside the team and unknown teams", async () => {
    const membership = createGraphTeamMembership(optionsFor(h.services.config.entra.clientId));
    expect(await membership.isMember(tenantId, pinnedTeam, h.org.alice.id)).toBe(true);
    expect(await membership.isMember(tenantId, pinnedTeam, h.org.bob.id)).toBe(false);
    expect(await membership.isMember(tenantId, randomUUID(), h.org.alice.id)).toBe(false);
  });

  test("an app without the permission learns nothing, so nobody counts as a member", async () => {
    entra.registerClient(tenantId, "no-team-permission", secret, ["User.Read.All"]);
    const membership = createGraphTeamMembership(optionsFor("no-team-permission"));
    expect(await membership.isMember(tenantId, pinnedTeam, h.org.alice.id)).toBe(false);
    expect(graph.teams.lookups.at(-1)).toEqual({ teamId: pinnedTeam, userId: h.org.alice.id, status: 403 });
  });

  test("an answer is reused for a while, then asked again", async () => {
    let clock = 0;
    const membership = createGraphTeamMembership({ ...optionsFor(h.services.config.entra.clientId), cacheMs: 1000 }, () => clock);
    const asked = () => graph.teams.lookups.filter((l) => l.userId === h.org.manager.id).length;
    expect(await membership.isMember(tenantId, pinnedTeam, h.org.manager.id)).toBe(true);
    graph.teams.members.get(pinnedTeam)!.delete(h.org.manager.id);
    expect(await membership.isMember(tenantId, pinnedTeam, h.org.manager.id)).toBe(true);
    expect(asked()).toBe(1);
    clock = 1001;
    expect(await membership.isMember(tenantId, pinnedTeam, h.org.manager.id)).toBe(false);
    expect(asked()).toBe(2);
  });
});
