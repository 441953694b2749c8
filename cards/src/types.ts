/** View models the card builders take. They mirror the API's JSON (functions/src/domain/types.ts)
 * without importing it, so the tab and the functions can both depend on this package. Every
 * string here is already display-ready (names, not ids) unless the field name ends in Id or Url. */

export type GoalStatus =
  | "draft"
  | "pending_approval"
  | "active"
  | "changes_requested"
  | "rejected"
  | "completed"
  | "missed"
  | "cancelled";

export type Confidence = "on_track" | "at_risk" | "off_track";

/** Same values as the body of POST /goals/{id}/decision. */
export type Decision = "approve" | "request_changes" | "reject";

/** increase and decrease move from start (the baseline) to target; keep_above and keep_below hold
 * target as a threshold. */
export type MeasuredKind = "increase" | "decrease" | "keep_above" | "keep_below";

/** How a value reads: a free-text unit, a percentage, or money in an ISO 4217 currency. */
export type UnitKind = "text" | "percent" | "currency";

export interface MeasuredKeyResultView {
  id: string;
  title: string;
  kind: MeasuredKind;
  start: number;
  target: number;
  current: number;
  unitKind?: UnitKind;
  unit?: string | null;
  currency?: string | null;
}

export interface MilestoneKeyResultView {
  id: string;
  title: string;
  kind: "milestone";
  done: boolean;
}

export type KeyResultView = MeasuredKeyResultView | MilestoneKeyResultView;

/** Identifies the exact goal revision a card was built from, so the server can spot a stale card. */
export interface GoalRef {
  goalId: string;
  /** The goal's updatedAt or ETag at the time the card was built. */
  version: string;
}

export interface SmartCheckView {
  ok: boolean;
  /** What is missing, in plain words ("a due date inside the cycle"). */
  missing: string[];
}

export interface FieldChangeView {
  /** Plain label of the changed field ("Due date", "Key result: Weekly active users"). */
  field: string;
  before: string | null;
  after: string | null;
}

export interface ApprovalGoalView extends GoalRef {
  title: string;
  description: string;
  ownerName: string;
  cycleName: string;
  /** ISO date (YYYY-MM-DD) or null when not set. */
  dueDate: string | null;
  keyResults: KeyResultView[];
  /** The goal this one supports; null means a top-level goal. */
  parent: { title: string; ownerName: string } | null;
  smart: SmartCheckView;
  /** On a re-approval: what changed since the approved version. Empty on a first approval. */
  changes: FieldChangeView[];
  /** Deep link to the goal in the tab. */
  goalUrl?: string | null;
}

export interface DecisionOutcome {
  decision: Decision;
  deciderName: string;
  /** ISO timestamp. */
  decidedAt: string;
  comment: string | null;
}

export interface CheckInGoalView extends GoalRef {
  title: string;
  dueDate: string | null;
  /** 0–1. */
  progress: number;
  lastCheckIn: { at: string; confidence: Confidence } | null;
  keyResults: KeyResultView[];
  goalUrl?: string | null;
}

/** Same shape as the body of POST /goals/{id}/checkins. */
export interface CheckInBody {
  keyResults: Array<{ id: string; current: number } | { id: string; done: boolean }>;
  confidence: Confidence;
  note: string;
}

export interface Link {
  title: string;
  url: string;
}

export type CloseOutOutcome = "achieved" | "partly" | "missed";

/** The body of POST /goals/{id}/close-out, as the close-out card sends it. */
export interface CloseOutBody {
  score: number;
  outcome: CloseOutOutcome;
  reflection: string;
}

/** A goal on the close-out card: what the form starts from, and the close-out already given, if any. */
export interface CloseOutGoalView extends GoalRef {
  title: string;
  /** 0–1. */
  progress: number;
  /** 0–100: the progress in whole percent. */
  suggestedScore: number;
  closeOut: CloseOutBody | null;
  goalUrl?: string | null;
  /** Where an unfinished goal can go on; absent when it is finished or no later cycle is open. */
  carryOver?: CloseOutCarryOver | null;
}

/** The cycle an unfinished goal can be carried into (the earliest open one after its own). */
export interface CloseOutCarryOver {
  cycleId: string;
  cycleName: string;
  /** True once the goal goes on there: the card says so instead of offering it. */
  isCarried: boolean;
}
