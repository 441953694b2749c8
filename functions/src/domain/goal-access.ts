/** Who may see and change what, decided from the org chart. */
import { AppError } from "./errors.js";
import type { DirectoryReader } from "./ports.js";
import type { Goal, Principal } from "./types.js";

export const ADMIN_ROLE = "Cascade.Admin";

export function isAdmin(principal: Principal): boolean {
  return principal.roles.includes(ADMIN_ROLE);
}

/** True when the caller manages the person, directly or indirectly. */
export async function isInManagementChain(directory: DirectoryReader, tenantId: string, managerId: string, personId: string): Promise<boolean> {
  if (managerId === personId) return false;
  const chain = await directory.getManagerChain(tenantId, personId);
  return chain.some((p) => p.id === managerId);
}

export async function canSeeAllGoalsOf(directory: DirectoryReader, principal: Principal, ownerId: string): Promise<boolean> {
  return principal.userId === ownerId || (await isInManagementChain(directory, principal.tenantId, principal.userId, ownerId));
}

export async function canReadGoal(directory: DirectoryReader, principal: Principal, goal: Goal): Promise<boolean> {
  if (goal.tenantId !== principal.tenantId) return false;
  if (goal.visibility === "public") return true;
  return canSeeAllGoalsOf(directory, principal, goal.ownerId);
}

export function assertOwner(principal: Principal, goal: Goal, action: string): void {
  if (goal.ownerId !== principal.userId) throw new AppError("forbidden", `Only the goal's owner can ${action}.`);
}

export interface TopLevelPolicy {
  /** People chosen by an admin to own organisation goals. */
  organisationGoalOwnerIds: readonly string[];
}

/** Leaders may mark a goal top-level: the top of the org chart, admins and named organisation-goal owners. */
export async function canSetTopLevel(directory: DirectoryReader, principal: Principal, policy: TopLevelPolicy): Promise<boolean> {
  if (isAdmin(principal) || policy.organisationGoalOwnerIds.includes(principal.userId)) return true;
  const person = await directory.getPerson(principal.tenantId, principal.userId);
  return person !== null && person.managerId === null;
}
