/** GET /api/dashboard: figures for a manager's subtree, read from the roll-ups kept for their direct
 * reports (team-rollups.ts): as many storage entities as the manager has reports, whatever the size of
 * the subtree. Nothing is cached: the roll-ups are current, so a goal write marks no dashboard. */
import type { Dashboard } from "../contracts/views.js";
import type { GoalDeps } from "./goal-context.js";
import { authoriseDashboardView, showToChannel, type ChannelAccess } from "./channel-dashboards.js";
import { loadManager, resolveCycle } from "./team-goals.js";
import type { RollUpRows } from "./team-rollup-service.js";
import { assembleDashboard } from "./team-rollups.js";
import type { Cycle, Principal } from "./types.js";

export interface DashboardDeps extends GoalDeps {
  rollUps: Pick<RollUpRows, "readTeam">;
  channels: ChannelAccess;
  riskMargin(tenantId: string): Promise<number>;
}

/** `teamId`: the team whose channel shows the dashboard, when it is opened from a channel tab. */
export async function getDashboard(deps: DashboardDeps, principal: Principal, managerId: string, cycleId: string | null, teamId: string | null = null): Promise<Dashboard> {
  const audience = await authoriseDashboardView(deps, principal, managerId, teamId);
  const dashboard = await readDashboard(deps, principal, managerId, cycleId);
  return audience === "channel" ? showToChannel(dashboard) : dashboard;
}

async function readDashboard(deps: DashboardDeps, principal: Principal, managerId: string, cycleId: string | null): Promise<Dashboard> {
  const now = deps.clock.now();
  const cycle = await resolveCycle(deps, principal.tenantId, cycleId, now);
  return readKeptDashboard(deps, principal.tenantId, managerId, cycle, now, deps.riskMargin(principal.tenantId));
}

/** A manager's dashboard for one cycle, from the roll-ups kept for their direct reports (the risk
 * margin is read alongside them when it is not known yet). */
export async function readKeptDashboard(deps: Omit<DashboardDeps, "channels" | "riskMargin">, tenantId: string, managerId: string, cycle: Cycle, now: Date, margin: number | Promise<number>): Promise<Dashboard> {
  const [manager, directReports, team, riskMargin] = await Promise.all([loadManager(deps, tenantId, managerId), deps.directory.listDirectReports(tenantId, managerId), deps.rollUps.readTeam(tenantId, managerId, cycle.id), margin]);
  // The directory says who reports to the manager now; a row left by a move that is still under way is not read.
  const reports = directReports.map((person) => ({ person, people: team.people.get(person.id) ?? (person.accountEnabled ? 1 : 0), rollUp: team.rollUps.get(person.id) ?? null }));
  return assembleDashboard({ manager, cycle, now, riskMargin, reports });
}
