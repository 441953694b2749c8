/** Keeps the team roll-ups (domain/team-rollup-service.ts) in line with the org chart: every directory
 * update (sync, admin changes, erasure) passes its changed people on. A large update, such as a
 * tenant's first sync, is followed by a rebuild instead: one pass over everyone beats a chain walk per
 * person. */
import { rebuildRollUps, type RebuildDeps } from "../domain/team-rollup-rebuild.js";
import type { GoalRepository } from "../domain/ports.js";
import type { Person } from "../domain/types.js";
import { applyPeopleChanges, type RollUpDeps } from "../domain/team-rollup-service.js";
import type { TableDirectory } from "../store/directory-store.js";
import { toPatch } from "../store/org-packing.js";
import type { RollUpStore } from "../store/rollup-store.js";
import { describeError, type Logger } from "../domain/logger.js";

/** Above this many changed people, one update is followed by a rebuild. A chain walk per person costs
 * a few requests per level and cycle; a rebuild one query per person and a write per changed row. */
export const REBUILD_ABOVE = 25;

export interface RollUpUpkeepParts {
  rollUps: RollUpStore;
  goals: RebuildDeps["goals"] & Pick<GoalRepository, "listChildGoals">;
  now(): Date;
  log: Logger;
}

export function createRollUpRebuild(directory: Pick<TableDirectory, "listPeople">, parts: Omit<RollUpUpkeepParts, "log">) {
  return (tenantId: string, people?: readonly Person[]) => rebuildRollUps({ goals: parts.goals, listPeople: (t) => directory.listPeople(t), rollUps: parts.rollUps, now: parts.now }, tenantId, people);
}

export function withRollUpDirectory<T extends TableDirectory>(directory: T, parts: RollUpUpkeepParts): T {
  const deps: RollUpDeps = { rollUps: parts.rollUps, directory, goals: parts.goals, clock: { now: parts.now } };
  const rebuild = createRollUpRebuild(directory, parts);
  const applyUpdate: TableDirectory["applyUpdate"] = async (tenantId, update) => {
    const result = await directory.applyUpdate(tenantId, update);
    try {
      if (result.changes.size + result.added.size > REBUILD_ABOVE) await rebuild(tenantId);
      else {
        const moves = [...result.changes].map(([personId, change]) => ({ personId, before: change.before, after: change.after }));
        // A complete update keeps the people it added apart from its changes; they join their chains too.
        for (const personId of result.added) moves.push({ personId, before: null, after: result.lookup(personId) ?? null });
        await applyPeopleChanges(deps, tenantId, moves);
      }
    } catch (error) {
      parts.log("warn", "Could not update the team roll-ups after a directory change", { error: describeError(error) });
    }
    return result;
  };
  return {
    ...directory,
    applyUpdate,
    async upsertPeople(tenantId, people) {
      await applyUpdate(tenantId, { patches: people.map(toPatch) });
    },
    async removePeople(tenantId, ids) {
      await applyUpdate(tenantId, { patches: [], removals: ids });
    },
  };
}
