/** GET /api/alignment: the goal tree below one goal, or below the organisation goals of a cycle.
 * Reads the goals of the tree only: organisation goals come from the cascade index and each
 * level from the children index, never from a scan of the tenant. */
import { buildAlignmentTree, type AlignmentNode, type OwnerSummary } from "./alignment.js";
import { summariseGoal, type CascadeDeps, type GoalSummary } from "./cascade-ports.js";
import { canSeeAllGoalsOf } from "./goal-access.js";
import { loadVisibleGoal } from "./goal-context.js";
import { computeElapsedShare } from "./risk.js";
import { LOAD_CONCURRENCY, mapLimited, resolveCycle } from "./team-goals.js";
import type { Cycle, Goal, Principal } from "./types.js";

/** Enough for any tree a person reads on one screen; deeper parts open from their own root. */
export const MAX_TREE_GOALS = 1000;
const MAX_TREE_DEPTH = 32;

export interface AlignmentTree {
  cycle: Pick<Cycle, "id" | "name" | "startDate" | "endDate">;
  asOf: string;
  roots: AlignmentNode[];
  /** True when the tree had more than MAX_TREE_GOALS goals and the rest was not loaded. */
  isTruncated: boolean;
}

interface LoadedTree {
  goals: Map<string, Goal>;
  childrenOf: Map<string, string[]>;
  isTruncated: boolean;
}

async function loadDescendants(deps: CascadeDeps, tenantId: string, roots: Goal[]): Promise<LoadedTree> {
  const goals = new Map(roots.map((g) => [g.id, g]));
  const childrenOf = new Map<string, string[]>();
  let isTruncated = false;
  let level = roots.map((g) => g.id);
  for (let depth = 0; level.length > 0 && depth < MAX_TREE_DEPTH; depth++) {
    const lists = await mapLimited(level, LOAD_CONCURRENCY, (id) => deps.goals.listChildGoals(tenantId, id));
    const next: string[] = [];
    level.forEach((parentId, i) => {
      const children = lists[i]!.map((v) => v.value).filter((g) => !goals.has(g.id)).sort((a, b) => a.title.localeCompare(b.title));
      for (const child of children) {
        if (goals.size >= MAX_TREE_GOALS) {
          isTruncated = true;
          break;
        }
        goals.set(child.id, child);
        childrenOf.set(parentId, [...(childrenOf.get(parentId) ?? []), child.id]);
        next.push(child.id);
      }
    });
    level = next;
  }
  return { goals, childrenOf, isTruncated };
}

async function findRoots(deps: CascadeDeps, principal: Principal, cycleId: string | null, rootGoalId: string | null): Promise<{ cycle: Cycle; roots: Goal[] }> {
  const { tenantId } = principal;
  const now = deps.clock.now();
  if (rootGoalId) {
    const root = (await loadVisibleGoal(deps, principal, rootGoalId)).value;
    return { cycle: await resolveCycle(deps, tenantId, cycleId ?? root.cycleId, now), roots: [root] };
  }
  const cycle = await resolveCycle(deps, tenantId, cycleId, now);
  const tops = await deps.cascadeIndex.listTopLevelGoals(tenantId, cycle.id);
  const loaded = await mapLimited(tops, LOAD_CONCURRENCY, (t) => deps.goals.getGoal(tenantId, t.id));
  const roots = loaded.flatMap((v) => (v && v.value.isTopLevel && v.value.cycleId === cycle.id ? [v.value] : []));
  return { cycle, roots: roots.sort((a, b) => a.createdAt.localeCompare(b.createdAt)) };
}

/** Private goals are shown to their owner and the owner's managers; the answer is cached per owner. */
function createVisibilityCheck(deps: CascadeDeps, principal: Principal) {
  const allowed = new Map<string, Promise<boolean>>();
  return async (goal: Goal): Promise<boolean> => {
    if (goal.visibility === "public") return true;
    let answer = allowed.get(goal.ownerId);
    if (!answer) allowed.set(goal.ownerId, (answer = canSeeAllGoalsOf(deps.directory, principal, goal.ownerId)));
    return answer;
  };
}

export async function getAlignmentTree(deps: CascadeDeps, principal: Principal, query: { cycleId: string | null; rootGoalId: string | null }): Promise<AlignmentTree> {
  const { tenantId } = principal;
  const { cycle, roots } = await findRoots(deps, principal, query.cycleId, query.rootGoalId);
  const tree = await loadDescendants(deps, tenantId, roots);
  const all = [...tree.goals.values()];
  const canSee = createVisibilityCheck(deps, principal);
  const [people, visibility, riskMargin] = await Promise.all([
    deps.people.getPeople(tenantId, new Set(all.map((g) => g.ownerId))),
    Promise.all(all.map(async (g) => [g.id, await canSee(g)] as const)),
    deps.riskMargin(tenantId),
  ]);
  const visible = new Map(visibility);
  const owners = new Map<string, OwnerSummary>([...people.values()].map((p) => [p.id, { id: p.id, displayName: p.displayName, jobTitle: p.jobTitle }]));
  const goals = new Map<string, GoalSummary>(all.map((g) => [g.id, summariseGoal(g, people.get(g.ownerId)?.displayName ?? "")]));
  const now = deps.clock.now();
  const nodes = buildAlignmentTree({
    rootIds: roots.map((g) => g.id),
    goals,
    childrenOf: tree.childrenOf,
    isVisible: (g) => visible.get(g.id) === true,
    owners,
    elapsedShare: computeElapsedShare(cycle, now),
    riskMargin,
  });
  return { cycle: { id: cycle.id, name: cycle.name, startDate: cycle.startDate, endDate: cycle.endDate }, asOf: now.toISOString(), roots: nodes, isTruncated: tree.isTruncated };
}
