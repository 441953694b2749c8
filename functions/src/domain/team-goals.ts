/** Loading a manager's subtree with its goals for one cycle, and who may look at it. */
import { isAdmin, isInManagementChain } from "./goal-access.js";
import type { GoalDeps } from "./goal-context.js";
import { AppError, notFound } from "./errors.js";
import type { Cycle, Goal, Person, Principal } from "./types.js";
import { runLimited } from "./run-limited.js";

/** Owner partitions read at once; enough to hide latency without flooding storage. */
export const LOAD_CONCURRENCY = 16;

export interface TeamGoals {
  manager: Person;
  people: Person[];
  directReports: Person[];
  cycle: Cycle;
  goalsByOwner: Map<string, Goal[]>;
}

/** The manager themself, anyone above them, and admins. Looking at your own team needs no lookup. */
export async function authoriseTeamView(deps: GoalDeps, principal: Principal, managerId: string): Promise<void> {
  if (principal.userId === managerId) return;
  const manager = await deps.directory.getPerson(principal.tenantId, managerId);
  if (!manager) throw notFound("The person");
  const isAllowed = isAdmin(principal) || (await isInManagementChain(deps.directory, principal.tenantId, principal.userId, managerId));
  if (!isAllowed) throw new AppError("forbidden", "Only this person, their managers and admins can see their team's figures.");
}

export async function loadManager(deps: GoalDeps, tenantId: string, managerId: string): Promise<Person> {
  const manager = await deps.directory.getPerson(tenantId, managerId);
  if (!manager) throw notFound("The person");
  return manager;
}

export async function assertCanViewTeam(deps: GoalDeps, principal: Principal, managerId: string): Promise<Person> {
  await authoriseTeamView(deps, principal, managerId);
  return loadManager(deps, principal.tenantId, managerId);
}

export async function resolveCycle(deps: GoalDeps, tenantId: string, cycleId: string | null, now: Date): Promise<Cycle> {
  if (cycleId) {
    const cycle = await deps.cycles.getCycle(tenantId, cycleId);
    if (!cycle) throw notFound("The cycle");
    return cycle;
  }
  const today = now.toISOString().slice(0, 10);
  const cycles = await deps.cycles.listCycles(tenantId);
  const current = cycles.find((c) => c.startDate <= today && today <= c.endDate) ?? cycles.filter((c) => c.status === "open").at(-1) ?? cycles.at(-1);
  if (!current) throw notFound("A cycle");
  return current;
}

export async function loadTeamGoals(deps: Pick<GoalDeps, "directory" | "goals">, tenantId: string, manager: Person, cycle: Cycle): Promise<TeamGoals> {
  const [people, directReports] = await Promise.all([deps.directory.listSubtree(tenantId, manager.id), deps.directory.listDirectReports(tenantId, manager.id)]);
  return { manager, people, directReports, cycle, goalsByOwner: await loadGoalsOf(deps, tenantId, people, cycle) };
}

/** These people's goals of the cycle, by owner: a query of each one's partition, a few at once. */
export async function loadGoalsOf(deps: Pick<GoalDeps, "goals">, tenantId: string, people: Person[], cycle: Cycle): Promise<Map<string, Goal[]>> {
  const lists = await runLimited(people, LOAD_CONCURRENCY, (p) => deps.goals.listGoalsByOwner(tenantId, p.id, { cycleId: cycle.id }));
  return new Map(people.map((p, i) => [p.id, lists[i]!.map((g) => g.value)]));
}
