/** GET /api/org/{personId}/cascade: the org chart below a person overlaid with each person's goals
 * of one cycle, with coverage, orphans, white space and risk per branch. Anyone in the tenant may
 * look; private goals are shown (and counted) only to the owner and the owner's managers, so the
 * figures are always those of the goals the viewer can see. One answer reads the levels it returns
 * (see org-cascade-load.ts); the figures of the branches it cuts off come from the kept team roll-ups. */
import type { GoalSummary } from "./cascade-ports.js";
import type { RollUp } from "./team-rollups.js";
import { computeCoverage, listWhiteSpaceCandidates, orderFromRoot, type CascadePerson, type CoverageResult, type GoalInsight } from "./coverage.js";
import { readCutBranches } from "./org-cascade-branches.js";
import { notFound } from "./errors.js";
import { isInManagementChain } from "./goal-access.js";
import { loadLevels, type LoadedLevels, type OrgCascadeDeps } from "./org-cascade-load.js";
import { computeElapsedShare } from "./risk.js";
import { LOAD_CONCURRENCY, resolveCycle } from "./team-goals.js";
import { runLimited } from "./run-limited.js";
import type { Principal } from "./types.js";
import type { GoalRef, OrgCascade, OrgCascadeNode } from "../contracts/views.js";

export const MAX_LISTED_GOALS = 50;
/** Goals with nothing aligned to them in the subtree that are checked for goals aligned from elsewhere;
 * beyond these, what the subtree shows decides. Their owners' kept contributions say (one point read
 * an owner); a goal they do not cover costs a query of what is aligned to it. */
export const MAX_ELSEWHERE_CHECKS = 8;

/** Everyone whose private goals the viewer may see: the whole view when they manage its root,
 * otherwise their own branch inside it. */
function findManagedIds(people: CascadePerson[], rootId: string, viewerId: string, isManagerView: boolean): Set<string> {
  if (isManagerView) return new Set(people.map((p) => p.id));
  if (!people.some((p) => p.id === viewerId)) return new Set();
  return new Set(orderFromRoot(viewerId, people.map((p) => (p.id === rootId ? { ...p, managerId: null } : p))).order);
}

const isCountedChild = (status: string) => status !== "rejected" && status !== "cancelled";

async function findAlignedElsewhere(deps: OrgCascadeDeps, tenantId: string, cycleId: string, candidates: GoalSummary[]): Promise<Set<string>> {
  const checked = candidates.slice(0, MAX_ELSEWHERE_CHECKS);
  const owners = [...new Set(checked.map((g) => g.ownerId))];
  const kept = await runLimited(owners, LOAD_CONCURRENCY, (id) => deps.rollUps.read(tenantId, id, { kind: "own", cycleId }));
  const alignmentOf = new Map(owners.map((id, i) => [id, (kept[i]?.value as RollUp | undefined)?.alignment]));
  const found = new Set<string>();
  const unknown: GoalSummary[] = [];
  for (const goal of checked) {
    const alignment = alignmentOf.get(goal.ownerId);
    if (!alignment?.checked.includes(goal.id)) unknown.push(goal);
    else if (alignment.aligned.includes(goal.id)) found.add(goal.id);
  }
  const children = await runLimited(unknown, LOAD_CONCURRENCY, (g) => deps.goals.listChildGoals(tenantId, g.id));
  unknown.forEach((g, i) => children[i]!.some((c) => isCountedChild(c.value.status)) && found.add(g.id));
  return found;
}

function listRefs(goals: GoalInsight[], test: (g: GoalInsight) => boolean, sort?: (a: GoalInsight, b: GoalInsight) => number): GoalRef[] {
  const picked = goals.filter(test);
  if (sort) picked.sort(sort);
  return picked.slice(0, MAX_LISTED_GOALS).map((g) => ({ id: g.id, title: g.title, ownerId: g.ownerId, ownerName: g.ownerName, status: g.status, progress: g.progress }));
}

/** A list of the levels returned, followed by what a cut branch lists that it does not hold. */
function withCut(shown: GoalRef[], cut: GoalRef[]): GoalRef[] {
  const ids = new Set(shown.map((g) => g.id));
  return [...shown, ...cut.filter((g) => !ids.has(g.id))].slice(0, MAX_LISTED_GOALS);
}

const sortGoals = (goals: GoalInsight[]) => [...goals].sort((a, b) => Number(b.isTopLevel) - Number(a.isTopLevel) || a.title.localeCompare(b.title));

/** The people returned, parents before reports; the deepest level's reports are left for their own answer. */
function buildNodes(loaded: LoadedLevels, rootId: string, coverage: CoverageResult): OrgCascadeNode[] {
  const byId = new Map(loaded.people.map((p) => [p.id, p]));
  return coverage.order.map((id): OrgCascadeNode => {
    const { managerId, ...person } = byId.get(id)!;
    const level = loaded.levelOf.get(id)!;
    const reports = coverage.reportsOf.get(id) ?? [];
    const isDeepest = level === loaded.depth;
    return {
      person,
      managerId: id === rootId ? null : managerId,
      depth: level,
      reportIds: isDeepest ? [] : reports,
      reportsCount: isDeepest ? (loaded.reportsOf.get(id)?.length ?? 0) : reports.length,
      figures: coverage.figures.get(id)!,
      goals: sortGoals(coverage.goalsOf.get(id) ?? []),
    };
  });
}

export async function getOrgCascade(deps: OrgCascadeDeps, principal: Principal, personId: string, query: { cycleId: string | null; depth: number }): Promise<OrgCascade> {
  const { tenantId } = principal;
  const root = await deps.directory.getPerson(tenantId, personId);
  if (!root) throw notFound("The person");
  const now = deps.clock.now();
  const cycle = await resolveCycle(deps, tenantId, query.cycleId, now);
  const [loaded, isManagerView, riskMargin] = await Promise.all([
    loadLevels(deps, tenantId, root, cycle.id, Math.max(1, query.depth)),
    principal.userId === root.id ? Promise.resolve(true) : isInManagementChain(deps.directory, tenantId, principal.userId, root.id),
    deps.riskMargin(tenantId),
  ]);
  const managed = findManagedIds(loaded.people, root.id, principal.userId, isManagerView);
  const goals = loaded.goals.filter((g) => g.visibility === "public" || managed.has(g.ownerId));
  // Goals one level below the deepest count only to tell which goals of the deepest level have something aligned.
  const below = loaded.below.filter((b) => b.goal.visibility === "public" || managed.has(b.managerId)).map((b) => b.goal);
  const alignedBelow = new Set(below.flatMap((g) => (g.parentId && isCountedChild(g.status) ? [g.parentId] : [])));
  // People at the deepest level with reports: their branches are cut off and open as answers of their own.
  const managers = new Set(loaded.people.filter((p) => loaded.levelOf.get(p.id) === loaded.depth && (loaded.reportsOf.get(p.id)?.length ?? 0) > 0).map((p) => p.id));
  const candidates = listWhiteSpaceCandidates(root.id, loaded.people, goals, managers).filter((g) => !alignedBelow.has(g.id));
  const alignedElsewhere = new Set([...alignedBelow, ...(await findAlignedElsewhere(deps, tenantId, cycle.id, candidates))]);
  const elapsedShare = computeElapsedShare(cycle, now);
  const branches = readCutBranches(loaded, managed, { cycle, now, riskMargin });
  const coverage = computeCoverage({ rootId: root.id, people: loaded.people, goals, rollUpGoals: [...loaded.goals, ...loaded.below.map((b) => b.goal)], alignedElsewhere, elapsedShare, riskMargin, managers, branches: branches.tallies });
  const all = coverage.order.flatMap((id) => coverage.goalsOf.get(id) ?? []);
  const shown = listRefs(all, (g) => g.isAtRisk);
  const atRisk = [...shown, ...branches.atRisk.filter((g) => !shown.some((s) => s.id === g.id))].sort((a, b) => a.progress - b.progress || a.title.localeCompare(b.title));
  return {
    rootId: root.id,
    cycle: { id: cycle.id, name: cycle.name, startDate: cycle.startDate, endDate: cycle.endDate },
    asOf: now.toISOString(),
    elapsedShare,
    isManagerView,
    depth: loaded.depth,
    isTruncated: managers.size > 0,
    nodes: buildNodes(loaded, root.id, coverage),
    // The goals of the levels returned, in their order, then those the roll-ups list for the branches cut off.
    orphans: withCut(listRefs(all, (g) => g.isOrphan), branches.orphans),
    whiteSpace: withCut(listRefs(all, (g) => g.isWhiteSpace), branches.whiteSpace),
    atRisk: atRisk.slice(0, MAX_LISTED_GOALS),
    needsRealignment: withCut(listRefs(all, (g) => g.flags.includes("needs_realignment") && !["completed", "missed", "cancelled", "rejected"].includes(g.status)), branches.needsRealignment),
  };
}
