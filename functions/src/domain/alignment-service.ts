/** GET /api/alignment: one level of the goal tree, a page at a time: the goals aligned to one goal, or the
 * organisation goals of a cycle. Each goal comes with its progress rolled up over everything aligned
 * below it and how many goals are aligned to it, both kept in its row under its parent
 * (alignment-rollups.ts), so an answer reads the level it shows and never what lies below it; a branch
 * opens with a request of its own. */
import type { AlignmentLevel, AlignmentNode } from "../contracts/views.js";
import { computeFigures, type AlignedRow, type AlignmentRows } from "./alignment-rollups.js";
import { summariseGoal, type CascadeDeps, type GoalSummary } from "./cascade-ports.js";
import { AppError } from "./errors.js";
import { canSeeAllGoalsOf } from "./goal-access.js";
import { loadVisibleGoal } from "./goal-context.js";
import { assessProgressRisk, computeElapsedShare } from "./risk.js";
import { LOAD_CONCURRENCY, resolveCycle } from "./team-goals.js";
import { runLimited } from "./run-limited.js";
import type { Cycle, Principal } from "./types.js";

export const ALIGNMENT_PAGE = { defaultLimit: 20, maxLimit: 100 } as const;

export interface AlignmentDepsOf extends CascadeDeps {
  alignment: AlignmentRows;
}

export interface AlignmentQuery {
  cycleId: string | null;
  rootGoalId: string | null;
  limit: number;
  cursor: string | null;
}

type Shown = Omit<GoalSummary, "ownerName"> & { ownerName: string; rolledUpProgress: number | null; alignedCount: number | null };

const badCursor = () => new AppError("validation_failed", "The cursor is not valid.", { errors: [{ path: "cursor", message: "Not a valid cursor." }] });

/** A cursor is the position of the last goal handed out: its title and id. */
function decodeCursor(cursor: string | null): [string, string] | null {
  if (cursor === null) return null;
  try {
    const position: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(position) && position.length === 2 && position.every((p) => typeof p === "string")) return position as [string, string];
  } catch {
    // Falls through to the 400 below.
  }
  throw badCursor();
}

const encodeCursor = (goal: Pick<Shown, "title" | "id">) => Buffer.from(JSON.stringify([goal.title, goal.id]), "utf8").toString("base64url");

const compareByTitle = (a: Pick<Shown, "title" | "id">, b: Pick<Shown, "title" | "id">) => a.title.localeCompare(b.title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Private goals are shown to their owner and the owner's managers; the answer is cached per owner. */
function createVisibilityCheck(deps: CascadeDeps, principal: Principal) {
  const allowed = new Map<string, Promise<boolean>>();
  return async (goal: Pick<Shown, "visibility" | "ownerId">): Promise<boolean> => {
    if (goal.visibility === "public") return true;
    let answer = allowed.get(goal.ownerId);
    if (!answer) allowed.set(goal.ownerId, (answer = canSeeAllGoalsOf(deps.directory, principal, goal.ownerId)));
    return answer;
  };
}

const fromRow = (parentId: string, row: AlignedRow): Shown => ({ ...row, parentId, ownerName: "" });

/** The goals of the level the viewer may see, in title order, and how many they may not. */
async function splitVisible(deps: CascadeDeps, principal: Principal, goals: Shown[]): Promise<{ visible: Shown[]; hidden: number }> {
  const canSee = createVisibilityCheck(deps, principal);
  const seen = await Promise.all(goals.map((g) => canSee(g)));
  const visible = goals.filter((_, i) => seen[i]).sort(compareByTitle);
  return { visible, hidden: goals.length - visible.length };
}

function pageOf(goals: Shown[], limit: number, cursor: string | null): { items: Shown[]; nextCursor: string | null } {
  const after = decodeCursor(cursor);
  const start = after ? goals.findIndex((g) => compareByTitle(g, { title: after[0], id: after[1] }) > 0) : 0;
  const rest = start < 0 ? [] : goals.slice(start);
  const items = rest.slice(0, limit);
  return { items, nextCursor: rest.length > limit ? encodeCursor(items[items.length - 1]!) : null };
}

/** Figures a row does not hold yet (written before they were kept) are computed from the rows below it. */
type Figured = Shown & { rolledUpProgress: number; alignedCount: number };

async function withFigures(deps: AlignmentDepsOf, tenantId: string, goals: Shown[]): Promise<Figured[]> {
  return runLimited(goals, LOAD_CONCURRENCY, async (goal) => {
    if (goal.rolledUpProgress !== null && goal.alignedCount !== null) return { ...goal, rolledUpProgress: goal.rolledUpProgress, alignedCount: goal.alignedCount };
    return { ...goal, ...computeFigures(goal.progress, await deps.alignment.list(tenantId, goal.id)) };
  });
}

/** The level asked for: the goals aligned to the root, with the root's own figures, or the cycle's
 * organisation goals. */
async function readLevel(deps: AlignmentDepsOf, principal: Principal, query: AlignmentQuery, now: Date): Promise<{ cycle: Cycle; parent: Figured | null; level: Shown[] }> {
  const { tenantId } = principal;
  if (query.rootGoalId) {
    const root = (await loadVisibleGoal(deps, principal, query.rootGoalId)).value;
    const [rows, cycle] = await Promise.all([deps.alignment.list(tenantId, root.id), resolveCycle(deps, tenantId, query.cycleId ?? root.cycleId, now)]);
    const summary = summariseGoal(root, "");
    return { cycle, parent: { ...summary, ...computeFigures(summary.progress, rows) }, level: rows.map((row) => fromRow(root.id, row)) };
  }
  const cycle = await resolveCycle(deps, tenantId, query.cycleId, now);
  const tops = await deps.cascadeIndex.listTopLevelGoals(tenantId, cycle.id);
  return { cycle, parent: null, level: tops.filter((t) => t.isTopLevel && t.cycleId === cycle.id).map((t) => ({ ...t, rolledUpProgress: null, alignedCount: null })) };
}

export async function getAlignmentLevel(deps: AlignmentDepsOf, principal: Principal, query: AlignmentQuery): Promise<AlignmentLevel> {
  const { tenantId } = principal;
  const now = deps.clock.now();
  const { cycle, parent, level } = await readLevel(deps, principal, query, now);
  const { visible, hidden } = await splitVisible(deps, principal, level);
  const page = pageOf(visible, query.limit, query.cursor);
  const [items, people, riskMargin] = await Promise.all([
    withFigures(deps, tenantId, page.items),
    deps.people.getPeople(tenantId, new Set([...page.items.map((g) => g.ownerId), ...(parent ? [parent.ownerId] : [])])),
    deps.riskMargin(tenantId),
  ]);
  const elapsedShare = computeElapsedShare(cycle, now);
  const toNode = (goal: Figured): AlignmentNode => {
    const { ownerName, rolledUpProgress, alignedCount, ...rest } = goal;
    const person = people.get(goal.ownerId);
    const risk = goal.status === "active" ? assessProgressRisk(goal.progress, goal.confidence, elapsedShare, riskMargin) : { isAtRisk: false, reason: null };
    return {
      goal: rest,
      owner: person ? { id: person.id, displayName: person.displayName, jobTitle: person.jobTitle } : { id: goal.ownerId, displayName: ownerName, jobTitle: null },
      rolledUpProgress,
      isAtRisk: risk.isAtRisk,
      riskReason: risk.reason,
      alignedCount,
    };
  };
  return {
    cycle: { id: cycle.id, name: cycle.name, startDate: cycle.startDate, endDate: cycle.endDate },
    asOf: now.toISOString(),
    parent: parent ? toNode(parent) : null,
    items: items.map(toNode),
    hiddenCount: hidden,
    nextCursor: page.nextCursor,
  };
}
