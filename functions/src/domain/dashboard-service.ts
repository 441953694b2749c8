/** GET /api/dashboard: figures for a manager's subtree, served from a stored snapshot while nothing
 * in the subtree has changed since it was computed. */
import { createBoundedMap } from "../bounded-map.js";
import { isSummaryUnchanged } from "./cascade-ports.js";
import { computeDashboard, type Dashboard } from "./dashboard.js";
import type { GoalDeps } from "./goal-context.js";
import type { GoalRepository, GoalWrite } from "./ports.js";
import { authoriseDashboardView, showToChannel, type ChannelAccess } from "./channel-dashboards.js";
import { loadManager, loadTeamGoals, resolveCycle } from "./team-goals.js";
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
  const startedAt = deps.clock.now();
  const cycle = await resolveCycle(deps, principal.tenantId, cycleId, startedAt);
  const cached = await deps.snapshots.readFresh(principal.tenantId, managerId, cycle.id, startedAt, SNAPSHOT_MAX_AGE_MS);
  if (cached) return cached;
  const manager = await loadManager(deps, principal.tenantId, managerId);
  const [team, riskMargin] = await Promise.all([loadTeamGoals(deps, principal.tenantId, manager, cycle), deps.riskMargin(principal.tenantId)]);
  const dashboard = computeDashboard({ ...team, now: startedAt, riskMargin });
  // Stamped with the start time: a change that lands while computing makes this snapshot stale.
  await deps.snapshots.write(principal.tenantId, managerId, cycle.id, dashboard, startedAt);
  return dashboard;
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
