/** What an import's written goals change besides themselves, brought up to date in bulk once the goals
 * are written (instead of one chain walk per goal): each goal's summary in the cascade index, placed
 * from the directory already read; the team roll-ups, rebuilt in one pass; and one change stamp for
 * every manager above an owner, so their dashboards are computed again. */
import { ROOT_PLACEMENT, type CascadeIndex, type Placement } from "../cascade-ports.js";
import type { DashboardSnapshots } from "../dashboard-service.js";
import { runLimited } from "../run-limited.js";
import type { Clock } from "../ports.js";
import type { Goal, Person } from "../types.js";
import type { OwnerIndex } from "./import-owners.js";

export interface ImportViewDeps {
  cascadeIndex: Pick<CascadeIndex, "indexGoal"> & {
    /** Goals indexed for the first time, whose owners are in the directory: in bulk. */
    indexNewGoals(tenantId: string, entries: ReadonlyArray<{ goal: Goal; placement: { managerKey: string; ownerName: string } }>): Promise<void>;
  };
  snapshots: Pick<DashboardSnapshots, "markChanged">;
  /** Rebuilds the tenant's roll-ups from the directory as the import read it. */
  rebuildRollUps(tenantId: string, people: readonly Person[]): Promise<unknown>;
  clock: Clock;
}

export type ViewPart = "cascade index" | "roll-ups" | "dashboards";

const INDEX_CONCURRENCY = 16;
const STAMP_CHUNK = 200;

/** `created` names the goals written for the first time; the others were there before. `step` hears
 * of each part as it starts (the cascade index, the roll-ups, the dashboards). */
export async function refreshImportViews(deps: ImportViewDeps, tenantId: string, goals: readonly Goal[], created: ReadonlySet<string>, people: readonly Person[], owners: OwnerIndex, step: (part: ViewPart) => void = () => {}): Promise<void> {
  if (goals.length === 0) return;
  const byId = new Map(people.map((p) => [p.id, p]));
  const placementOf = (ownerId: string): Placement => {
    const owner = byId.get(ownerId);
    return owner ? { managerKey: owner.managerId ?? ROOT_PLACEMENT, ownerName: owner.displayName } : { managerKey: null, ownerName: null };
  };
  const fresh: Array<{ goal: Goal; placement: { managerKey: string; ownerName: string } }> = [];
  const others: Goal[] = [];
  for (const goal of goals) {
    const placement = placementOf(goal.ownerId);
    if (created.has(goal.id) && placement.managerKey !== null) fresh.push({ goal, placement: { managerKey: placement.managerKey, ownerName: placement.ownerName ?? "" } });
    else others.push(goal);
  }
  step("cascade index");
  await deps.cascadeIndex.indexNewGoals(tenantId, fresh);
  await runLimited(others, INDEX_CONCURRENCY, (goal) => deps.cascadeIndex.indexGoal(goal, placementOf(goal.ownerId)));
  step("roll-ups");
  await deps.rebuildRollUps(tenantId, people);
  step("dashboards");
  const managers = new Set<string>();
  for (const ownerId of new Set(goals.map((g) => g.ownerId))) for (const id of owners.chainOf(ownerId)) managers.add(id);
  const ids = [...managers];
  const now = deps.clock.now();
  for (let i = 0; i < ids.length; i += STAMP_CHUNK) await deps.snapshots.markChanged(tenantId, ids.slice(i, i + STAMP_CHUNK), now);
}
