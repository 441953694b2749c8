/** Cycles change a few times a year but are read on almost every request: keep them in memory for a
 * short time. A save through this instance refreshes at once; other instances see it within the TTL. */
import type { CycleRepository } from "../domain/ports.js";
import type { Cycle } from "../domain/types.js";

export const CYCLE_CACHE_TTL_MS = 30_000;

export function withCycleCache<T extends CycleRepository>(cycles: T, now: () => number = Date.now, ttlMs = CYCLE_CACHE_TTL_MS): T {
  const lists = new Map<string, { at: number; value: Promise<Cycle[]> }>();
  async function listCached(tenantId: string): Promise<Cycle[]> {
    const hit = lists.get(tenantId);
    if (hit && now() - hit.at < ttlMs) return hit.value;
    const value = cycles.listCycles(tenantId);
    lists.set(tenantId, { at: now(), value });
    value.catch(() => lists.delete(tenantId));
    return value;
  }
  return {
    ...cycles,
    listCycles: listCached,
    async getCycle(tenantId: string, cycleId: string) {
      return (await listCached(tenantId)).find((c) => c.id === cycleId) ?? cycles.getCycle(tenantId, cycleId);
    },
    async saveCycle(cycle: Cycle) {
      await cycles.saveCycle(cycle);
      lists.delete(cycle.tenantId);
    },
  };
}
