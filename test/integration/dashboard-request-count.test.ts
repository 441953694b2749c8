/** A dashboard reads the roll-ups of the manager's direct reports: its storage requests stay the same
 * however large the subtree under those reports grows, while its figures follow the growth. Counted
 * with the Tables client's request counter, in process, against Azurite. */
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { getDashboard } from "../../functions/src/domain/dashboard-service.js";
import { loadTeamGoals } from "../../functions/src/domain/team-goals.js";
import type { Person, Principal } from "../../functions/src/domain/types.js";
import { countStorageRequests } from "../../functions/src/store/request-count.js";
import { startApiHarness, type ApiHarness } from "../support/api-harness.js";
import { buildPerson } from "../support/org-builder.js";
import { buildTestGoal } from "../support/test-goals.js";

let api: ApiHarness;
let vp: Principal;

beforeAll(async () => {
  api = await startApiHarness(inject("azuriteConnectionString"));
  vp = { tenantId: api.tenantId, userId: api.org.vp.id, name: api.org.vp.displayName, roles: [] };
});
afterAll(async () => api?.stop());

async function counted<T>(work: () => Promise<T>): Promise<{ result: T; requests: number }> {
  let requests = -1;
  const result = await countStorageRequests(work, (n) => (requests = n));
  return { result, requests };
}

const readDashboard = () => counted(() => getDashboard(api.services.progress, vp, api.org.vp.id, api.cycle.id));

/** `count` people below `managerId`, each under the one before in threes (a deeper and wider tree), each with an active goal. */
async function growSubtree(managerId: string, count: number, prefix: string): Promise<Person[]> {
  const people: Person[] = [];
  for (let i = 0; i < count; i++) people.push(buildPerson({ displayName: `${prefix} ${i}`, managerId: i < 3 ? managerId : people[Math.floor(i / 3) - 1]!.id }));
  await api.services.directory.upsertPeople(api.tenantId, people);
  for (const person of people) {
    const goal = buildTestGoal({ tenantId: api.tenantId, ownerId: person.id, cycleId: api.cycle.id, status: "active", title: `Goal of ${person.displayName}` });
    await api.services.goalDeps.goals.saveGoal({ goal, audit: [] });
  }
  return people;
}

describe("the storage requests of a dashboard", () => {
  test("do not grow with the subtree, while the figures follow it", { timeout: 300_000 }, async () => {
    await readDashboard(); // The cycle and settings caches fill once.
    const small = await readDashboard();
    expect(small.result.summary.people).toBe(3);

    await growSubtree(api.org.alice.id, 30, "Deep");
    await growSubtree(api.org.bob.id, 12, "Wide");
    const large = await readDashboard();
    expect(large.result.summary.people).toBe(3 + 42);
    expect(large.result.summary.activeGoals).toBe(small.result.summary.activeGoals + 42);
    expect(large.result.directReports.map((r) => r.figures.people)).toEqual([45]);
    expect(large.requests).toBe(small.requests);

    // Reading the subtree itself, as the dashboard once did, costs a request per person at least.
    const manager = (await api.services.directory.getPerson(api.tenantId, api.org.vp.id))!;
    const subtree = await counted(() => loadTeamGoals(api.services.goalDeps, api.tenantId, manager, api.cycle));
    expect(subtree.requests).toBeGreaterThan(45);
    expect(large.requests).toBeLessThan(10);
  });

  test("grow with the direct reports only through the one query of their rows", { timeout: 300_000 }, async () => {
    const before = await readDashboard();
    const newcomers = [buildPerson({ displayName: "Nia Newcomer", managerId: api.org.vp.id }), buildPerson({ displayName: "Omar Newcomer", managerId: api.org.vp.id })];
    await api.services.directory.upsertPeople(api.tenantId, newcomers);
    const after = await readDashboard();
    expect(after.result.directReports).toHaveLength(before.result.directReports.length + 2);
    expect(after.result.summary.people).toBe(before.result.summary.people + 2);
    expect(after.requests).toBe(before.requests);
  });
});
