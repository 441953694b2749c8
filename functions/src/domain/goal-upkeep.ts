/** What a goal write keeps beside the goal (the cascade index, the team roll-ups, the alignment roll-ups)
 * is kept by upkeeps that run once the goal is written. They keep different rows and read only what the
 * write has already stored, so they run side by side: a write answers after the slowest of them, not
 * after all of them in turn. Each upkeep reports its own failures; none undoes the write, and the write
 * says whether all of them finished. */
import { isSummaryUnchanged } from "./cascade-ports.js";
import type { GoalRepository, GoalWrite, Versioned } from "./ports.js";
import type { AuditEntry, Goal } from "./types.js";

export interface GoalUpkeep {
  /** After a write that changed what the goal's summary shows. False when it failed (and said why). */
  afterSave(write: GoalWrite, saved: Versioned<Goal>): Promise<boolean>;
  afterDelete(tenantId: string, goal: Goal): Promise<boolean>;
}

/** A goal write with its upkeep, saying whether every upkeep finished: when one failed, what it keeps
 * is behind the goal until repaired (the write's intent is left for the repair, see write-intents.ts). */
export interface UpkeptWrites {
  saveKept(write: GoalWrite): Promise<{ saved: Versioned<Goal>; isKept: boolean }>;
  deleteKept(tenantId: string, goal: Goal, etag: string, audit: AuditEntry): Promise<{ isKept: boolean }>;
}

export function withUpkeep<T extends GoalRepository>(goals: T, upkeeps: readonly GoalUpkeep[]): T & UpkeptWrites {
  const all = async (runs: Array<Promise<boolean>>) => (await Promise.all(runs)).every(Boolean);
  const saveKept = async (write: GoalWrite) => {
    const saved = await goals.saveGoal(write);
    if (isSummaryUnchanged(write)) return { saved, isKept: true };
    return { saved, isKept: await all(upkeeps.map((upkeep) => upkeep.afterSave(write, saved))) };
  };
  const deleteKept = async (tenantId: string, goal: Goal, etag: string, audit: AuditEntry) => {
    await goals.deleteGoal(tenantId, goal, etag, audit);
    return { isKept: await all(upkeeps.map((upkeep) => upkeep.afterDelete(tenantId, goal))) };
  };
  return {
    ...goals,
    saveKept,
    deleteKept,
    saveGoal: async (write: GoalWrite) => (await saveKept(write)).saved,
    deleteGoal: async (tenantId: string, goal: Goal, etag: string, audit: AuditEntry) => void (await deleteKept(tenantId, goal, etag, audit)),
  };
}

/** An upkeep's work with its failure reported: whether it finished. */
export function reported(work: Promise<unknown>, onError: (error: unknown) => void): Promise<boolean> {
  return work.then(
    () => true,
    (error: unknown) => {
      onError(error);
      return false;
    },
  );
}

/** Work started ahead of its use on a chain walk: its failure is answered where it is awaited, and
 * ignored if the walk ends before then. */
export function readAhead<T>(work: Promise<T>): Promise<T> {
  work.catch(() => undefined);
  return work;
}
