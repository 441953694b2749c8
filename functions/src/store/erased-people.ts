/** Marks of people whose data was erased, so that tokens they still hold are refused on every request.
 * A mark stores a hash of tenant and person id, never the id itself: after erasure no table may hold
 * it. Answers are cached per instance for a short time; a mark written here updates the cache at once,
 * and other instances learn of it within the cache's lifetime. */
import { createHash } from "node:crypto";
import { createBoundedMap } from "../bounded-map.js";
import type { ErasureMarks } from "../domain/erasure.js";
import { ADMIN_TABLE } from "./admin-store.js";
import { getEntityOrNull, isConflict, makeKey, type TableFactory } from "./tables.js";

const CACHE_ENTRIES = 20_000;

export interface ErasedPeopleOptions {
  /** How long an answer read from storage is trusted. */
  ttlMs: number;
  now?: () => number;
}

function rowKeyFor(tenantId: string, personId: string): string {
  return makeKey("erased", createHash("sha256").update(`${tenantId}|${personId}`).digest("hex"));
}

export function createErasedPeople(factory: TableFactory, options: ErasedPeopleOptions): ErasureMarks {
  const table = factory.getClient(ADMIN_TABLE);
  const now = options.now ?? Date.now;
  const cache = createBoundedMap<string, { isErased: boolean; until: number }>(CACHE_ENTRIES);
  return {
    async isErased(tenantId, personId) {
      const rowKey = rowKeyFor(tenantId, personId);
      const cached = cache.get(rowKey);
      if (cached && (cached.isErased || cached.until > now())) return cached.isErased;
      const isErased = (await getEntityOrNull(table, makeKey(tenantId), rowKey)) !== null;
      cache.set(rowKey, { isErased, until: now() + options.ttlMs });
      return isErased;
    },
    async markErased(tenantId, personId, at) {
      const rowKey = rowKeyFor(tenantId, personId);
      try {
        await table.createEntity({ partitionKey: makeKey(tenantId), rowKey, erasedAt: at });
      } catch (error) {
        // Marked before (an erasure run again): the first mark stands.
        if (!isConflict(error, "exists")) throw error;
      }
      cache.set(rowKey, { isErased: true, until: Number.POSITIVE_INFINITY });
    },
  };
}
