/** Turns a stored goal into the view model of the approval cards: names instead of ids, the
 * goal it supports, the checklist in plain words, and what changed since the last approval. */
import { describeKeyResult, formatDate, formatQuantity } from "../../../cards/src/format.js";
import type { ApprovalGoalView, FieldChangeView, KeyResultView } from "../../../cards/src/index.js";
import { canReadGoal } from "../domain/goal-access.js";
import type { GoalDeps } from "../domain/goal-context.js";
import type { Versioned } from "../domain/ports.js";
import { checkSmart } from "../domain/smart.js";
import type { ApprovedSnapshot, Goal, KeyResult } from "../domain/types.js";
import { type TabLinkSettings, buildGoalUrl } from "./tab-links.js";

type SnapshotKeyResult = ApprovedSnapshot["keyResults"][number];

function toKeyResultView(kr: KeyResult): KeyResultView {
  return kr.kind === "number"
    ? { id: kr.id, title: kr.title, kind: "number", start: kr.start, target: kr.target, current: kr.current, unit: kr.unit ?? null }
    : { id: kr.id, title: kr.title, kind: "milestone", done: kr.done };
}

export async function findPersonName(deps: GoalDeps, tenantId: string, personId: string): Promise<string> {
  return (await deps.directory.getPerson(tenantId, personId))?.displayName ?? "Someone who left";
}

/** The person a card is rendered for: what it shows of other goals is what they may read. */
export interface CardViewer {
  tenantId: string;
  userId: string;
}

const PRIVATE_PARENT = { title: "A goal you cannot see", ownerName: "" };

/** A goal the viewer may read, or null: a goal they may not read and a goal that is gone look the
 * same, so a card tells nobody that a private goal exists. */
async function readVisibleGoal(deps: GoalDeps, viewer: CardViewer, goalId: string): Promise<Goal | null> {
  const found = await deps.goals.getGoal(viewer.tenantId, goalId);
  const principal = { tenantId: viewer.tenantId, userId: viewer.userId, name: "", roles: [] };
  return found && (await canReadGoal(deps.directory, principal, found.value)) ? found.value : null;
}

/** The parent as the viewer may see it: one outside their view shows neither its title nor its owner. */
async function describeParent(deps: GoalDeps, goal: Goal, viewer: CardViewer): Promise<{ title: string; ownerName: string } | null> {
  if (!goal.parentId) return null;
  const parent = await readVisibleGoal(deps, viewer, goal.parentId);
  if (!parent) return PRIVATE_PARENT;
  return { title: parent.title, ownerName: await findPersonName(deps, goal.tenantId, parent.ownerId) };
}

function describeTarget(kr: SnapshotKeyResult, unit: string | null | undefined): string {
  if (kr.kind === "milestone") return "A milestone: done or not done";
  return `From ${formatQuantity(kr.start ?? 0, unit)} to ${formatQuantity(kr.target ?? 0, unit)}`;
}

function describeKeyResultChanges(before: SnapshotKeyResult[], goal: Goal): FieldChangeView[] {
  const after = new Map(goal.keyResults.map((kr) => [kr.id, kr]));
  const unitOf = (id: string) => {
    const kr = after.get(id);
    return kr?.kind === "number" ? kr.unit : null;
  };
  const changes: FieldChangeView[] = [];
  for (const old of before) {
    const now = after.get(old.id);
    if (!now) changes.push({ field: `Key result removed: ${old.title}`, before: describeTarget(old, null), after: null });
    else if (JSON.stringify(old) !== JSON.stringify(snapshotOf(now))) {
      changes.push({ field: `Key result: ${now.title}`, before: `${old.title}. ${describeTarget(old, unitOf(old.id))}`, after: describeKeyResult(toKeyResultView(now)) });
    }
  }
  const known = new Set(before.map((kr) => kr.id));
  for (const kr of goal.keyResults) {
    if (!known.has(kr.id)) changes.push({ field: `Key result added: ${kr.title}`, before: null, after: describeKeyResult(toKeyResultView(kr)) });
  }
  return changes;
}

function snapshotOf(kr: KeyResult): SnapshotKeyResult {
  return kr.kind === "number" ? { id: kr.id, title: kr.title, kind: kr.kind, start: kr.start, target: kr.target } : { id: kr.id, title: kr.title, kind: kr.kind };
}

async function describeParentTitle(deps: GoalDeps, viewer: CardViewer, parentId: string | null): Promise<string | null> {
  if (!parentId) return "Top-level goal";
  return (await readVisibleGoal(deps, viewer, parentId))?.title ?? PRIVATE_PARENT.title;
}

/** The diff from the approved version, field by field, in words a manager reads at a glance. */
export async function describeChangesSinceApproval(deps: GoalDeps, goal: Goal, viewer: CardViewer): Promise<FieldChangeView[]> {
  const snapshot = goal.approvedSnapshot;
  if (!snapshot || goal.status !== "pending_approval") return [];
  const changes: FieldChangeView[] = [];
  if (snapshot.title !== goal.title) changes.push({ field: "Title", before: snapshot.title, after: goal.title });
  if (snapshot.dueDate !== goal.dueDate) changes.push({ field: "Due date", before: formatDate(snapshot.dueDate), after: formatDate(goal.dueDate) });
  if (snapshot.parentId !== goal.parentId) {
    const [before, after] = await Promise.all([describeParentTitle(deps, viewer, snapshot.parentId), describeParentTitle(deps, viewer, goal.parentId)]);
    changes.push({ field: "Supports", before, after });
  }
  return [...changes, ...describeKeyResultChanges(snapshot.keyResults, goal)];
}

/** The goal's card content as `viewer` may see it; the caller has checked that they may read the goal. */
export async function buildApprovalView(deps: GoalDeps, stored: Versioned<Goal>, links: TabLinkSettings, viewer: CardViewer): Promise<ApprovalGoalView> {
  const goal = stored.value;
  const [ownerName, cycle, parent, changes] = await Promise.all([
    findPersonName(deps, goal.tenantId, goal.ownerId),
    deps.cycles.getCycle(goal.tenantId, goal.cycleId),
    describeParent(deps, goal, viewer),
    describeChangesSinceApproval(deps, goal, viewer),
  ]);
  const smart = checkSmart(goal, { cycle, isTopLevel: goal.isTopLevel });
  return {
    goalId: goal.id,
    version: stored.etag,
    title: goal.title,
    description: goal.description,
    ownerName,
    cycleName: cycle?.name ?? goal.cycleId,
    dueDate: goal.dueDate,
    keyResults: goal.keyResults.map(toKeyResultView),
    parent,
    smart: { ok: smart.ok, missing: smart.missing.map((issue) => issue.message) },
    changes,
    goalUrl: buildGoalUrl(links, goal.id),
  };
}
