/** Goals on the wire: the statuses, the bodies an author sends (create, edit, close), the fields the
 * server owns, and the goal as the API returns it. */
import { z } from "zod";
import { idSchema, isoDate, type Confidence, type PersonSummary, type Visibility } from "./common.js";
import { keyResultSchema, titleSchema, type KeyResult } from "./key-results.js";
import { CLOSE_OUTCOMES, type GoalFlag, type GoalStatus } from "./goal-states.js";
import { DECISION_COMMENT_MAX, DESCRIPTION_MAX, MAX_KEY_RESULTS, WEIGHT_MAX } from "./limits.js";
import type { CarryLink, CloseOut } from "./close-out.js";
import type { SmartResult } from "./smart.js";

export * from "./goal-states.js";

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

const goalFields = {
  cycleId: idSchema,
  title: titleSchema,
  description: z.string().max(DESCRIPTION_MAX, `At most ${DESCRIPTION_MAX} characters.`).optional(),
  dueDate: isoDate.nullable().optional(),
  visibility: z.enum(["public", "private"]).optional(),
  parentId: idSchema.nullable().optional(),
  weight: z.number().finite().min(0, "Weight cannot be negative.").max(WEIGHT_MAX, `At most ${WEIGHT_MAX}.`).optional(),
  keyResults: z.array(keyResultSchema).min(1, "Add at least one key result.").max(MAX_KEY_RESULTS, `At most ${MAX_KEY_RESULTS} key results.`),
  isTopLevel: z.boolean().optional(),
};

export const goalCreateSchema = z.strictObject(goalFields);
export const goalPatchSchema = z.strictObject(goalFields).partial();

/** A new goal as parsed: fields left out take their defaults. */
export type GoalInput = z.output<typeof goalCreateSchema>;
/** An edit as parsed: fields left out keep their value. */
export type GoalPatch = z.output<typeof goalPatchSchema>;

/** Fields the server owns; naming them in a body is an error with its own message. */
export const SERVER_OWNED_FIELDS = ["id", "ownerId", "status", "tenantId", "progress", "smart", "approverId", "createdAt", "updatedAt", "etag", "flags", "approvedSnapshot", "lastCheckIn", "closeOut", "continuedFrom", "carriedTo"];

export const decisionCommentSchema = z.string().max(DECISION_COMMENT_MAX, `At most ${DECISION_COMMENT_MAX} characters.`).nullable().optional();

export const closeGoalSchema = z.strictObject({ outcome: z.enum(CLOSE_OUTCOMES), comment: decisionCommentSchema });

/** A goal of someone who left: given to someone else, or closed (cancelled unless an outcome is named). */
export const reassignGoalSchema = z.strictObject({ newOwnerId: idSchema, comment: decisionCommentSchema });
export const closeLeaverGoalSchema = z.strictObject({ outcome: z.enum(CLOSE_OUTCOMES).optional(), comment: decisionCommentSchema });

/** What changed in each field: the value before and after. */
export type FieldChanges = Record<string, { from: unknown; to: unknown }>;

/** The goal as the API returns it: stored fields plus progress, SMART check and version. */
export interface GoalView extends GoalDraft {
  id: string;
  ownerId: string;
  isTopLevel: boolean;
  status: GoalStatus;
  progress: number;
  smart: SmartResult;
  approverId: string | null;
  flags: GoalFlag[];
  lastCheckIn: { at: string; confidence: Confidence } | null;
  /** On a goal waiting for re-approval: what changed since it was approved. */
  changesSinceApproval: FieldChanges | null;
  /** The owner's end-of-cycle review, once given. */
  closeOut: CloseOut | null;
  /** The progress in whole percent: where a close-out's score starts. */
  suggestedScore: number;
  /** The goal of an earlier cycle this one continues. */
  continuedFrom: string | null;
  /** The goals that continue this one, one per later cycle. */
  carriedTo: CarryLink[];
  createdAt: string;
  updatedAt: string;
  etag: string;
}

/** A goal a person may align theirs to. */
export interface ParentOption {
  goal: { id: string; title: string; ownerId: string; status: GoalStatus; isTopLevel: boolean };
  owner: PersonSummary;
  /** 1 = the person's manager, 2 = the manager's manager, and so on; organisation-goal owners outside
   * the chain come one step beyond its top. */
  distance: number;
  isOrganisationGoal: boolean;
}

/** One entry of a goal's history. */
export interface HistoryEntry {
  id: string;
  goalId: string;
  at: string;
  actorId: string;
  action: string;
  comment: string | null;
  changes: FieldChanges;
}
