/** Keeps the cascade index in step with the goals: every write places the goal's summary under the
 * owner's current manager. The goal write has already succeeded when the index is written, so an
 * index failure is reported, not thrown: the caller must not retry a write that happened. */
import { ROOT_PLACEMENT, type CascadeIndex, type Placement } from "./cascade-ports.js";
import type { DirectoryReader, GoalRepository, GoalWrite } from "./ports.js";
import type { AuditEntry, Goal } from "./types.js";

/** Where the owner's goals belong now. Someone no longer in the directory keeps their placement, so
 * a leaver's goals stay in front of their former manager. */
export async function findPlacement(directory: DirectoryReader, tenantId: string, ownerId: string): Promise<Placement> {
  const owner = await directory.getPerson(tenantId, ownerId);
  if (!owner) return { managerKey: null, ownerName: null };
  return { managerKey: owner.managerId ?? ROOT_PLACEMENT, ownerName: owner.displayName };
}

export async function reindexGoal(directory: DirectoryReader, index: CascadeIndex, goal: Goal): Promise<void> {
  await index.indexGoal(goal, await findPlacement(directory, goal.tenantId, goal.ownerId));
}

export function withCascadeIndex<T extends GoalRepository>(goals: T, directory: DirectoryReader, index: CascadeIndex, onError: (error: unknown, goalId: string) => void): T {
  return {
    ...goals,
    async saveGoal(write: GoalWrite) {
      const saved = await goals.saveGoal(write);
      await reindexGoal(directory, index, saved.value).catch((error: unknown) => onError(error, saved.value.id));
      return saved;
    },
    async deleteGoal(tenantId: string, goal: Goal, etag: string, audit: AuditEntry) {
      await goals.deleteGoal(tenantId, goal, etag, audit);
      await index.removeGoal(tenantId, goal.id).catch((error: unknown) => onError(error, goal.id));
    },
  };
}
