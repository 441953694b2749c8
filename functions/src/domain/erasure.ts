/** Erasing one person's data (a GDPR erasure request). First the goal side is put in order while
 * the person's data still exists: their reports move to their manager and the approvals waiting on
 * them follow, and goals aligned to theirs are detached and flagged. Then every store that holds
 * tenant data sweeps its tables. What remains is one admin-log entry with counts, no personal data. */
import type { JobProgress, JobResult } from "./admin-jobs.js";
import { assertAdmin, type AdminLogEntry } from "./admin.js";
import { AppError } from "./errors.js";
import { makeAudit, type GoalDeps } from "./goal-context.js";
import type { DirectoryChange, DirectoryWriter } from "./ports.js";
import { changeGoal } from "./reorg-writes.js";
import { addFlag } from "./reorg-rules.js";
import type { Person, Principal } from "./types.js";

export interface ErasureContext {
  tenantId: string;
  personId: string;
  /** The person's name and mail, when known, to scrub from other people's free text. */
  displayName: string | null;
  mail: string | null;
  /** Goals the person owned: everything attached to them goes with them. */
  goalIds: ReadonlySet<string>;
  /** Who takes over what waited on the person (their own manager), if anyone. */
  successorId: string | null;
}

export type EraseCounts = Record<string, number>;

/** What each store that holds tenant data implements. */
export interface PersonEraser {
  erasePerson(context: ErasureContext, report: (scanned: number) => void): Promise<EraseCounts>;
}

/** Who was erased: checked on every signed-in request, written before anything is erased. */
export interface ErasureMarks {
  isErased(tenantId: string, personId: string): Promise<boolean>;
  markErased(tenantId: string, personId: string, at: string): Promise<void>;
}

export interface ErasureDeps extends GoalDeps {
  directory: GoalDeps["directory"] & DirectoryWriter;
  erased: ErasureMarks;
  stores: readonly PersonEraser[];
  /** The goal side's reaction to org-chart changes (re-routed approvals, flags, the cascade index). */
  onDirectoryChanges(tenantId: string, changes: readonly DirectoryChange[]): Promise<unknown>;
  addLogEntry(tenantId: string, entry: AdminLogEntry): Promise<void>;
}

export function assertCanErase(principal: Principal, personId: string): void {
  assertAdmin(principal, "erase a person's data");
  if (personId === principal.userId) throw new AppError("forbidden", "You cannot erase your own data while you are signed in; ask another admin.");
}

async function detachAlignedGoals(deps: ErasureDeps, admin: Principal, goalIds: ReadonlySet<string>): Promise<number> {
  let detached = 0;
  for (const goalId of goalIds) {
    for (const child of await deps.goals.listChildGoals(admin.tenantId, goalId)) {
      if (goalIds.has(child.value.id)) continue;
      const saved = await changeGoal(deps, admin.tenantId, child.value.id, async (goal) => {
        if (!goal.parentId || !goalIds.has(goal.parentId)) return null;
        const next = { ...goal, parentId: null, flags: addFlag(goal.flags, "needs_realignment"), updatedAt: deps.clock.now().toISOString() };
        const comment = "The goal it was aligned to has been removed. Align it to another goal.";
        return { goal: next, audit: [makeAudit(deps, goal.id, admin.userId, "flagged", { parentId: { from: goal.parentId, to: null }, flags: { from: goal.flags, to: next.flags } }, comment)] };
      });
      if (saved) detached++;
    }
  }
  return detached;
}

/** The person's reports now report to the person's manager; the person leaves the directory. */
async function moveReports(deps: ErasureDeps, tenantId: string, personId: string, successorId: string | null): Promise<number> {
  const reports = await deps.directory.listDirectReports(tenantId, personId);
  if (reports.length > 0) await deps.directory.upsertPeople(tenantId, reports.map((r) => ({ ...r, managerId: successorId })));
  await deps.directory.removePeople(tenantId, [personId]);
  const changes: DirectoryChange[] = reports.map((r) => ({ kind: "manager_changed", personId: r.id, fromManagerId: personId, toManagerId: successorId }));
  if (changes.length > 0) await deps.onDirectoryChanges(tenantId, changes);
  return reports.length;
}

interface KnownPerson {
  person: Person | null;
  goalIds: Set<string>;
}

/** The person as Cascade knows them: in the directory, or gone from it (they left, or an erasure was
 * interrupted) but still owning goals or marked as erased. Anyone else is not a person to erase: an id
 * is taken exactly as given and never stands for the people whose ids it resembles. */
export async function findPersonToErase(deps: ErasureDeps, admin: Principal, personId: string): Promise<KnownPerson> {
  assertCanErase(admin, personId);
  const tenantId = admin.tenantId;
  const [person, goals, isErased] = await Promise.all([
    deps.directory.getPerson(tenantId, personId),
    deps.goals.listGoalsByOwner(tenantId, personId, {}),
    deps.erased.isErased(tenantId, personId),
  ]);
  if (!person && goals.length === 0 && !isErased) throw new AppError("not_found", "No person with this id is or was in the directory. Use the exact id of the person, as the people search shows it.");
  return { person, goalIds: new Set(goals.map((g) => g.value.id)) };
}

export async function erasePerson(deps: ErasureDeps, admin: Principal, personId: string, report: (progress: JobProgress) => void): Promise<JobResult> {
  const tenantId = admin.tenantId;
  report({ phase: "goals", done: 0, total: null });
  const { person, goalIds } = await findPersonToErase(deps, admin, personId);
  // Marked first: from here on the person's tokens are refused, so nothing they do races the sweep.
  await deps.erased.markErased(tenantId, personId, deps.clock.now().toISOString());
  const successorId = person?.managerId && person.managerId !== personId ? person.managerId : null;
  report({ phase: "people", done: 0, total: null });
  // Reports move first: the goal side then sees their goals' parents leave their chain and flags them.
  const reportsMoved = await moveReports(deps, tenantId, personId, successorId);
  const detached = await detachAlignedGoals(deps, admin, goalIds);
  const context: ErasureContext = { tenantId, personId, displayName: person?.displayName ?? null, mail: person?.mail ?? null, goalIds, successorId };
  const counts: EraseCounts = {};
  let scannedBefore = 0;
  for (const store of deps.stores) {
    let scanned = 0;
    const changed = await store.erasePerson(context, (n) => report({ phase: "tables", done: scannedBefore + (scanned = n), total: null }));
    scannedBefore += scanned;
    for (const [table, n] of Object.entries(changed)) counts[table] = (counts[table] ?? 0) + n;
  }
  const rowsChanged = Object.values(counts).reduce((a, b) => a + b, 0);
  const result = { goalsErased: goalIds.size, alignedGoalsDetached: detached, reportsMoved, rowsChanged, rowsScanned: scannedBefore };
  await deps.addLogEntry(tenantId, { id: deps.ids.newId(), at: deps.clock.now().toISOString(), actorId: admin.userId, action: "person_erased", details: result });
  return result;
}
