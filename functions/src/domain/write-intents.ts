/** Crash safety for goal writes. A goal is written in one transaction, but the indexes beside it (the
 * pointer and children rows, the cascade index, the team roll-ups) are written after it; a process
 * that dies in between, or an index write that fails, would leave them behind. So every write that
 * changes a goal's summary first records an intent, and removes it when everything is written. Intents
 * left over (a process died, an upkeep failed) are repaired: each goal's indexes are rewritten from what
 * the goal is now. */
import { isNotWritten } from "./errors.js";
import { isSummaryUnchanged } from "./cascade-ports.js";
import { runLimited } from "./run-limited.js";
import type { UpkeptWrites } from "./goal-upkeep.js";
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
  /** A written goal whose upkeep failed: its intent is left for a repair soon after. */
  onUnfinished?(intent: PendingWrite): void;
}

export function withWriteIntents<T extends GoalRepository & UpkeptWrites>(goals: T, deps: IntentDeps): T {
  async function guarded<R>(goal: Goal, previous: Goal | undefined, run: () => Promise<{ result: R; isKept: boolean }>): Promise<R> {
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
      const { result, isKept } = await run();
      // When an upkeep failed, the intent stays for the repair to bring what it keeps in line.
      if (isKept) close();
      else deps.onUnfinished?.(intent);
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
      return guarded(write.goal, write.previous, async () => {
        const { saved, isKept } = await goals.saveKept(write);
        return { result: saved, isKept };
      });
    },
    deleteGoal(tenantId: string, goal: Goal, etag: string, audit: AuditEntry) {
      return guarded(goal, undefined, async () => ({ result: undefined, ...(await goals.deleteKept(tenantId, goal, etag, audit)) }));
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
/** Goals repaired at once: each repair walks its owners' chains, mostly waiting on storage. */
const REPAIR_CONCURRENCY = 4;

/** Brings one goal's rows and cascade-index place in line with the goal, again if the goal changed
 * meanwhile (a write running alongside repairs itself; this only has to end at the goal's latest
 * state). Every intent left for the goal is repaired at once: they name the parents any of them touched.
 * Returns the owners whose roll-ups the intents touched. */
async function repairGoal(deps: RepairDeps, intents: PendingWrite[]): Promise<string[]> {
  const { tenantId, goalId } = intents[0]!;
  const owners = new Set(intents.flatMap((intent) => intent.ownerIds));
  const parentIds = [...new Set(intents.flatMap((intent) => intent.parentIds))];
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const before = await deps.goals.getGoal(tenantId, goalId);
    const goal = before?.value ?? null;
    await deps.repairGoalRows(tenantId, goalId, goal, parentIds);
    if (goal) await deps.reindex(goal);
    else await deps.unindex(tenantId, goalId);
    if (goal) owners.add(goal.ownerId);
    const after = await deps.goals.getGoal(tenantId, goalId);
    if ((after?.etag ?? null) === (before?.etag ?? null)) break;
  }
  return [...owners];
}

export interface RepairPass {
  repaired: number;
  /** Intents whose repair failed; they stay recorded for a later pass. */
  failed: number;
  /** Intents too young to take: their writes may still be running on another instance. */
  waiting: PendingWrite[];
}

/** Of the intents recorded before `recordedBefore`, repairs those that started before `startedBefore`
 * and returns the younger ones for a later pass. Each goal is repaired once however many intents it
 * left, a few goals at once; then each owner's roll-ups once however many of their goals were
 * repaired (a storm of one team's writes cut short leaves many goals and few owners). An intent is
 * cleared once its goal and its owners are repaired; a failure is reported and leaves only the intents
 * it concerns for later. */
export async function repairPendingWrites(deps: RepairDeps, recordedBefore: Date, startedBefore: Date, onError: (error: unknown, goalId: string) => void): Promise<RepairPass> {
  const intents = await deps.pending.listStartedBefore(recordedBefore.toISOString());
  const cutoff = startedBefore.toISOString();
  const waiting = intents.filter((intent) => intent.startedAt >= cutoff);
  const { failed } = await repairIntents(deps, intents.filter((intent) => intent.startedAt < cutoff), onError);
  return { repaired: intents.length - waiting.length - failed.length, failed: failed.length, waiting };
}

/** Repairs the given intents as a pass does; returns those whose repair failed (still recorded). */
export async function repairIntents(deps: RepairDeps, intents: readonly PendingWrite[], onError: (error: unknown, goalId: string) => void): Promise<{ failed: PendingWrite[] }> {
  const byGoal = new Map<string, PendingWrite[]>();
  for (const intent of intents) {
    const key = `${intent.tenantId}/${intent.goalId}`;
    byGoal.set(key, [...(byGoal.get(key) ?? []), intent]);
  }
  const goalsRepaired = await runLimited([...byGoal.values()], REPAIR_CONCURRENCY, async (goalIntents) => {
    try {
      return { intents: goalIntents, owners: await repairGoal(deps, goalIntents) };
    } catch (error) {
      onError(error, goalIntents[0]!.goalId);
      return null;
    }
  });
  const done = goalsRepaired.filter((goal): goal is { intents: PendingWrite[]; owners: string[] } => goal !== null);
  const ownerKey = (tenantId: string, ownerId: string) => `${tenantId}/${ownerId}`;
  const owners = new Map<string, { tenantId: string; ownerId: string; goalId: string }>();
  for (const { intents: [first], owners: ownerIds } of done) {
    for (const ownerId of ownerIds) {
      const key = ownerKey(first!.tenantId, ownerId);
      if (!owners.has(key)) owners.set(key, { tenantId: first!.tenantId, ownerId, goalId: first!.goalId });
    }
  }
  const ownersFailed = new Set<string>();
  await runLimited([...owners.entries()], REPAIR_CONCURRENCY, async ([key, { tenantId, ownerId, goalId }]) => {
    try {
      await deps.refreshRollUps(tenantId, [ownerId]);
    } catch (error) {
      ownersFailed.add(key);
      onError(error, goalId);
    }
  });
  const finished = done.filter(({ intents: [first], owners: ownerIds }) => ownerIds.every((ownerId) => !ownersFailed.has(ownerKey(first!.tenantId, ownerId)))).flatMap(({ intents }) => intents);
  await runLimited(finished, REPAIR_CONCURRENCY, (intent) => deps.pending.close(intent));
  const closed = new Set(finished);
  return { failed: intents.filter((intent) => !closed.has(intent)) };
}
