/** Wires the cascade views, the reorg reactions and leaver decisions onto the goal dependencies. */
import type { AlignmentRows } from "../domain/alignment-rollups.js";
import type { AlignmentDepsOf } from "../domain/alignment-service.js";
import { rebuildCascadeIndex } from "../domain/cascade-indexing.js";
import type { CascadeIndex, PeopleLookup } from "../domain/cascade-ports.js";
import type { GoalDeps } from "../domain/goal-context.js";
import type { ReassignDeps } from "../domain/goal-reassign.js";
import type { OrgCascadeDeps } from "../domain/org-cascade-load.js";
import type { DirectoryChange } from "../domain/ports.js";
import { applyDirectoryChanges, type ReorgReport } from "../domain/reorg.js";
import type { Person } from "../domain/types.js";
import { createGoalMover } from "../store/goal-move.js";
import type { TableFactory } from "../store/tables.js";
import type { Logger } from "../domain/logger.js";

export interface CascadeServices extends OrgCascadeDeps, ReassignDeps, AlignmentDepsOf {
  /** Everyone in the directory, and a subtree while it is small, for the organisation search. */
  listPeople(tenantId: string): AsyncIterable<Person>;
  listSubtreeWithin(tenantId: string, managerId: string, maxPacks: number): Promise<Person[] | null>;
  /** Makes the goals follow the changes a directory sync applied; one failing change never stops the others. */
  applyDirectoryChanges(tenantId: string, changes: readonly DirectoryChange[]): Promise<ReorgReport>;
  /** The sync's onChanges: as above, but throws when a change could not be handled, so the sync's
   * outbox hands the changes over again next run (every reaction is safe to repeat). */
  onDirectoryChanges(tenantId: string, changes: DirectoryChange[]): Promise<void>;
  /** Indexes every goal of the tenant again (goals written before the index existed, failed index writes). */
  rebuildIndex(tenantId: string): Promise<{ people: number; goals: number }>;
}

export interface CascadeOptions {
  tables: TableFactory;
  goalDeps: GoalDeps;
  people: PeopleLookup;
  cascadeIndex: CascadeIndex;
  /** The alignment roll-ups kept in the children index, which the alignment tree reads. */
  alignment: AlignmentRows;
  /** The team roll-ups the cascade views read for the branches they cut off. */
  rollUps: OrgCascadeDeps["rollUps"];
  riskMargin(tenantId: string): Promise<number>;
  listPeople(tenantId: string): AsyncIterable<Person>;
  listSubtreeWithin(tenantId: string, managerId: string, maxPacks: number): Promise<Person[] | null>;
  log: Logger;
}

export function createCascadeServices(options: CascadeOptions): CascadeServices {
  const deps: CascadeServices = {
    ...options.goalDeps,
    cascadeIndex: options.cascadeIndex,
    alignment: options.alignment,
    rollUps: options.rollUps,
    people: options.people,
    riskMargin: options.riskMargin,
    mover: createGoalMover(options.tables),
    listPeople: options.listPeople,
    listSubtreeWithin: options.listSubtreeWithin,
    async applyDirectoryChanges(tenantId, changes) {
      const report = await applyDirectoryChanges(deps, tenantId, changes);
      const level = report.failures.length > 0 ? "warn" : "info";
      if (changes.length > 0) options.log(level, "Goals followed the org chart", { tenantId, ...report, failures: report.failures.slice(0, 20) });
      return report;
    },
    rebuildIndex: (tenantId) => rebuildCascadeIndex(deps, tenantId, options.listPeople(tenantId)),
    async onDirectoryChanges(tenantId, changes) {
      const report = await deps.applyDirectoryChanges(tenantId, changes);
      if (report.failures.length > 0) throw new Error(`${report.failures.length} of ${changes.length} org chart changes could not be applied to goals; they are retried on the next sync`);
    },
  };
  return deps;
}
