/** Where a goal's pointer rows live: "goal id → owner" (goalindex) and the cascade index's placement
 * pointer. Each sits in one of a few partitions per tenant, chosen by the goal id, so that many goals'
 * pointers are written in one transaction. Pointers written before this layout sit alone in a
 * partition per goal; they are still read when a goal has no pointer in its shard, and removed with
 * the goal. */
import { fingerprint } from "../domain/admin.js";
import { makeKey } from "./tables.js";

export const POINTER_SHARDS = 64;

export interface RowAddress {
  partitionKey: string;
  rowKey: string;
}

export function pointerShard(goalId: string): string {
  return String(parseInt(fingerprint(goalId).slice(-4), 16) % POINTER_SHARDS).padStart(2, "0");
}

/** The goal's row in goalindex (property ownerId). */
export const goalPointerAt = (tenantId: string, goalId: string): RowAddress => ({ partitionKey: makeKey(tenantId, "i", pointerShard(goalId)), rowKey: goalId });
/** Where goalindex kept the goal's pointer before the shards. */
export const legacyGoalPointerAt = (tenantId: string, goalId: string): RowAddress => ({ partitionKey: makeKey(tenantId, goalId), rowKey: "g" });

/** The goal's placement pointer in the cascade index. */
export const placementPointerAt = (tenantId: string, goalId: string): RowAddress => ({ partitionKey: makeKey(tenantId, "ptrs", pointerShard(goalId)), rowKey: goalId });
/** Where the cascade index kept the placement pointer before the shards. */
export const legacyPlacementPointerAt = (tenantId: string, goalId: string): RowAddress => ({ partitionKey: makeKey(tenantId, "ptr", goalId), rowKey: "p" });
