/** Keeps the cascade index in step with the goals: every write places the goal's summary under the
 * owner's current manager. The goal write has already succeeded when the index is written, so an
 * index failure is reported, not thrown: the caller must not retry a write that happened. */
import { isSummaryUnchanged, ROOT_PLACEMENT, type CascadeIndex, type Placement } from "./cascade-ports.js";
import type { DirectoryReader, GoalRepository, GoalWrite } from "./ports.js";
import type { AuditEntry, Goal, Person } from "./types.js";

/** Where the owner's goals belong now. Someone no longer in the directory keeps their placement, so
 * a leaver's goals stay in front of their former manager. */
export async function findPlacement(directory: DirectoryReader, tenantId: string, ownerId: string): Promise<Placement> {
  const owner = await directory.getPerson(tenantId, ownerId);
  if (!owner) return { managerKey: null, ownerName: null };
  return { managerKey: owner.managerId ?? ROOT_PLACEMENT, ownerName: owner.displayName };
}

export async function reindexGoal(directory: DirectoryReader, index: CascadeIndex, goal: Goal): Promise<void> {
  await index.indexGoal(goal, findPlacement(directory, goal.tenantId, goal.ownerId));
}

export function withCascadeIndex<T extends GoalRepository>(goals: T, directory: DirectoryReader, index: CascadeIndex, onError: (error: unknown, goalId: string) => void): T {
  return {
    ...goals,
    async saveGoal(write: GoalWrite) {
      const saved = await goals.saveGoal(write);
      if (isSummaryUnchanged(write)) return saved;
      await reindexGoal(directory, index, saved.value).catch((error: unknown) => onError(error, saved.value.id));
      return saved;
    },
    async deleteGoal(tenantId: string, goal: Goal, etag: string, audit: AuditEntry) {
      await goals.deleteGoal(tenantId, goal, etag, audit);
      await index.removeGoal(tenantId, goal.id).catch((error: unknown) => onError(error, goal.id));
    },
  };
}

const REBUILD_CONCURRENCY = 8;

/** Indexes every goal of everyone in the directory: for goals written before the index existed, or
 * after an index write failed. A tenant-wide maintenance job, never part of answering a person. */
export async function rebuildCascadeIndex(deps: { goals: GoalRepository; cascadeIndex: CascadeIndex }, tenantId: string, people: AsyncIterable<Person>): Promise<{ people: number; goals: number }> {
  const counts = { people: 0, goals: 0 };
  let batch: Person[] = [];
  const flush = async () => {
    await Promise.all(
      batch.map(async (person) => {
        const placement: Placement = { managerKey: person.managerId ?? ROOT_PLACEMENT, ownerName: person.displayName };
        for (const goal of await deps.goals.listGoalsByOwner(tenantId, person.id, {})) {
          await deps.cascadeIndex.indexGoal(goal.value, placement);
          counts.goals++;
        }
      }),
    );
    counts.people += batch.length;
    batch = [];
  };
  for await (const person of people) {
    batch.push(person);
    if (batch.length >= REBUILD_CONCURRENCY) await flush();
  }
  await flush();
  return counts;
}
