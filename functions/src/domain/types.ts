/** Plain data types of the goal domain. No SDK imports, no I/O. */

export const GOAL_STATUSES = [
  "draft",
  "pending_approval",
  "active",
  "changes_requested",
  "rejected",
  "completed",
  "missed",
  "cancelled",
] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

export type Visibility = "public" | "private";
export type Confidence = "on_track" | "at_risk" | "off_track";

/** Measured key results: move up to a target, down to a target, or hold a value above or below a
 * threshold. `start` is the baseline (where the measure stood when the goal was set); for the
 * keep types `target` is the threshold. */
export const MEASURED_KINDS = ["increase", "decrease", "keep_above", "keep_below"] as const;
export type MeasuredKind = (typeof MEASURED_KINDS)[number];
export const KEY_RESULT_KINDS = [...MEASURED_KINDS, "milestone"] as const;
export type KeyResultKind = (typeof KEY_RESULT_KINDS)[number];

/** How a measured value reads: with a free-text unit ("deals"), as a percentage, or as money in an
 * ISO 4217 currency. */
export const UNIT_KINDS = ["text", "percent", "currency"] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export interface MeasuredKeyResult {
  id: string;
  title: string;
  kind: MeasuredKind;
  start: number;
  target: number;
  current: number;
  unitKind: UnitKind;
  /** The label of a text unit; absent for percent and currency. */
  unit?: string;
  /** ISO 4217 code, set only when unitKind is currency. */
  currency?: string;
}

export interface MilestoneKeyResult {
  id: string;
  title: string;
  kind: "milestone";
  done: boolean;
}

export type KeyResult = MeasuredKeyResult | MilestoneKeyResult;

/** Fields an author may write; everything else on a goal is owned by the server. */
export interface GoalDraft {
  cycleId: string;
  title: string;
  description: string;
  dueDate: string | null;
  visibility: Visibility;
  parentId: string | null;
  weight: number;
  keyResults: KeyResult[];
}

/** The part of a goal that needs re-approval when it changes on an active goal. */
export interface ApprovedSnapshot {
  title: string;
  dueDate: string | null;
  parentId: string | null;
  keyResults: Array<{ id: string; title: string; kind: KeyResultKind; start?: number; target?: number }>;
}

export type GoalFlag = "needs_realignment" | "owner_left" | "cross_chain";

export interface Goal extends GoalDraft {
  tenantId: string;
  id: string;
  ownerId: string;
  status: GoalStatus;
  approverId: string | null;
  /** Set when the goal is top-level by decision of an organisation-goal owner. */
  isTopLevel: boolean;
  approvedSnapshot: ApprovedSnapshot | null;
  flags: GoalFlag[];
  lastCheckIn: { at: string; confidence: Confidence } | null;
  createdAt: string;
  updatedAt: string;
}

export interface Cycle {
  tenantId: string;
  id: string;
  name: string;
  startDate: string;
  endDate: string;
  status: "open" | "closed";
}

export interface Person {
  id: string;
  displayName: string;
  mail: string | null;
  jobTitle: string | null;
  department: string | null;
  managerId: string | null;
  accountEnabled: boolean;
  updatedAt: string;
  /** The language set for them in Entra ID (Graph's preferredLanguage, e.g. "de-DE"), when there is one. */
  preferredLanguage?: string | null;
  /** The sign-in name in Entra ID (Graph's userPrincipalName); often the mail, but not in every tenant. */
  userPrincipalName?: string | null;
}

/** The verified caller. Identified by tenant + object id, never by email. */
export interface Principal {
  tenantId: string;
  userId: string;
  name: string;
  roles: string[];
  /** The language the caller's client asked for (a Teams activity's locale, the tab's Accept-Language), when known. */
  locale?: string;
}

export interface AuditEntry {
  id: string;
  goalId: string;
  at: string;
  actorId: string;
  action: string;
  comment: string | null;
  changes: Record<string, { from: unknown; to: unknown }>;
}

export interface CheckIn {
  id: string;
  goalId: string;
  at: string;
  authorId: string;
  confidence: Confidence;
  note: string;
  values: Array<{ id: string; current?: number; done?: boolean }>;
}
