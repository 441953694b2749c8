/** Keeps the cascade index in step with the goals: every write places the goal's summary under the
 * owner's current manager. The goal write has already succeeded when the index is written, so an
 * index failure is reported, not thrown: the caller must not retry a write that happened. */
import { ROOT_PLACEMENT, type CascadeIndex, type Placement } from "./cascade-ports.js";
import { reported, withUpkeep, type GoalUpkeep } from "./goal-upkeep.js";
import type { DirectoryReader, GoalRepository } from "./ports.js";
import type { Goal, Person } from "./types.js";

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

/** Places each written goal under its owner's current manager in the index, and takes a deleted one out. */
export function cascadeIndexUpkeep(directory: DirectoryReader, index: CascadeIndex, onError: (error: unknown, goalId: string) => void): GoalUpkeep {
  return {
    afterSave: (_write, saved) => reported(reindexGoal(directory, index, saved.value), (error) => onError(error, saved.value.id)),
    afterDelete: (tenantId, goal) => reported(index.removeGoal(tenantId, goal.id), (error) => onError(error, goal.id)),
  };
}

export function withCascadeIndex<T extends GoalRepository>(goals: T, directory: DirectoryReader, index: CascadeIndex, onError: (error: unknown, goalId: string) => void): T {
  return withUpkeep(goals, [cascadeIndexUpkeep(directory, index, onError)]);
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
