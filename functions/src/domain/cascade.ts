/** Cascade rules over the org chart: which goals a person is offered as parents. */
import { listGoals } from "./goal-service.js";
import type { GoalDeps } from "./goal-context.js";
import type { Principal } from "./types.js";

export interface ParentOption {
  goal: { id: string; title: string; ownerId: string; status: string; isTopLevel: boolean };
  owner: { id: string; displayName: string; jobTitle: string | null };
  /** 1 = the person's manager, 2 = the manager's manager, and so on. */
  distance: number;
  isOrganisationGoal: boolean;
}

const ALIGNABLE = new Set(["active", "pending_approval"]);

/** Manager's goals first, then up the chain; organisation goals come last, from the top. */
export async function suggestParentGoals(deps: GoalDeps, principal: Principal, cycleId: string | undefined): Promise<ParentOption[]> {
  const chain = await deps.directory.getManagerChain(principal.tenantId, principal.userId);
  const perLevel = await Promise.all(
    chain.map(async (manager, index) => {
      const goals = await listGoals(deps, principal, manager.id, cycleId ? { cycleId } : {});
      return goals
        .filter((g) => ALIGNABLE.has(g.value.status))
        .map((g): ParentOption => ({
          goal: { id: g.value.id, title: g.value.title, ownerId: g.value.ownerId, status: g.value.status, isTopLevel: g.value.isTopLevel },
          owner: { id: manager.id, displayName: manager.displayName, jobTitle: manager.jobTitle },
          distance: index + 1,
          isOrganisationGoal: g.value.isTopLevel,
        }));
    }),
  );
  return perLevel.flat();
}
