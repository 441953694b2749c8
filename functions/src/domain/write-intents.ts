/** Crash safety for goal writes. A goal is written in one transaction, but the indexes beside it (the
 * pointer and children rows, the cascade index, the team roll-ups) are written after it; a process
 * that dies in between would leave them behind. So every write that changes a goal's summary first
 * records an intent, and removes it when everything is written. At start, intents left over from a
 * process that died are repaired: each goal's indexes are rewritten from what the goal is now. */
import { isNotWritten } from "./errors.js";
import { isSummaryUnchanged } from "./cascade-ports.js";
import type { GoalRepository, GoalWrite } from "./ports.js";
import type { AuditEntry, Goal } from "./types.js";

export interface PendingWrite {
  tenantId: string;
  goalId: string;
  writeId: string;
  /** Owners before and after, whose managers' dashboards the write touches. */
  ownerIds: string[];
  /** Parents before and after, whose children lists the write touches. */
  parentIds: string[];
  startedAt: string;
}

export interface PendingWrites {
  open(write: PendingWrite): Promise<void>;
  close(write: PendingWrite): Promise<void>;
  listStartedBefore(time: string): Promise<PendingWrite[]>;
}


export interface IntentDeps {
  pending: PendingWrites;
  newId(): string;
  now(): Date;
  onError(error: unknown, goalId: string): void;
}

export function withWriteIntents<T extends GoalRepository>(goals: T, deps: IntentDeps): T {
  async function guarded<R>(goal: Goal, previous: Goal | undefined, run: () => Promise<R>): Promise<R> {
    const intent: PendingWrite = {
      tenantId: goal.tenantId,
      goalId: goal.id,
      writeId: deps.newId(),
      ownerIds: [...new Set([previous?.ownerId, goal.ownerId].filter((id): id is string => !!id))],
      parentIds: [...new Set([previous?.parentId, goal.parentId].filter((id): id is string => !!id))],
      startedAt: deps.now().toISOString(),
    };
    await deps.pending.open(intent);
    const close = () => void deps.pending.close(intent).catch((error: unknown) => deps.onError(error, goal.id));
    try {
      const result = await run();
      close();
      return result;
    } catch (error) {
      // The goal was not written, so nothing beside it needs repair.
      if (isNotWritten(error)) close();
      throw error;
    }
  }
  return {
    ...goals,
    saveGoal(write: GoalWrite) {
      if (isSummaryUnchanged(write)) return goals.saveGoal(write);
      return guarded(write.goal, write.previous, () => goals.saveGoal(write));
    },
    deleteGoal(tenantId: string, goal: Goal, etag: string, audit: AuditEntry) {
      return guarded(goal, undefined, () => goals.deleteGoal(tenantId, goal, etag, audit));
    },
  };
}

export interface RepairDeps {
  pending: PendingWrites;
  goals: Pick<GoalRepository, "getGoal">;
  /** Rewrites the goal's pointer and children rows from the goal (null: the goal is gone). */
  repairGoalRows(tenantId: string, goalId: string, goal: Goal | null, parentIds: string[]): Promise<void>;
  reindex(goal: Goal): Promise<void>;
  unindex(tenantId: string, goalId: string): Promise<void>;
  /** Recomputes the team roll-ups of the owners and their chains. */
  refreshRollUps(tenantId: string, ownerIds: string[]): Promise<void>;
}

const MAX_ROUNDS = 3;

/** Brings one goal's indexes in line with the goal, again if the goal changed meanwhile (a write
 * running alongside repairs itself; this only has to end at the goal's latest state). */
async function repairOne(deps: RepairDeps, intent: PendingWrite): Promise<void> {
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const before = await deps.goals.getGoal(intent.tenantId, intent.goalId);
    const goal = before?.value ?? null;
    await deps.repairGoalRows(intent.tenantId, intent.goalId, goal, intent.parentIds);
    if (goal) await deps.reindex(goal);
    else await deps.unindex(intent.tenantId, intent.goalId);
    await deps.refreshRollUps(intent.tenantId, [...new Set([...intent.ownerIds, ...(goal ? [goal.ownerId] : [])])]);
    const after = await deps.goals.getGoal(intent.tenantId, intent.goalId);
    if ((after?.etag ?? null) === (before?.etag ?? null)) break;
  }
  await deps.pending.close(intent);
}

/** Repairs the writes that started before `startedBefore` and never finished; returns how many. */
export async function repairPendingWrites(deps: RepairDeps, startedBefore: Date): Promise<number> {
  const intents = await deps.pending.listStartedBefore(startedBefore.toISOString());
  for (const intent of intents) await repairOne(deps, intent);
  return intents.length;
}
