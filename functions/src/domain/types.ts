/** Plain data types of the goal domain. No SDK imports, no I/O. */

import type { CarryLink, CloseOut, Confidence, GoalDraft, GoalFlag, GoalStatus, KeyResultKind } from "../contracts/index.js";

/** The wire types the domain works with are the contract's. */
export { GOAL_STATUSES } from "../contracts/goal-states.js";
export { KEY_RESULT_KINDS, MEASURED_KINDS, UNIT_KINDS } from "../contracts/key-result-rules.js";
export type { CarryLink, CheckIn, CloseOut, CloseOutComment, CloseOutOutcome, Confidence, GoalDraft, GoalFlag, GoalStatus, KeyResult, KeyResultKind, MeasuredKeyResult, MeasuredKind, MilestoneKeyResult, UnitKind, Visibility } from "../contracts/index.js";

/** The part of a goal that needs re-approval when it changes on an active goal. */
export interface ApprovedSnapshot {
  title: string;
  dueDate: string | null;
  parentId: string | null;
  keyResults: Array<{ id: string; title: string; kind: KeyResultKind; start?: number; target?: number }>;
}

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
  /** The end-of-cycle review; absent or null until the owner closes the goal out. */
  closeOut?: CloseOut | null;
  /** The goal of an earlier cycle this one continues. */
  continuedFrom?: string | null;
  /** The goals that continue this one, one per later cycle. */
  carriedTo?: CarryLink[];
}

export interface Cycle {
  tenantId: string;
  id: string;
  name: string;
  startDate: string;
  endDate: string;
  status: "open" | "closed";
  /** When an admin opened close-out before the cycle's end; close-out opens by itself once it has ended. */
  closeOutOpenedAt?: string | null;
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

/** An entry of a goal's history, as stored and as the API returns it. */
export type { HistoryEntry as AuditEntry } from "../contracts/index.js";
