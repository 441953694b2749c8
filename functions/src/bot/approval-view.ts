/** Turns a stored goal into the view model of the approval cards: names instead of ids, the
 * goal it supports, the checklist in plain words, and what changed since the last approval. */
import { describeKeyResult, type ApprovalGoalView, type CardIntl, type FieldChangeView, type MeasureUnit } from "../../../cards/src/index.js";
import { canReadGoal } from "../domain/goal-access.js";
import type { GoalDeps } from "../domain/goal-context.js";
import type { Versioned } from "../domain/ports.js";
import { isMeasured } from "../contracts/key-results.js";
import { checkSmart } from "../contracts/smart.js";
import { toKeyResultView } from "./progress-cards.js";
import type { ApprovedSnapshot, Goal, KeyResult } from "../domain/types.js";
import { type TabLinkSettings, buildGoalUrl } from "./tab-links.js";

type SnapshotKeyResult = ApprovedSnapshot["keyResults"][number];

export async function findPersonName(deps: GoalDeps, tenantId: string, personId: string, intl: CardIntl): Promise<string> {
  return (await deps.directory.getPerson(tenantId, personId))?.displayName ?? intl.t("common.someoneWhoLeft");
}

/** The person a card is rendered for: what it shows of other goals is what they may read, in their language. */
export interface CardViewer {
  tenantId: string;
  userId: string;
  /** The reader's own client's language when they are the one acting. */
  locale?: string | null;
}

/** A goal the viewer may read, or null: a goal they may not read and a goal that is gone look the
 * same, so a card tells nobody that a private goal exists. */
async function readVisibleGoal(deps: GoalDeps, viewer: CardViewer, goalId: string): Promise<Goal | null> {
  const found = await deps.goals.getGoal(viewer.tenantId, goalId);
  const principal = { tenantId: viewer.tenantId, userId: viewer.userId, name: "", roles: [] };
  return found && (await canReadGoal(deps.directory, principal, found.value)) ? found.value : null;
}

/** The parent as the viewer may see it: one outside their view shows neither its title nor its owner. */
async function describeParent(deps: GoalDeps, goal: Goal, viewer: CardViewer, intl: CardIntl): Promise<{ title: string; ownerName: string } | null> {
  if (!goal.parentId) return null;
  const parent = await readVisibleGoal(deps, viewer, goal.parentId);
  if (!parent) return { title: intl.t("goal.privateParent"), ownerName: "" };
  return { title: parent.title, ownerName: await findPersonName(deps, goal.tenantId, parent.ownerId, intl) };
}

function describeTarget(kr: SnapshotKeyResult, unit: MeasureUnit | null, intl: CardIntl): string {
  if (kr.kind === "milestone") return intl.t("goal.change.milestoneTarget");
  const target = intl.formatQuantity(kr.target ?? 0, unit);
  if (kr.kind === "keep_above") return intl.t("goal.change.keepAboveTarget", { target });
  if (kr.kind === "keep_below") return intl.t("goal.change.keepBelowTarget", { target });
  return intl.t("goal.change.numberTarget", { start: intl.formatQuantity(kr.start ?? 0, unit), target });
}

function describeKeyResultChanges(before: SnapshotKeyResult[], goal: Goal, intl: CardIntl): FieldChangeView[] {
  const after = new Map(goal.keyResults.map((kr) => [kr.id, kr]));
  const unitOf = (id: string): MeasureUnit | null => {
    const kr = after.get(id);
    return kr && isMeasured(kr) ? kr : null;
  };
  const changes: FieldChangeView[] = [];
  for (const old of before) {
    const now = after.get(old.id);
    if (!now) changes.push({ field: intl.t("goal.change.keyResultRemoved", { title: old.title }), before: describeTarget(old, null, intl), after: null });
    else if (JSON.stringify(old) !== JSON.stringify(snapshotOf(now))) {
      const before = intl.t("goal.change.keyResultBefore", { title: old.title, target: describeTarget(old, unitOf(old.id), intl) });
      changes.push({ field: intl.t("goal.change.keyResult", { title: now.title }), before, after: describeKeyResult(intl, toKeyResultView(now)) });
    }
  }
  const known = new Set(before.map((kr) => kr.id));
  for (const kr of goal.keyResults) {
    if (!known.has(kr.id)) changes.push({ field: intl.t("goal.change.keyResultAdded", { title: kr.title }), before: null, after: describeKeyResult(intl, toKeyResultView(kr)) });
  }
  return changes;
}

function snapshotOf(kr: KeyResult): SnapshotKeyResult {
  return isMeasured(kr) ? { id: kr.id, title: kr.title, kind: kr.kind, start: kr.start, target: kr.target } : { id: kr.id, title: kr.title, kind: kr.kind };
}

async function describeParentTitle(deps: GoalDeps, viewer: CardViewer, parentId: string | null, intl: CardIntl): Promise<string | null> {
  if (!parentId) return intl.t("goal.topLevel");
  return (await readVisibleGoal(deps, viewer, parentId))?.title ?? intl.t("goal.privateParent");
}

/** The diff from the approved version, field by field, in words a manager reads at a glance. */
export async function describeChangesSinceApproval(deps: GoalDeps, goal: Goal, viewer: CardViewer, intl: CardIntl): Promise<FieldChangeView[]> {
  const snapshot = goal.approvedSnapshot;
  if (!snapshot || goal.status !== "pending_approval") return [];
  const changes: FieldChangeView[] = [];
  if (snapshot.title !== goal.title) changes.push({ field: intl.t("goal.change.title"), before: snapshot.title, after: goal.title });
  if (snapshot.dueDate !== goal.dueDate) {
    changes.push({ field: intl.t("goal.change.dueDate"), before: intl.formatCalendarDate(snapshot.dueDate), after: intl.formatCalendarDate(goal.dueDate) });
  }
  if (snapshot.parentId !== goal.parentId) {
    const [before, after] = await Promise.all([describeParentTitle(deps, viewer, snapshot.parentId, intl), describeParentTitle(deps, viewer, goal.parentId, intl)]);
    changes.push({ field: intl.t("goal.fact.supports"), before, after });
  }
  return [...changes, ...describeKeyResultChanges(snapshot.keyResults, goal, intl)];
}

/** The goal's card content as `viewer` may see it; the caller has checked that they may read the goal. */
export async function buildApprovalView(deps: GoalDeps, stored: Versioned<Goal>, links: TabLinkSettings, viewer: CardViewer, intl: CardIntl): Promise<ApprovalGoalView> {
  const goal = stored.value;
  const [ownerName, cycle, parent, changes] = await Promise.all([
    findPersonName(deps, goal.tenantId, goal.ownerId, intl),
    deps.cycles.getCycle(goal.tenantId, goal.cycleId),
    describeParent(deps, goal, viewer, intl),
    describeChangesSinceApproval(deps, goal, viewer, intl),
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
    smart: { ok: smart.ok, missing: smart.missing.map((issue) => intl.t(`smart.${issue.code}`)) },
    changes,
    goalUrl: buildGoalUrl(links, goal.id),
  };
}
