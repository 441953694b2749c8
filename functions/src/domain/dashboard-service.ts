/** GET /api/dashboard: figures for a manager's subtree, read from the roll-ups kept for their direct
 * reports (team-rollups.ts): as many storage entities as the manager has reports, whatever the size of
 * the subtree. The change stamps below still mark the managers whose figures a goal write moved. */
import { createBoundedMap } from "../bounded-map.js";
import { isSummaryUnchanged } from "./cascade-ports.js";
import type { Dashboard } from "../contracts/views.js";
import type { GoalDeps } from "./goal-context.js";
import type { GoalRepository, GoalWrite } from "./ports.js";
import { authoriseDashboardView, showToChannel, type ChannelAccess } from "./channel-dashboards.js";
import { loadManager, resolveCycle } from "./team-goals.js";
import type { RollUpRows } from "./team-rollup-service.js";
import { assembleDashboard } from "./team-rollups.js";
import type { AuditEntry, Goal, Principal } from "./types.js";

/** Snapshots older than this are recomputed anyway: time alone moves freshness and risk. */
export const SNAPSHOT_MAX_AGE_MS = 5 * 60 * 1000;

export interface DashboardSnapshots {
  /** A snapshot computed after the last change stamped on the manager, and younger than maxAgeMs. */
  readFresh(tenantId: string, managerId: string, cycleId: string, now: Date, maxAgeMs: number): Promise<Dashboard | null>;
  write(tenantId: string, managerId: string, cycleId: string, dashboard: Dashboard, computedAt: Date): Promise<void>;
  /** Records that something under these managers changed at `at`. */
  markChanged(tenantId: string, managerIds: string[], at: Date): Promise<void>;
}

export interface DashboardDeps extends GoalDeps {
  snapshots: DashboardSnapshots;
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
  const tenantId = principal.tenantId;
  const cycle = await resolveCycle(deps, tenantId, cycleId, now);
  const [manager, directReports, team, riskMargin] = await Promise.all([
    loadManager(deps, tenantId, managerId),
    deps.directory.listDirectReports(tenantId, managerId),
    deps.rollUps.readTeam(tenantId, managerId, cycle.id),
    deps.riskMargin(tenantId),
  ]);
  // The directory says who reports to the manager now; a row left by a move that is still under way is not read.
  const reports = directReports.map((person) => ({ person, people: team.people.get(person.id) ?? (person.accountEnabled ? 1 : 0), rollUp: team.rollUps.get(person.id) ?? null }));
  return assembleDashboard({ manager, cycle, now, riskMargin, reports });
}

/** How long a person's management chain is reused when stamping. Reorgs are not stamped anyway;
 * snapshots expire after SNAPSHOT_MAX_AGE_MS, which bounds both. */
export const CHAIN_CACHE_MS = 60_000;
const CHAIN_CACHE_MAX = 50_000;

/** Wraps the goal repository so every write stamps the owner's managers: their snapshots go stale. */
export function withChangeStamps<T extends GoalRepository>(goals: T, deps: Pick<GoalDeps, "directory" | "clock">, snapshots: DashboardSnapshots, onError: (error: unknown) => void): T {
  const chains = createBoundedMap<string, { at: number; ids: Promise<string[]> }>(CHAIN_CACHE_MAX);
  function readChain(tenantId: string, ownerId: string): Promise<string[]> {
    const key = `${tenantId}|${ownerId}`;
    const now = deps.clock.now().getTime();
    const hit = chains.get(key);
    if (hit && now - hit.at < CHAIN_CACHE_MS) return hit.ids;
    const ids = deps.directory.getManagerChain(tenantId, ownerId).then((chain) => chain.map((p) => p.id));
    chains.set(key, { at: now, ids });
    ids.catch(() => chains.delete(key));
    return ids;
  }
  async function stamp(tenantId: string, ownerId: string): Promise<void> {
    try {
      const ids = await readChain(tenantId, ownerId);
      if (ids.length > 0) await snapshots.markChanged(tenantId, ids, deps.clock.now());
    } catch (error) {
      onError(error);
    }
  }
  return {
    ...goals,
    async saveGoal(write: GoalWrite) {
      const saved = await goals.saveGoal(write);
      if (!isSummaryUnchanged(write)) await stamp(write.goal.tenantId, write.goal.ownerId);
      return saved;
    },
    async deleteGoal(tenantId: string, goal: Goal, etag: string, audit: AuditEntry) {
      await goals.deleteGoal(tenantId, goal, etag, audit);
      await stamp(tenantId, goal.ownerId);
    },
  };
}
