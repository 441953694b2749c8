/** Seeds the demo organisation for local runs: directory, a current and a next cycle, goals that
 * cascade from the organisation's goals down a few branches, and weeks of check-ins on the active ones.
 * Idempotent: a restart seeds nothing twice. */
import { seedDemoDirectory } from "../src/directory/demo-directory.js";
import type { GoalInput } from "../src/contracts/goals.js";
import { createGoal } from "../src/domain/goal-service.js";
import { decideGoal, submitGoal } from "../src/domain/goal-workflow.js";
import { runLimited } from "../src/domain/run-limited.js";
import type { GoalDeps } from "../src/domain/goal-context.js";
import type { Cycle, Goal, Person, Principal } from "../src/domain/types.js";
import type { Services } from "../src/composition/services.js";
import { seedDemoCheckIns } from "./demo-checkins.js";
import { ORGANISATION_GOALS, pickDepartmentGoal, pickIndividualGoal, type DemoGoalText } from "./demo-goals.js";

const SEED_MARKER = "demo-goals-v1";
/** Data kept in CASCADE_DATA_DIR from before the cascade index existed is indexed once on start. */
const INDEX_MARKER = "cascade-index-v1";
/** Separate from the goals, so data kept from before check-ins were seeded gets them once too. */
const CHECKINS_MARKER = "demo-checkins-v1";
/** Active goals were agreed in the days before their cycle began; check-ins follow from there. */
const PLANNING_LEAD_DAYS = 4;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Executives' branches written at once: quicker start-up without flooding the embedded storage. */
const BRANCH_CONCURRENCY = 4;

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
  tenantId: string;
  cycle: Cycle;
  people: Map<string, Person>;
  /** Drafts and goals waiting for approval are written now. */
  now: GoalDeps;
  /** Active goals were written in the days before the cycle, and approved a day later. */
  planned: GoalDeps;
  approved: GoalDeps;
}

/** Each reading is a second after the last, so goals written together still keep their order. */
function withClockFrom(deps: GoalDeps, start: number): GoalDeps {
  let tick = 0;
  return { ...deps, clock: { now: () => new Date(start + tick++ * 1000) } };
}

/** Active goals start where their key results started; the seeded check-ins move them on. */
function atStart(text: DemoGoalText): DemoGoalText {
  return { ...text, keyResults: text.keyResults.map((kr) => (kr.kind === "milestone" ? { ...kr, done: false } : { ...kr, current: kr.start })) };
}

async function addGoal(ctx: SeedContext, owner: Person, text: DemoGoalText, parent: Goal | null, stage: "draft" | "pending" | "active"): Promise<Goal> {
  const isActive = stage === "active";
  const deps = isActive ? ctx.planned : ctx.now;
  const principal = principalFor(ctx.tenantId, owner);
  const input: GoalInput = { ...(isActive ? atStart(text) : text), cycleId: ctx.cycle.id, dueDate: ctx.cycle.endDate, visibility: "public", parentId: parent?.id ?? null, weight: 1, isTopLevel: parent === null };
  let goal = (await createGoal(deps, principal, input)).goal.value;
  if (stage === "draft") return goal;
  goal = (await submitGoal(deps, principal, goal.id, null)).value;
  if (isActive && goal.status === "pending_approval" && goal.approverId) {
    const approver = ctx.people.get(goal.approverId)!;
    goal = (await decideGoal(ctx.approved, principalFor(ctx.tenantId, approver), goal.id, "approve", "Looks good — thank you.", null)).goal.value;
  }
  return goal;
}

function reportsOf(people: Person[], managerId: string): Person[] {
  return people.filter((p) => p.managerId === managerId).sort((a, b) => a.displayName.localeCompare(b.displayName));
}

/** Two branches per executive get aligned goals; their first report gets one too, some left waiting.
 * Branches share nothing below the organisation's goals, so they are written side by side. */
async function seedCascade(ctx: SeedContext, all: Person[]): Promise<void> {
  const root = all.find((p) => p.managerId === null)!;
  const orgGoals: Goal[] = [];
  for (const text of ORGANISATION_GOALS) orgGoals.push(await addGoal(ctx, root, text, null, "active"));
  const executives = reportsOf(all, root.id);
  await runLimited([...executives.entries()], BRANCH_CONCURRENCY, async ([i, exec]) => {
    const execGoal = await addGoal(ctx, exec, pickDepartmentGoal(exec.department, 0), orgGoals[i % orgGoals.length]!, "active");
    for (const [j, lead] of reportsOf(all, exec.id).slice(0, 2).entries()) {
      const leadGoal = await addGoal(ctx, lead, pickDepartmentGoal(lead.department, j + 1), execGoal, "active");
      const firstReport = reportsOf(all, lead.id)[0];
      if (firstReport) await addGoal(ctx, firstReport, pickIndividualGoal(i + j), leadGoal, (i + j) % 3 === 0 ? "pending" : (i + j) % 3 === 1 ? "active" : "draft");
    }
  });
}

function createSeedContext(services: Services, tenantId: string, cycle: Cycle, all: Person[]): SeedContext {
  const plannedAt = Date.parse(`${cycle.startDate}T09:30:00Z`) - PLANNING_LEAD_DAYS * DAY_MS;
  const deps = services.goalDeps;
  return { tenantId, cycle, people: new Map(all.map((p) => [p.id, p])), now: deps, planned: withClockFrom(deps, plannedAt), approved: withClockFrom(deps, plannedAt + DAY_MS) };
}

export interface SeedResult {
  /** True when this run wrote the goals (false: they were there already). */
  isSeeded: boolean;
  /** Check-ins this run recorded. */
  checkIns: number;
}

export async function seedDemo(services: Services, today = new Date()): Promise<SeedResult> {
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
    await seedCascade(createSeedContext(services, tenantId, cycles[0]!, all), all);
    await services.settings.setMarker(tenantId, SEED_MARKER);
    await services.settings.setMarker(tenantId, INDEX_MARKER);
  } else if (!(await services.settings.hasMarker(tenantId, INDEX_MARKER))) {
    await services.cascade.rebuildIndex(tenantId);
    await services.settings.setMarker(tenantId, INDEX_MARKER);
  }
  let checkIns = 0;
  if (!(await services.settings.hasMarker(tenantId, CHECKINS_MARKER))) {
    checkIns = await seedDemoCheckIns(services.progress, tenantId, await dev.listDemoPeople(), cycles[0]!, today);
    await services.settings.setMarker(tenantId, CHECKINS_MARKER);
  }
  return { isSeeded, checkIns };
}
