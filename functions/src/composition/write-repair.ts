/** Starts the repair of goal writes a previous process left unfinished (see domain/write-intents.ts).
 * It runs in the background so it never delays the first answer. An intent younger than
 * YOUNGEST_MS may belong to a write still running on another instance, so a pass leaves those and
 * the next pass comes as soon as the youngest of them may be taken. A pass that could not repair
 * everything comes again a minute later. A write of this process whose upkeep failed (its intent kept)
 * is repaired a minute later, again while it fails. */
import { refreshAlignment, type AlignmentRows } from "../domain/alignment-rollups.js";
import { reindexGoal } from "../domain/cascade-indexing.js";
import type { CascadeIndex } from "../domain/cascade-ports.js";
import type { DirectoryReader, GoalRepository } from "../domain/ports.js";
import { refreshOwnersEverywhere, type RollUpRows } from "../domain/team-rollup-service.js";
import { repairIntents, repairPendingWrites, type PendingWrite, type RepairDeps } from "../domain/write-intents.js";
import type { Goal } from "../domain/types.js";
import { describeError, type Logger } from "../domain/logger.js";

const YOUNGEST_MS = 10_000;
const RETRY_MS = 60_000;
const MAX_ATTEMPTS = 10;

export interface WriteRepairParts {
  pending: RepairDeps["pending"];
  goalStore: RepairDeps["goals"] & Pick<RepairDeps, "repairGoalRows"> & Pick<GoalRepository, "listGoalsByOwner" | "listChildGoals">;
  directory: DirectoryReader;
  cascadeIndex: CascadeIndex;
  rollUps: RollUpRows;
  alignment: AlignmentRows;
  log: Logger;
  /** How long after a failure the repair tries again (a minute; tests shorten it). */
  retryMs?: number;
}

export interface WriteRepair {
  /** Repairs a write whose upkeep failed, a minute from now, again later while it fails. */
  later(intent: PendingWrite): void;
}

export function startWriteRepair(parts: WriteRepairParts): WriteRepair {
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
  let failedPasses = 0;
  const pass = async (): Promise<void> => {
    let next: number | null = null;
    try {
      const now = Date.now();
      const { repaired, failed, waiting } = await repairPendingWrites(deps, startedAt, new Date(now - YOUNGEST_MS), (error, goalId) => parts.log("error", "Could not repair an unfinished goal write", { goalId, error: describeError(error) }));
      if (repaired > 0) parts.log("info", "Repaired goal writes left unfinished", { repaired, ms: Date.now() - now });
      // The next pass comes as soon as the youngest intent left may be taken, or a while after a failure.
      const youngest = waiting.reduce((latest, intent) => Math.max(latest, Date.parse(intent.startedAt)), -Infinity);
      if (waiting.length > 0) next = youngest + YOUNGEST_MS + 1;
      if (failed > 0 && ++failedPasses < MAX_ATTEMPTS) next = Math.min(next ?? Infinity, Date.now() + (parts.retryMs ?? RETRY_MS));
    } catch (error) {
      parts.log("error", "Could not repair unfinished goal writes", { error: describeError(error) });
      if (++failedPasses < MAX_ATTEMPTS) next = Date.now() + (parts.retryMs ?? RETRY_MS);
    }
    if (next !== null) setTimeout(() => void pass(), Math.max(0, next - Date.now())).unref();
  };
  void pass();

  // Writes whose upkeep failed (storage that was briefly unreachable, most often): repaired together a
  // minute after the first of them, each tried up to MAX_ATTEMPTS times before it is left to the next start.
  let queue: Array<{ intent: PendingWrite; attempts: number }> = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  const retry = async (): Promise<void> => {
    const taken = queue;
    queue = [];
    timer = null;
    let failed: PendingWrite[];
    try {
      failed = (await repairIntents(deps, taken.map(({ intent }) => intent), (error, goalId) => parts.log("warn", "Could not yet repair a goal write whose upkeep failed", { goalId, error: describeError(error) }))).failed;
    } catch (error) {
      parts.log("warn", "Could not yet repair goal writes whose upkeep failed", { error: describeError(error) });
      failed = taken.map(({ intent }) => intent);
    }
    const attempts = new Map(taken.map((entry) => [entry.intent, entry.attempts]));
    for (const intent of failed) {
      const tried = attempts.get(intent)! + 1;
      if (tried < MAX_ATTEMPTS) schedule({ intent, attempts: tried });
      else parts.log("error", "A goal write whose upkeep failed is left for the repair at the next start", { goalId: intent.goalId });
    }
  };
  const schedule = (entry: { intent: PendingWrite; attempts: number }) => {
    queue.push(entry);
    timer ??= setTimeout(() => void retry(), parts.retryMs ?? RETRY_MS);
    timer.unref();
  };
  return { later: (intent) => schedule({ intent, attempts: 0 }) };
}
