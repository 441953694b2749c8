/** How goals follow the org chart when it changes. Called with the changes a directory sync found:
 * - someone changed manager: their waiting approvals move to the new manager, and goals (theirs and
 *   their reports') whose parent is no longer in the owner's chain are flagged needs_realignment;
 *   their goals move in the cascade index to the new manager;
 * - someone left (deleted or disabled): their open goals are flagged owner_left for the former
 *   manager to reassign or close, and approvals waiting on them move up the chain.
 * Each change is handled on its own; a failure is reported and never stops the others. */
import type { CascadeIndex } from "./cascade-ports.js";
import { reindexGoal } from "./cascade-indexing.js";
import type { FieldChanges } from "./goal-changes.js";
import { makeAudit, type GoalDeps } from "./goal-context.js";
import type { DirectoryChange } from "./ports.js";
import { describeError } from "./logger.js";
import { addFlag, buildChainInSubtree, isSameFlags, OPEN_STATUSES, ORG_CHART_ACTOR, planAlignmentFlags } from "./reorg-rules.js";
import { changeGoal, rerouteApprovals } from "./reorg-writes.js";
import { LOAD_CONCURRENCY } from "./team-goals.js";
import { runLimited } from "./run-limited.js";
import type { Goal, Person } from "./types.js";

export interface ReorgDeps extends GoalDeps {
  cascadeIndex: CascadeIndex;
}

export interface ReorgReport {
  changes: number;
  approvalsMoved: number;
  goalsFlagged: number;
  failures: Array<{ personId: string; kind: DirectoryChange["kind"]; message: string }>;
}

/** Changes for different people are independent; a few run at once. */
const CHANGE_CONCURRENCY = 4;

const nameOf = (person: Person | null, fallback: string) => person?.displayName ?? fallback;

/** Re-checks each goal's parent against the owner's chain and updates the flags when they change. */
async function reviewAlignment(deps: ReorgDeps, tenantId: string, ownerId: string, chainIds: ReadonlySet<string>, goals: Goal[], parentOwners: Map<string, Promise<string | undefined>>): Promise<number> {
  const ownerOf = (parentId: string) => {
    let found = parentOwners.get(parentId);
    if (!found) parentOwners.set(parentId, (found = deps.goals.getGoal(tenantId, parentId).then((p) => p?.value.ownerId)));
    return found;
  };
  let flagged = 0;
  for (const goal of goals.filter((g) => OPEN_STATUSES.has(g.status) && (g.parentId !== null || g.flags.length > 0))) {
    const saved = await changeGoal(deps, tenantId, goal.id, async (current) => {
      const flags = planAlignmentFlags(current, current.parentId ? await ownerOf(current.parentId) : null, chainIds);
      if (isSameFlags(flags, current.flags)) return null;
      const isFlagged = flags.includes("needs_realignment");
      const comment = isFlagged ? "The goal it aligns to is no longer in the owner's management chain: align it to a goal of the new chain." : "The goal it aligns to is in the owner's management chain again.";
      const next: Goal = { ...current, flags, updatedAt: deps.clock.now().toISOString() };
      return { goal: next, audit: [makeAudit(deps, current.id, ORG_CHART_ACTOR, isFlagged ? "flagged" : "unflagged", { flags: { from: current.flags, to: flags } }, comment)] };
    });
    if (saved) flagged++;
  }
  return flagged;
}

async function reactToManagerChange(deps: ReorgDeps, tenantId: string, change: Extract<DirectoryChange, { kind: "manager_changed" }>, report: ReorgReport): Promise<void> {
  const person = await deps.directory.getPerson(tenantId, change.personId);
  if (!person) return;
  const chain = await deps.directory.getManagerChain(tenantId, person.id);
  const reason = `${person.displayName} now reports to ${nameOf(chain[0] ?? null, "nobody")}.`;
  report.approvalsMoved += await rerouteApprovals(deps, tenantId, person.id, reason);
  const parentOwners = new Map<string, Promise<string | undefined>>();
  const own = (await deps.goals.listGoalsByOwner(tenantId, person.id, {})).map((g) => g.value);
  report.goalsFlagged += await reviewAlignment(deps, tenantId, person.id, new Set(chain.map((p) => p.id)), own, parentOwners);
  const current = await deps.goals.listGoalsByOwner(tenantId, person.id, {});
  await Promise.all(current.map((g) => reindexGoal(deps.directory, deps.cascadeIndex, g.value)));
  const below = await deps.directory.listSubtree(tenantId, person.id);
  const managerOf = new Map(below.map((p) => [p.id, p.managerId]));
  const chainIds = chain.map((p) => p.id);
  const counts = await runLimited(below, LOAD_CONCURRENCY, async (member) => {
    const goals = (await deps.goals.listGoalsByOwner(tenantId, member.id, {})).map((g) => g.value);
    return reviewAlignment(deps, tenantId, member.id, buildChainInSubtree(member.id, person.id, managerOf, chainIds), goals, parentOwners);
  });
  report.goalsFlagged += counts.reduce((a, b) => a + b, 0);
}

async function reactToLeaver(deps: ReorgDeps, tenantId: string, change: Extract<DirectoryChange, { kind: "left" }>, report: ReorgReport): Promise<void> {
  const [leaver, former] = await Promise.all([deps.directory.getPerson(tenantId, change.personId), change.formerManagerId ? deps.directory.getPerson(tenantId, change.formerManagerId) : null]);
  const formerId = former?.accountEnabled ? former.id : null;
  const leaverName = nameOf(leaver, "The owner");
  const goals = await deps.goals.listGoalsByOwner(tenantId, change.personId, {});
  for (const goal of goals.filter((g) => OPEN_STATUSES.has(g.value.status))) {
    const saved = await changeGoal(deps, tenantId, goal.value.id, async (current) => {
      if (!OPEN_STATUSES.has(current.status) || current.flags.includes("owner_left")) return null;
      const next: Goal = { ...current, flags: addFlag(current.flags, "owner_left"), approverId: formerId ?? current.approverId, updatedAt: deps.clock.now().toISOString() };
      const comment = `${leaverName} has left. ${former ? former.displayName : "Their former manager or an admin"} can give the goal to someone else or close it.`;
      const changes: FieldChanges = { flags: { from: current.flags, to: next.flags } };
      if (next.approverId !== current.approverId) changes["approverId"] = { from: current.approverId, to: next.approverId };
      return { goal: next, audit: [makeAudit(deps, current.id, ORG_CHART_ACTOR, "flagged", changes, comment)] };
    });
    if (saved) report.goalsFlagged++;
  }
  const reports = await deps.directory.listDirectReports(tenantId, change.personId);
  const reason = `${leaverName} has left.`;
  const moved = await runLimited(reports, LOAD_CONCURRENCY, (r) => rerouteApprovals(deps, tenantId, r.id, reason, formerId, change.personId));
  report.approvalsMoved += moved.reduce((a, b) => a + b, 0);
}

export async function applyDirectoryChanges(deps: ReorgDeps, tenantId: string, changes: readonly DirectoryChange[]): Promise<ReorgReport> {
  const report: ReorgReport = { changes: changes.length, approvalsMoved: 0, goalsFlagged: 0, failures: [] };
  await runLimited([...changes], CHANGE_CONCURRENCY, async (change) => {
    try {
      if (change.kind === "manager_changed") await reactToManagerChange(deps, tenantId, change, report);
      else await reactToLeaver(deps, tenantId, change, report);
    } catch (error) {
      report.failures.push({ personId: change.personId, kind: change.kind, message: describeError(error) });
    }
  });
  return report;
}
