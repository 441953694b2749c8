/** The local demo's seed: goals that cascade and weeks of check-ins on the active ones, recorded
 * through the API's own operation, so dashboards show fresh check-ins, progress and some risk.
 * Seeding again writes nothing. Runs on its own embedded Azurite: the demo tenant id is fixed.
 * Seeded against today's date, so only what holds on any day of a cycle is asserted here; the mix of
 * recent and stale histories is pinned down in demo-checkins.test.ts with fixed dates. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../../functions/dev/seed-demo.js";
import { startCascade, type RunningCascade } from "../../functions/dev/start-cascade.js";
import { DEMO_PEOPLE } from "../../functions/src/directory/demo-org.js";
import { computeGoalProgress } from "../../functions/src/contracts/progress.js";
import type { CheckIn, Goal, Person } from "../../functions/src/domain/types.js";

let cascade: RunningCascade;
let tenantId: string;
const ceo = DEMO_PEOPLE.find((p) => p.managerId === null)!;
const cto = DEMO_PEOPLE.find((p) => p.jobTitle === "Chief Technology Officer")!;

async function call(method: string, path: string, person: Person): Promise<any> {
  const { token } = await cascade.services.dev!.issuer.mint({ tenantId, userId: person.id, name: person.displayName, roles: [] });
  const response = await fetch(`${cascade.url}${path}`, { method, headers: { authorization: `Bearer ${token}` } });
  expect(response.status, `${method} ${path}`).toBe(200);
  return response.json();
}

async function listAllGoals(): Promise<Goal[]> {
  const lists = await Promise.all(DEMO_PEOPLE.map((p) => cascade.services.goalDeps.goals.listGoalsByOwner(tenantId, p.id, {})));
  return lists.flat().map((g) => g.value);
}

async function listCheckIns(goal: Goal): Promise<CheckIn[]> {
  return (await cascade.services.progress.checkIns.listCheckIns(tenantId, goal, { limit: 50, cursor: null })).items;
}

beforeAll(async () => {
  cascade = await startCascade({ env: { AUTH_MODE: "dev", LOG_LEVEL: "error" }, port: 0 });
  tenantId = cascade.services.dev!.tenantId;
});
afterAll(async () => cascade?.stop());

describe("the demo seed", () => {
  it("gives every active goal check-ins, with a few at risk or off track, all recorded in order", async () => {
    const active = (await listAllGoals()).filter((g) => g.status === "active");
    expect(active.length).toBeGreaterThan(10);
    const now = Date.now();
    const histories = await Promise.all(active.map(listCheckIns));
    expect(new Set(active.map((g) => g.lastCheckIn?.confidence))).toEqual(new Set(["on_track", "at_risk", "off_track"]));
    for (const [i, goal] of active.entries()) {
      const history = histories[i]!;
      expect(history.length, goal.title).toBeGreaterThan(0);
      // Newest first, after the goal was written and never in the future; the goal carries the newest.
      expect(history.map((c) => c.at)).toEqual(history.map((c) => c.at).sort().reverse());
      for (const checkIn of history) expect(checkIn.at > goal.createdAt && Date.parse(checkIn.at) <= now).toBe(true);
      expect(goal.lastCheckIn).toEqual({ at: history[0]!.at, confidence: history[0]!.confidence });
      expect(computeGoalProgress(goal.keyResults)).toBeLessThan(1);
    }
  });

  it("shows fresh check-ins, progress and risk on a demo manager's dashboard", async () => {
    for (const manager of [ceo, cto]) {
      const dashboard = await call("GET", "/api/dashboard?manager=me", manager);
      expect(dashboard.summary.activeGoals, manager.displayName).toBeGreaterThan(0);
      expect(dashboard.summary.checkedInWithin7Days, manager.displayName).toBeGreaterThan(0);
      expect(dashboard.summary.checkedInWithin14Days).toBeGreaterThanOrEqual(dashboard.summary.checkedInWithin7Days);
      expect(dashboard.summary.averageProgress, manager.displayName).toBeGreaterThan(0);
    }
    const whole = await call("GET", "/api/dashboard?manager=me", ceo);
    expect(whole.summary.atRisk).toBeGreaterThan(0);
  });

  it("agrees with the goal reads and the check-in history of the API", async () => {
    const goal = (await listAllGoals()).find((g) => g.status === "active" && g.ownerId === cto.id)!;
    const read = await call("GET", `/api/goals/${goal.id}`, cto);
    const history = await call("GET", `/api/goals/${goal.id}/checkins`, cto);
    expect(read.progress).toBeCloseTo(computeGoalProgress(goal.keyResults));
    expect(read.progress).toBeGreaterThan(0);
    expect(history.items.length).toBeGreaterThan(0);
    expect(read.lastCheckIn).toEqual({ at: history.items[0].at, confidence: history.items[0].confidence });
    const audit = await call("GET", `/api/goals/${goal.id}/history`, cto);
    expect(JSON.stringify(audit)).toContain("checked_in");
  });

  it("writes nothing when it runs again", async () => {
    const before = await listAllGoals();
    const checkInsBefore = await Promise.all(before.map(listCheckIns));
    expect(await seedDemo(cascade.services)).toEqual({ isSeeded: false, checkIns: 0 });
    const after = await listAllGoals();
    expect(after.map((g) => `${g.id}@${g.updatedAt}`).sort()).toEqual(before.map((g) => `${g.id}@${g.updatedAt}`).sort());
    expect((await Promise.all(after.map(listCheckIns))).flat().length).toBe(checkInsBefore.flat().length);
  });
});
