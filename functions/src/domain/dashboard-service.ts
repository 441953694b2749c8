/** GET /api/dashboard: figures for a manager's subtree, served from a stored snapshot while nothing
 * in the subtree has changed since it was computed. */
import { computeDashboard, type Dashboard } from "./dashboard.js";
import type { GoalDeps } from "./goal-context.js";
import type { GoalRepository, GoalWrite } from "./ports.js";
import { authoriseTeamView, loadManager, loadTeamGoals, resolveCycle } from "./team-goals.js";
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
  riskMargin(tenantId: string): Promise<number>;
}

export async function getDashboard(deps: DashboardDeps, principal: Principal, managerId: string, cycleId: string | null): Promise<Dashboard> {
  await authoriseTeamView(deps, principal, managerId);
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

/** Wraps the goal repository so every write stamps the owner's managers: their snapshots go stale. */
export function withChangeStamps<T extends GoalRepository>(goals: T, deps: Pick<GoalDeps, "directory" | "clock">, snapshots: DashboardSnapshots, onError: (error: unknown) => void): T {
  async function stamp(tenantId: string, ownerId: string): Promise<void> {
    try {
      const chain = await deps.directory.getManagerChain(tenantId, ownerId);
      if (chain.length > 0) await snapshots.markChanged(tenantId, chain.map((p) => p.id), deps.clock.now());
    } catch (error) {
      onError(error);
    }
  }
  return {
    ...goals,
    async saveGoal(write: GoalWrite) {
      const saved = await goals.saveGoal(write);
      await stamp(write.goal.tenantId, write.goal.ownerId);
      return saved;
    },
    async deleteGoal(tenantId: string, goal: Goal, etag: string, audit: AuditEntry) {
      await goals.deleteGoal(tenantId, goal, etag, audit);
      await stamp(tenantId, goal.ownerId);
    },
  };
}
