/** Interfaces the cascade views and the reorg reactions own; adapters in store/ implement them. */
import type { GoalDeps } from "./goal-context.js";
import { computeGoalProgress } from "../contracts/progress.js";
import type { GoalWrite, Versioned } from "./ports.js";
import type { Goal, Person } from "./types.js";
import type { GoalSummary } from "../contracts/views.js";

export type { GoalSummary } from "../contracts/views.js";

/** Placement of people without a (usable) manager. */
export const ROOT_PLACEMENT = "-";

export interface Placement {
  /** The owner's manager id, ROOT_PLACEMENT, or null to keep where the goal is (owner not in the directory). */
  managerKey: string | null;
  ownerName: string | null;
}

/** Goals grouped by the owner's manager and cycle: a manager's subtree is read one partition per
 * manager in it, and a manager change moves only that person's own goals. */
export interface CascadeIndex {
  /** Goals of the cycle whose owners were placed under this manager (their direct reports). */
  listGoalsPlacedUnder(tenantId: string, cycleId: string, managerKey: string): Promise<GoalSummary[]>;
  /** Organisation goals (top-level) of the cycle. */
  listTopLevelGoals(tenantId: string, cycleId: string): Promise<GoalSummary[]>;
  /** Writes the summary under the placement; moves it when owner, manager or cycle changed. The
   * placement may still be on its way, so it is looked up while the index reads its own state. */
  indexGoal(goal: Goal, placement: Placement | Promise<Placement>): Promise<void>;
  removeGoal(tenantId: string, goalId: string): Promise<void>;
}

export interface PeopleLookup {
  getPeople(tenantId: string, ids: Iterable<string>): Promise<Map<string, Person>>;
}

/** Moves a goal with its audit trail and check-ins into the new owner's partition. The source is
 * ETag-checked: a concurrent change makes the move fail with precondition_failed and undoes it. */
export interface GoalMover {
  moveGoal(source: Versioned<Goal>, moved: Goal): Promise<Versioned<Goal>>;
}

/** What the cascade views read besides the goal operations' own dependencies. */
export interface CascadeDeps extends GoalDeps {
  cascadeIndex: CascadeIndex;
  people: PeopleLookup;
  /** How far progress may trail the elapsed share of the cycle before a goal counts as behind. */
  riskMargin(tenantId: string): Promise<number>;
}

/** Whether a write leaves everything derived from the goal's summary as it was (the cascade and children
 * indexes, dashboard figures): true only for an update whose summary, apart from its time stamp, is
 * unchanged, such as an edit of the description. Derived rows that an earlier failure left behind are
 * brought back by the index rebuild, not by the next write. */
export function isSummaryUnchanged(write: Pick<GoalWrite, "goal" | "previous">): boolean {
  const known = summaryChecks.get(write);
  if (known !== undefined) return known;
  const isUnchanged = write.previous !== undefined && fingerprintSummary(write.previous) === fingerprintSummary(write.goal);
  summaryChecks.set(write, isUnchanged);
  return isUnchanged;
}

/** Every layer a save passes through (goal store, dashboard stamps, cascade index) asks about the same
 * write; the answer is worked out once per write. */
const summaryChecks = new WeakMap<object, boolean>();

const fingerprintSummary = (goal: Goal) => JSON.stringify({ ...summariseGoal(goal, ""), updatedAt: "" });

export function summariseGoal(goal: Goal, ownerName: string): GoalSummary {
  return {
    id: goal.id,
    ownerId: goal.ownerId,
    ownerName,
    cycleId: goal.cycleId,
    parentId: goal.parentId,
    isTopLevel: goal.isTopLevel,
    status: goal.status,
    title: goal.title,
    weight: goal.weight,
    visibility: goal.visibility,
    flags: goal.flags,
    progress: computeGoalProgress(goal.keyResults),
    confidence: goal.lastCheckIn?.confidence ?? null,
    lastCheckInAt: goal.lastCheckIn?.at ?? null,
    dueDate: goal.dueDate,
    updatedAt: goal.updatedAt,
  };
}
