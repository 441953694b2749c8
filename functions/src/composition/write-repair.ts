/** Starts the repair of goal writes a previous process left unfinished (see domain/write-intents.ts).
 * It runs in the background so it never delays the first answer. An intent younger than
 * YOUNGEST_MS may belong to a write still running on another instance, so the first pass leaves
 * those and a second pass a little later takes them. */
import { refreshAlignment, type AlignmentRows } from "../domain/alignment-rollups.js";
import { reindexGoal } from "../domain/cascade-indexing.js";
import type { CascadeIndex } from "../domain/cascade-ports.js";
import type { DirectoryReader, GoalRepository } from "../domain/ports.js";
import { refreshOwnersEverywhere, type RollUpRows } from "../domain/team-rollup-service.js";
import { repairPendingWrites, type RepairDeps } from "../domain/write-intents.js";
import type { Goal } from "../domain/types.js";
import { describeError, type Logger } from "../domain/logger.js";

const YOUNGEST_MS = 10_000;

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
  const pass = async () => {
    try {
      const repaired = await repairPendingWrites(deps, new Date(Date.now() - YOUNGEST_MS));
      if (repaired > 0) parts.log("info", "Repaired goal writes left unfinished", { repaired });
    } catch (error) {
      parts.log("error", "Could not repair unfinished goal writes", { error: describeError(error) });
    }
  };
  void pass();
  setTimeout(() => void pass(), YOUNGEST_MS + 2_000).unref();
}
