/** Seeds the demo organisation for local runs: directory, a current and a next cycle, and goals that
 * cascade from the organisation's goals down a few branches. Idempotent: a restart seeds nothing twice. */
import { seedDemoDirectory } from "../src/directory/demo-directory.js";
import type { GoalInput } from "../src/domain/goal-input.js";
import { createGoal } from "../src/domain/goal-service.js";
import { decideGoal, submitGoal } from "../src/domain/goal-workflow.js";
import type { Cycle, Goal, Person, Principal } from "../src/domain/types.js";
import type { Services } from "../src/services.js";
import { ORGANISATION_GOALS, pickDepartmentGoal, pickIndividualGoal, type DemoGoalText } from "./demo-goals.js";

const SEED_MARKER = "demo-goals-v1";
/** Data kept in CASCADE_DATA_DIR from before the cascade index existed is indexed once on start. */
const INDEX_MARKER = "cascade-index-v1";

export function buildQuarterCycles(tenantId: string, today: Date): Cycle[] {
  const year = today.getUTCFullYear();
  const quarter = Math.floor(today.getUTCMonth() / 3);
  return [0, 1].map((offset) => {
    const q = (quarter + offset) % 4;
    const y = year + Math.floor((quarter + offset) / 4);
    const start = new Date(Date.UTC(y, q * 3, 1));
    const end = new Date(Date.UTC(y, q * 3 + 3, 0));
    return { tenantId, id: `${y}-q${q + 1}`, name: `Q${q + 1} ${y}`, startDate: start.toISOString().slice(0, 10), endDate: end.toISOString().slice(0, 10), status: "open" };
  });
}

function principalFor(tenantId: string, person: Person): Principal {
  return { tenantId, userId: person.id, name: person.displayName, roles: [] };
}

interface SeedContext {
  services: Services;
  tenantId: string;
  cycle: Cycle;
  people: Map<string, Person>;
}

async function addGoal(ctx: SeedContext, owner: Person, text: DemoGoalText, parent: Goal | null, stage: "draft" | "pending" | "active"): Promise<Goal> {
  const deps = ctx.services.goalDeps;
  const principal = principalFor(ctx.tenantId, owner);
  const input: GoalInput = { ...text, cycleId: ctx.cycle.id, dueDate: ctx.cycle.endDate, visibility: "public", parentId: parent?.id ?? null, weight: 1, isTopLevel: parent === null };
  let goal = (await createGoal(deps, principal, input)).value;
  if (stage === "draft") return goal;
  goal = (await submitGoal(deps, principal, goal.id, null)).value;
  if (stage === "active" && goal.status === "pending_approval" && goal.approverId) {
    const approver = ctx.people.get(goal.approverId)!;
    goal = (await decideGoal(deps, principalFor(ctx.tenantId, approver), goal.id, "approve", "Looks good — thank you.", null)).goal.value;
  }
  return goal;
}

function reportsOf(people: Person[], managerId: string): Person[] {
  return people.filter((p) => p.managerId === managerId).sort((a, b) => a.displayName.localeCompare(b.displayName));
}

/** Two branches per executive get aligned goals; their first report gets one too, some left waiting. */
async function seedCascade(ctx: SeedContext, all: Person[]): Promise<void> {
  const root = all.find((p) => p.managerId === null)!;
  const orgGoals = [];
  for (const text of ORGANISATION_GOALS) orgGoals.push(await addGoal(ctx, root, text, null, "active"));
  const executives = reportsOf(all, root.id);
  for (const [i, exec] of executives.entries()) {
    const execGoal = await addGoal(ctx, exec, pickDepartmentGoal(exec.department, 0), orgGoals[i % orgGoals.length]!, "active");
    for (const [j, lead] of reportsOf(all, exec.id).slice(0, 2).entries()) {
      const leadGoal = await addGoal(ctx, lead, pickDepartmentGoal(lead.department, j + 1), execGoal, "active");
      const firstReport = reportsOf(all, lead.id)[0];
      if (firstReport) await addGoal(ctx, firstReport, pickIndividualGoal(i + j), leadGoal, (i + j) % 3 === 0 ? "pending" : (i + j) % 3 === 1 ? "active" : "draft");
    }
  }
}

export async function seedDemo(services: Services, today = new Date()): Promise<{ isSeeded: boolean }> {
  const dev = services.dev;
  if (!dev) throw new Error("The demo organisation is seeded only in development mode.");
  const tenantId = dev.tenantId;
  await seedDemoDirectory(services.directory, tenantId);
  const cycles = buildQuarterCycles(tenantId, today);
  for (const cycle of cycles) {
    if (!(await services.goalDeps.cycles.getCycle(tenantId, cycle.id))) await services.goalDeps.cycles.saveCycle(cycle);
  }
  const isSeeded = !(await services.settings.hasMarker(tenantId, SEED_MARKER));
  if (isSeeded) {
    const all = await dev.listDemoPeople();
    await seedCascade({ services, tenantId, cycle: cycles[0]!, people: new Map(all.map((p) => [p.id, p])) }, all);
    await services.settings.setMarker(tenantId, SEED_MARKER);
    await services.settings.setMarker(tenantId, INDEX_MARKER);
  } else if (!(await services.settings.hasMarker(tenantId, INDEX_MARKER))) {
    await services.cascade.rebuildIndex(tenantId);
    await services.settings.setMarker(tenantId, INDEX_MARKER);
  }
  return { isSeeded };
}
