/** Wires the cascade views, the reorg reactions and leaver decisions onto the goal dependencies. */
import type { CascadeDeps, CascadeIndex, PeopleLookup } from "./domain/cascade-ports.js";
import type { GoalDeps } from "./domain/goal-context.js";
import type { ReassignDeps } from "./domain/goal-reassign.js";
import type { DirectoryChange } from "./domain/ports.js";
import { applyDirectoryChanges, type ReorgReport } from "./domain/reorg.js";
import { createGoalMover } from "./store/goal-move.js";
import type { TableFactory } from "./store/tables.js";

export interface CascadeServices extends CascadeDeps, ReassignDeps {
  /** What the directory sync calls with the changes it applied; never throws for one bad change. */
  onDirectoryChanges(tenantId: string, changes: readonly DirectoryChange[]): Promise<ReorgReport>;
}

export interface CascadeOptions {
  tables: TableFactory;
  goalDeps: GoalDeps;
  people: PeopleLookup;
  cascadeIndex: CascadeIndex;
  riskMargin(tenantId: string): Promise<number>;
  log(level: "info" | "warn" | "error", message: string, details?: Record<string, unknown>): void;
}

export function createCascadeServices(options: CascadeOptions): CascadeServices {
  const deps: CascadeServices = {
    ...options.goalDeps,
    cascadeIndex: options.cascadeIndex,
    people: options.people,
    riskMargin: options.riskMargin,
    mover: createGoalMover(options.tables),
    async onDirectoryChanges(tenantId, changes) {
      const report = await applyDirectoryChanges(deps, tenantId, changes);
      const level = report.failures.length > 0 ? "warn" : "info";
      if (changes.length > 0) options.log(level, "Goals followed the org chart", { tenantId, ...report, failures: report.failures.slice(0, 20) });
      return report;
    },
  };
  return deps;
}
