/** What an import's written goals change besides themselves, brought up to date in bulk once the goals
 * are written (instead of one chain walk per goal): each goal's summary in the cascade index, placed
 * from the directory already read, as each part of the goals is written; then the team roll-ups, which
 * the dashboards read, rebuilt in one pass. */
import { ROOT_PLACEMENT, type CascadeIndex, type Placement } from "../cascade-ports.js";
import { runLimited } from "../run-limited.js";
import type { Goal, Person } from "../types.js";

export interface ImportViewDeps {
  cascadeIndex: Pick<CascadeIndex, "indexGoal"> & {
    /** Goals indexed for the first time, whose owners are in the directory: in bulk. */
    indexNewGoals(tenantId: string, entries: ReadonlyArray<{ goal: Goal; placement: { managerKey: string; ownerName: string } }>): Promise<void>;
  };
  /** Rebuilds the tenant's roll-ups from the directory as the import read it. */
  rebuildRollUps(tenantId: string, people: readonly Person[]): Promise<unknown>;
}

export type ViewPart = "roll-ups";

const INDEX_CONCURRENCY = 16;

/** Where each owner's goals sit in the cascade index, from the directory the import read. */
export function placementsOf(people: readonly Person[]): (ownerId: string) => Placement {
  const byId = new Map(people.map((p) => [p.id, { managerKey: p.managerId ?? ROOT_PLACEMENT, ownerName: p.displayName }]));
  return (ownerId) => byId.get(ownerId) ?? { managerKey: null, ownerName: null };
}

/** Each written goal's summary in the cascade index: goals written for the first time (`created`)
 * whose owners are in the directory in bulk, the others one by one. An import calls this for each
 * part of the goals it writes. */
export async function indexImportedGoals(deps: Pick<ImportViewDeps, "cascadeIndex">, tenantId: string, goals: readonly Goal[], created: ReadonlySet<string>, placementOf: (ownerId: string) => Placement): Promise<void> {
  if (goals.length === 0) return;
  const fresh: Array<{ goal: Goal; placement: { managerKey: string; ownerName: string } }> = [];
  const others: Goal[] = [];
  for (const goal of goals) {
    const placement = placementOf(goal.ownerId);
    if (created.has(goal.id) && placement.managerKey !== null) fresh.push({ goal, placement: { managerKey: placement.managerKey, ownerName: placement.ownerName ?? "" } });
    else others.push(goal);
  }
  await deps.cascadeIndex.indexNewGoals(tenantId, fresh);
  await runLimited(others, INDEX_CONCURRENCY, (goal) => deps.cascadeIndex.indexGoal(goal, placementOf(goal.ownerId)));
}

/** Once the goals are written: the team roll-ups, rebuilt in one pass. `step` hears of each part as it starts. */
export async function finishImportViews(deps: Omit<ImportViewDeps, "cascadeIndex">, tenantId: string, ownerIds: ReadonlySet<string>, people: readonly Person[], step: (part: ViewPart) => void = () => {}): Promise<void> {
  if (ownerIds.size === 0) return;
  step("roll-ups");
  await deps.rebuildRollUps(tenantId, people);
}
