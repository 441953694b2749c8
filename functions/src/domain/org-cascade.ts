/** GET /api/org/{personId}/cascade: the org chart below a person overlaid with each person's goals
 * of one cycle, with coverage, orphans, white space and risk per branch. Anyone in the tenant may
 * look; private goals are shown (and counted) only to the owner and the owner's managers, so the
 * figures are always those of the goals the viewer can see. */
import type { CascadeDeps, GoalSummary } from "./cascade-ports.js";
import { computeCoverage, listWhiteSpaceCandidates, orderFromRoot, type CascadePerson, type CoverageResult, type GoalInsight } from "./coverage.js";
import { notFound } from "./errors.js";
import { isInManagementChain } from "./goal-access.js";
import { loadSubtree } from "./org-cascade-load.js";
import { computeElapsedShare } from "./risk.js";
import { LOAD_CONCURRENCY, mapLimited, resolveCycle } from "./team-goals.js";
import type { Principal } from "./types.js";
import type { GoalRef, OrgCascade, OrgCascadeNode } from "../contracts/views.js";

/** People returned in one answer; deeper levels open from their own root. */
export const MAX_VIEW_PEOPLE = 2000;
export const MAX_LISTED_GOALS = 50;

/** Everyone whose private goals the viewer may see: the whole view when they manage its root,
 * otherwise their own branch inside it. */
function findManagedIds(people: CascadePerson[], rootId: string, viewerId: string, isManagerView: boolean): Set<string> {
  if (isManagerView) return new Set(people.map((p) => p.id));
  if (!people.some((p) => p.id === viewerId)) return new Set();
  return new Set(orderFromRoot(viewerId, people.map((p) => (p.id === rootId ? { ...p, managerId: null } : p))).order);
}

async function findAlignedElsewhere(deps: CascadeDeps, tenantId: string, candidates: GoalSummary[]): Promise<Set<string>> {
  const children = await mapLimited(candidates, LOAD_CONCURRENCY, (g) => deps.goals.listChildGoals(tenantId, g.id));
  const counted = (status: string) => status !== "rejected" && status !== "cancelled";
  return new Set(candidates.filter((_, i) => children[i]!.some((c) => counted(c.value.status))).map((g) => g.id));
}

function chooseDepth(order: string[], depthOf: Map<string, number>, requested: number): { depth: number; isTruncated: boolean } {
  const deepest = Math.max(0, ...depthOf.values());
  let depth = Math.min(requested, deepest);
  while (depth > 1 && order.filter((id) => depthOf.get(id)! <= depth).length > MAX_VIEW_PEOPLE) depth--;
  return { depth, isTruncated: depth < deepest };
}

function listRefs(goals: GoalInsight[], test: (g: GoalInsight) => boolean, sort?: (a: GoalInsight, b: GoalInsight) => number): GoalRef[] {
  const picked = goals.filter(test);
  if (sort) picked.sort(sort);
  return picked.slice(0, MAX_LISTED_GOALS).map((g) => ({ id: g.id, title: g.title, ownerId: g.ownerId, ownerName: g.ownerName, status: g.status, progress: g.progress }));
}

const sortGoals = (goals: GoalInsight[]) => [...goals].sort((a, b) => Number(b.isTopLevel) - Number(a.isTopLevel) || a.title.localeCompare(b.title));

/** The people to return, parents before reports, down to the requested depth or as deep as fits. */
function buildNodes(rootId: string, people: CascadePerson[], coverage: CoverageResult, requested: number): { nodes: OrgCascadeNode[]; depth: number; isTruncated: boolean } {
  const depthOf = new Map([[rootId, 0]]);
  for (const id of coverage.order) for (const r of coverage.reportsOf.get(id) ?? []) depthOf.set(r, depthOf.get(id)! + 1);
  const { depth, isTruncated } = chooseDepth(coverage.order, depthOf, requested);
  const byId = new Map(people.map((p) => [p.id, p]));
  const nodes = coverage.order.filter((id) => depthOf.get(id)! <= depth).map((id): OrgCascadeNode => {
    const { managerId, ...person } = byId.get(id)!;
    const reports = coverage.reportsOf.get(id) ?? [];
    const level = depthOf.get(id)!;
    return { person, managerId: id === rootId ? null : managerId, depth: level, reportIds: level < depth ? reports : [], reportsCount: reports.length, figures: coverage.figures.get(id)!, goals: sortGoals(coverage.goalsOf.get(id) ?? []) };
  });
  return { nodes, depth, isTruncated };
}

export async function getOrgCascade(deps: CascadeDeps, principal: Principal, personId: string, query: { cycleId: string | null; depth: number }): Promise<OrgCascade> {
  const { tenantId } = principal;
  const root = await deps.directory.getPerson(tenantId, personId);
  if (!root) throw notFound("The person");
  const now = deps.clock.now();
  const cycle = await resolveCycle(deps, tenantId, query.cycleId, now);
  const [loaded, isManagerView, riskMargin] = await Promise.all([
    loadSubtree(deps, tenantId, root, cycle.id),
    principal.userId === root.id ? Promise.resolve(true) : isInManagementChain(deps.directory, tenantId, principal.userId, root.id),
    deps.riskMargin(tenantId),
  ]);
  const managed = findManagedIds(loaded.people, root.id, principal.userId, isManagerView);
  const goals = loaded.goals.filter((g) => g.visibility === "public" || managed.has(g.ownerId));
  const alignedElsewhere = await findAlignedElsewhere(deps, tenantId, listWhiteSpaceCandidates(root.id, loaded.people, goals));
  const elapsedShare = computeElapsedShare(cycle, now);
  const coverage = computeCoverage({ rootId: root.id, people: loaded.people, goals, rollUpGoals: loaded.goals, alignedElsewhere, elapsedShare, riskMargin });
  const { nodes, depth, isTruncated } = buildNodes(root.id, loaded.people, coverage, query.depth);
  const all = coverage.order.flatMap((id) => coverage.goalsOf.get(id) ?? []);
  return {
    rootId: root.id,
    cycle: { id: cycle.id, name: cycle.name, startDate: cycle.startDate, endDate: cycle.endDate },
    asOf: now.toISOString(),
    elapsedShare,
    isManagerView,
    depth,
    isTruncated,
    nodes,
    orphans: listRefs(all, (g) => g.isOrphan),
    whiteSpace: listRefs(all, (g) => g.isWhiteSpace),
    atRisk: listRefs(all, (g) => g.isAtRisk, (a, b) => a.progress - b.progress),
    needsRealignment: listRefs(all, (g) => g.flags.includes("needs_realignment") && !["completed", "missed", "cancelled", "rejected"].includes(g.status)),
  };
}
