/** The manager's weekly digest, as a leader of a large team gets it: its figures and goals at risk are
 * those of their dashboard, its missing check-ins and waiting approvals are their direct reports', and
 * it reads the same number of storage entities however many people are below them.
 *
 *   Lead ← Mia (checked in today), Noor (never checked in, a goal waiting for Lead), Omar (no active goal)
 *   Mia ← people added below her between two digests */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import type { Cycle, Person } from "../../functions/src/domain/types.js";
import { buildDigestInput, loadDigestTeam } from "../../functions/src/jobs/digest-job.js";
import { countStorageRequests } from "../../functions/src/store/request-count.js";
import { buildPerson } from "../support/org-builder.js";
import { startApiHarness, type ApiHarness } from "../support/api-harness.js";
import { addPeople, buildOrgChart, buildRunningCycle, createActiveGoal, createGoal } from "../support/cascade-fixtures.js";

let api: ApiHarness;
let cycle: Cycle;
let org: Record<"Top" | "Lead" | "Mia" | "Noor" | "Omar", Person>;
let miaGoalId: string;

beforeAll(async () => {
  api = await startApiHarness(inject("azuriteConnectionString"));
  cycle = buildRunningCycle(api.tenantId);
  await api.services.goalDeps.cycles.saveCycle(cycle);
  org = buildOrgChart({ Top: null, Lead: "Top", Mia: "Lead", Noor: "Lead", Omar: "Lead" });
  await addPeople(api, org);
  const top = await createActiveGoal(api, org.Top, { cycle, isTopLevel: true, current: 50 });
  const lead = await createActiveGoal(api, org.Lead, { cycle, parentId: top.id, current: 40 });
  const mia = await createActiveGoal(api, org.Mia, { cycle, parentId: lead.id, current: 5 });
  miaGoalId = mia.id;
  const checkIn = await api.request("POST", `/api/goals/${mia.id}/checkins`, { as: org.Mia, body: { keyResults: [{ id: mia.keyResults[0].id, current: 10 }], confidence: "at_risk" } });
  expect(checkIn.status, JSON.stringify(checkIn.body)).toBe(201);
  await createActiveGoal(api, org.Noor, { cycle, parentId: lead.id, current: 30 });
  const waiting = await createGoal(api, org.Noor, { cycle, parentId: lead.id, title: "Open the second support line by March" });
  expect((await api.request("POST", `/api/goals/${waiting.id}/submit`, { as: org.Noor })).status).toBe(200);
}, 60_000);
afterAll(async () => api?.stop());

async function digestOf(manager: Person) {
  const now = new Date();
  let requests = 0;
  const team = await countStorageRequests(() => loadDigestTeam(api.services.progress, api.tenantId, manager, cycle, now, 0.1), (n) => (requests = n));
  return { input: buildDigestInput(api.services.progress, team, now), requests };
}

describe("manager digest", () => {
  test("shows the dashboard's figures, and the direct reports' missing check-ins and waiting approvals", async () => {
    const { input } = await digestOf(org.Lead);
    const dashboard = (await api.request("GET", `/api/dashboard?manager=${org.Lead.id}&cycle=${cycle.id}`, { as: org.Lead })).body;
    expect(input).toMatchObject({
      cycleName: cycle.name,
      peopleCount: dashboard.summary.people,
      averageProgress: dashboard.summary.averageProgress,
      atRiskCount: dashboard.summary.atRisk,
      pendingApprovals: { count: 1 },
    });
    expect(input.elapsedShare).toBeCloseTo(dashboard.elapsedShare, 6);
    expect(input.peopleCount).toBe(3);
    expect(input.atRisk.map((g) => g.ownerName)).toEqual(dashboard.atRiskGoals.map((g: { ownerName: string }) => g.ownerName));
    expect(input.atRisk.length).toBeGreaterThan(0);
    expect(input.missingCheckIns).toEqual([{ name: org.Noor.displayName, lastCheckInAt: null }]);
  });

  test("costs the same storage requests however many people are below the manager", async () => {
    const before = await digestOf(org.Lead);
    const below = Array.from({ length: 30 }, (_, i) => buildPerson({ id: randomUUID(), displayName: `Report ${i}`, managerId: i < 10 ? org.Mia.id : undefined }));
    // Ten under Mia, and twenty under them.
    for (let i = 10; i < below.length; i++) below[i] = { ...below[i]!, managerId: below[i % 10]!.id };
    await api.services.directory.upsertPeople(api.tenantId, below);
    for (const person of below.slice(0, 3)) await createActiveGoal(api, person, { cycle, parentId: miaGoalId, current: 0 });
    const after = await digestOf(org.Lead);
    expect(after.input.peopleCount).toBe(before.input.peopleCount + below.length);
    expect(after.requests).toBe(before.requests);
  });
});
