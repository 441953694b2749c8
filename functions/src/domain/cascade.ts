/** Cascade rules over the org chart: who approves a person's goals, and which goals a person is
 * offered as parents. */
import { listGoals } from "./goal-service.js";
import type { GoalDeps } from "./goal-context.js";
import type { DirectoryReader } from "./ports.js";
import type { Person, Principal } from "./types.js";
import type { ParentOption } from "../contracts/goals.js";

const ALIGNABLE = new Set(["active", "pending_approval"]);

/** The nearest enabled manager up the chain. A chain that ends at once (no manager, self-managed,
 * manager missing from the directory) makes the owner a root: nobody approves, so null. */
export async function findApproverId(directory: DirectoryReader, tenantId: string, ownerId: string): Promise<string | null> {
  const chain = await directory.getManagerChain(tenantId, ownerId);
  return chain.find((manager) => manager.accountEnabled && manager.id !== ownerId)?.id ?? null;
}

async function listOptionsOf(deps: GoalDeps, principal: Principal, owner: Person, distance: number, cycleId: string | undefined, isTopLevelOnly: boolean): Promise<ParentOption[]> {
  const goals = await listGoals(deps, principal, owner.id, cycleId ? { cycleId } : {});
  return goals
    .filter((g) => ALIGNABLE.has(g.value.status) && (!isTopLevelOnly || g.value.isTopLevel))
    .map((g): ParentOption => ({
      goal: { id: g.value.id, title: g.value.title, ownerId: g.value.ownerId, status: g.value.status, isTopLevel: g.value.isTopLevel },
      owner: { id: owner.id, displayName: owner.displayName, jobTitle: owner.jobTitle },
      distance,
      isOrganisationGoal: g.value.isTopLevel,
    }));
}

async function findOrganisationGoalOwners(deps: GoalDeps, tenantId: string, excluded: Set<string>): Promise<Person[]> {
  const policy = await deps.tenantPolicy(tenantId);
  const ids = [...new Set(policy.organisationGoalOwnerIds)].filter((id) => !excluded.has(id));
  const people = await Promise.all(ids.map((id) => deps.directory.getPerson(tenantId, id)));
  return people.filter((p): p is Person => p !== null);
}

/** The manager's goals first, then each level up; organisation goals come last, from the top of the
 * chain down, then those of the organisation-goal owners an admin named. */
export async function suggestParentGoals(deps: GoalDeps, principal: Principal, cycleId: string | undefined): Promise<ParentOption[]> {
  const chain = await deps.directory.getManagerChain(principal.tenantId, principal.userId);
  const excluded = new Set([principal.userId, ...chain.map((p) => p.id)]);
  const orgOwners = await findOrganisationGoalOwners(deps, principal.tenantId, excluded);
  const [fromChain, fromOwners] = await Promise.all([
    Promise.all(chain.map((manager, index) => listOptionsOf(deps, principal, manager, index + 1, cycleId, false))),
    Promise.all(orgOwners.map((owner) => listOptionsOf(deps, principal, owner, chain.length + 1, cycleId, true))),
  ]);
  const chainOptions = fromChain.flat();
  const ordered = [
    ...chainOptions.filter((o) => !o.isOrganisationGoal),
    ...chainOptions.filter((o) => o.isOrganisationGoal).sort((a, b) => b.distance - a.distance),
    ...fromOwners.flat(),
  ];
  const seen = new Set<string>();
  return ordered.filter((o) => !seen.has(o.goal.id) && seen.add(o.goal.id));
}
