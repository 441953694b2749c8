/** Starts the repair of goal writes a previous process left unfinished (see domain/write-intents.ts).
 * It runs in the background so it never delays the first answer. An intent younger than
 * YOUNGEST_MS may belong to a write still running on another instance, so a pass leaves those and
 * the next pass comes as soon as the youngest of them may be taken. A pass that could not repair
 * everything comes again a minute later. */
import { refreshAlignment, type AlignmentRows } from "../domain/alignment-rollups.js";
import { reindexGoal } from "../domain/cascade-indexing.js";
import type { CascadeIndex } from "../domain/cascade-ports.js";
import type { DirectoryReader, GoalRepository } from "../domain/ports.js";
import { refreshOwnersEverywhere, type RollUpRows } from "../domain/team-rollup-service.js";
import { repairPendingWrites, type RepairDeps } from "../domain/write-intents.js";
import type { Goal } from "../domain/types.js";
import { describeError, type Logger } from "../domain/logger.js";

const YOUNGEST_MS = 10_000;
const RETRY_MS = 60_000;

export interface WriteRepairParts {
  pending: RepairDeps["pending"];
  goalStore: RepairDeps["goals"] & Pick<RepairDeps, "repairGoalRows"> & Pick<GoalRepository, "listGoalsByOwner" | "listChildGoals">;
  directory: DirectoryReader;
  cascadeIndex: CascadeIndex;
  rollUps: RollUpRows;
  alignment: AlignmentRows;
  log: Logger;
}

export function startWriteRepair(parts: WriteRepairParts): void {
  const deps: RepairDeps = {
    pending: parts.pending,
    goals: parts.goalStore,
    async repairGoalRows(tenantId, goalId, goal, parentIds) {
      await parts.goalStore.repairGoalRows(tenantId, goalId, goal, parentIds);
      await refreshAlignment({ rows: parts.alignment, goals: parts.goalStore }, tenantId, goalId, [...parentIds, goal?.parentId], true);
    },
    reindex: (goal: Goal) => reindexGoal(parts.directory, parts.cascadeIndex, goal),
    unindex: (tenantId, goalId) => parts.cascadeIndex.removeGoal(tenantId, goalId),
    async refreshRollUps(tenantId, ownerIds) {
      // The goal's cycle may have changed and the goal may be gone: every cycle of each owner is recomputed.
      await refreshOwnersEverywhere({ rollUps: parts.rollUps, directory: parts.directory, goals: parts.goalStore, clock: { now: () => new Date() } }, tenantId, ownerIds);
    },
  };
  // Every pass looks only at the writes that had started when this process did: later ones are its own
  // or another running instance's, and are not for repair.
  const startedAt = new Date();
  const pass = async (): Promise<void> => {
    let next: number | null = null;
    try {
      const now = Date.now();
      const { repaired, failed, waiting } = await repairPendingWrites(deps, startedAt, new Date(now - YOUNGEST_MS), (error, goalId) => parts.log("error", "Could not repair an unfinished goal write", { goalId, error: describeError(error) }));
      if (repaired > 0) parts.log("info", "Repaired goal writes left unfinished", { repaired, ms: Date.now() - now });
      // The next pass comes as soon as the youngest intent left may be taken, or a while after a failure.
      const youngest = waiting.reduce((latest, intent) => Math.max(latest, Date.parse(intent.startedAt)), -Infinity);
      if (waiting.length > 0) next = youngest + YOUNGEST_MS + 1;
      if (failed > 0) next = Math.min(next ?? Infinity, Date.now() + RETRY_MS);
    } catch (error) {
      parts.log("error", "Could not repair unfinished goal writes", { error: describeError(error) });
      next = Date.now() + RETRY_MS;
    }
    if (next !== null) setTimeout(() => void pass(), Math.max(0, next - Date.now())).unref();
  };
  void pass();
}
