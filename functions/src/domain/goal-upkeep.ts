/** What a goal write keeps beside the goal (the cascade index, the team roll-ups, the alignment roll-ups)
 * is kept by upkeeps that run once the goal is written. They keep different rows and read only what the
 * write has already stored, so they run side by side: a write answers after the slowest of them, not
 * after all of them in turn. Each upkeep reports its own failures; none undoes the write. */
import { isSummaryUnchanged } from "./cascade-ports.js";
import type { GoalRepository, GoalWrite, Versioned } from "./ports.js";
import type { AuditEntry, Goal } from "./types.js";

export interface GoalUpkeep {
  /** After a write that changed what the goal's summary shows. */
  afterSave(write: GoalWrite, saved: Versioned<Goal>): Promise<void>;
  afterDelete(tenantId: string, goal: Goal): Promise<void>;
}

export function withUpkeep<T extends GoalRepository>(goals: T, upkeeps: readonly GoalUpkeep[]): T {
  return {
    ...goals,
    async saveGoal(write: GoalWrite) {
      const saved = await goals.saveGoal(write);
      if (!isSummaryUnchanged(write)) await Promise.all(upkeeps.map((upkeep) => upkeep.afterSave(write, saved)));
      return saved;
    },
    async deleteGoal(tenantId: string, goal: Goal, etag: string, audit: AuditEntry) {
      await goals.deleteGoal(tenantId, goal, etag, audit);
      await Promise.all(upkeeps.map((upkeep) => upkeep.afterDelete(tenantId, goal)));
    },
  };
}

/** Work started ahead of its use on a chain walk: its failure is answered where it is awaited, and
 * ignored if the walk ends before then. */
export function readAhead<T>(work: Promise<T>): Promise<T> {
  work.catch(() => undefined);
  return work;
}
