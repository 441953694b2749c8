/** Marks of people whose data was erased, so that tokens they still hold are refused on every request.
 * A mark stores a hash of tenant and person id, never the id itself: after erasure no table may hold
 * it. Each instance reads a tenant's marks all at once (one query of the tenant's admin partition; people
 * erased are few) and trusts them for a short time, so a request costs no storage round trip of its own
 * for this check. A mark written here counts on this instance at once and for good; other instances
 * learn of it within that time. */
import { createHash } from "node:crypto";
import { createBoundedMap } from "../bounded-map.js";
import type { ErasureMarks } from "../domain/erasure.js";
import { ADMIN_TABLE } from "./admin-store.js";
import { filterByPrefix, isConflict, makeKey, type TableFactory } from "./tables.js";

/** Tenants whose marks an instance keeps, and marks it wrote itself. */
const TENANTS_KEPT = 1_000;
const MARKS_KEPT = 20_000;

const MARK_PREFIX = makeKey("erased", "");

export interface ErasedPeopleOptions {
  /** How long a tenant's marks read from storage are trusted. */
  ttlMs: number;
  now?: () => number;
}

function rowKeyFor(tenantId: string, personId: string): string {
  return makeKey("erased", createHash("sha256").update(`${tenantId}|${personId}`).digest("hex"));
}

interface TenantMarks {
  rowKeys: Set<string>;
  until: number;
}

export function createErasedPeople(factory: TableFactory, options: ErasedPeopleOptions): ErasureMarks {
  const table = factory.getClient(ADMIN_TABLE);
  const now = options.now ?? Date.now;
  const tenants = createBoundedMap<string, TenantMarks>(TENANTS_KEPT);
  const markedHere = createBoundedMap<string, true>(MARKS_KEPT);
  /** Reads under way, shared by the requests that arrive meanwhile. */
  const reading = new Map<string, Promise<TenantMarks>>();

  async function readMarks(tenantId: string): Promise<TenantMarks> {
    const rowKeys = new Set<string>();
    const filter = filterByPrefix(makeKey(tenantId), MARK_PREFIX);
    for await (const entity of table.listEntities({ queryOptions: { filter, select: ["RowKey"] } })) rowKeys.add(entity.rowKey!);
    return { rowKeys, until: now() + options.ttlMs };
  }

  function marksOf(tenantId: string): Promise<TenantMarks> {
    const kept = tenants.get(tenantId);
    if (kept && kept.until > now()) return Promise.resolve(kept);
    let pending = reading.get(tenantId);
    if (!pending) {
      pending = readMarks(tenantId)
        .then((marks) => (tenants.set(tenantId, marks), marks))
        .finally(() => reading.delete(tenantId));
      reading.set(tenantId, pending);
    }
    return pending;
  }

  return {
    async isErased(tenantId, personId) {
      const rowKey = rowKeyFor(tenantId, personId);
      if (markedHere.get(rowKey)) return true;
      return (await marksOf(tenantId)).rowKeys.has(rowKey);
    },
    async markErased(tenantId, personId, at) {
      const rowKey = rowKeyFor(tenantId, personId);
      try {
        await table.createEntity({ partitionKey: makeKey(tenantId), rowKey, erasedAt: at });
      } catch (error) {
        // Marked before (an erasure run again): the first mark stands.
        if (!isConflict(error, "exists")) throw error;
      }
      markedHere.set(rowKey, true);
      tenants.get(tenantId)?.rowKeys.add(rowKey);
    },
  };
}
