/** The end of a cycle on the wire: a goal's close-out (score, outcome, reflection), managers' comments
 * on it, carrying an unfinished goal into a later cycle, and the team's close-out state and report. */
import { z } from "zod";
import { idSchema } from "./common.js";
import type { Visibility } from "./common.js";
import type { GoalStatus } from "./goal-states.js";
import { CLOSE_OUT_COMMENT_MAX, REFLECTION_MAX } from "./limits.js";

/** How a goal ended, in its owner's words at the end of its cycle. */
export const CLOSE_OUT_OUTCOMES = ["achieved", "partly", "missed"] as const;
export type CloseOutOutcome = (typeof CLOSE_OUT_OUTCOMES)[number];

export interface CloseOutComment {
  id: string;
  authorId: string;
  at: string;
  text: string;
}

export interface CloseOut {
  /** 0–100, the owner's own score (prefilled from progress). */
  score: number;
  outcome: CloseOutOutcome;
  reflection: string;
  at: string;
  /** What the owner's managers said about it. */
  comments: CloseOutComment[];
}

/** Where an unfinished goal went on: the draft that continues it in a later cycle. */
export interface CarryLink {
  cycleId: string;
  goalId: string;
}

export const closeOutSchema = z.strictObject({
  score: z.number({ error: "score must be a whole number from 0 to 100." }).int("score must be a whole number from 0 to 100.").min(0, "At least 0.").max(100, "At most 100."),
  outcome: z.enum(CLOSE_OUT_OUTCOMES, { error: 'outcome must be "achieved", "partly" or "missed".' }),
  reflection: z.string().trim().min(1, "Required.").max(REFLECTION_MAX, `At most ${REFLECTION_MAX} characters.`),
});
export type CloseOutInput = z.input<typeof closeOutSchema>;

export const closeOutCommentSchema = z.strictObject({ text: z.string().trim().min(1, "Required.").max(CLOSE_OUT_COMMENT_MAX, `At most ${CLOSE_OUT_COMMENT_MAX} characters.`) });

export const carryOverSchema = z.strictObject({ cycleId: idSchema });

/** The cycle a close-out view is about. */
export interface CloseOutCycle {
  id: string;
  name: string;
  endDate: string;
  isCloseOutOpen: boolean;
}

/** Close-out figures over a group of people: outcomes, scores in bands, and how much went on. */
export interface CloseOutFigures {
  people: number;
  goals: number;
  closedOut: number;
  achieved: number;
  partly: number;
  missed: number;
  /** Achieved among the goals closed out (null when none is). */
  achievedShare: number | null;
  averageScore: number | null;
  scoreDistribution: Array<{ from: number; to: number; count: number }>;
  unfinished: number;
  carriedOver: number;
  /** Carried over among the unfinished goals (null when none is unfinished). */
  carryOverRate: number | null;
}

/** A cycle's report over a manager's team: the whole team, then each direct report's subtree. */
export interface CycleReport {
  cycle: CloseOutCycle;
  managerId: string;
  team: CloseOutFigures;
  subtrees: Array<CloseOutFigures & { personId: string; displayName: string }>;
}

/** One goal of the team at the end of the cycle. */
export interface CloseOutGoalItem {
  id: string;
  ownerId: string;
  ownerName: string;
  title: string;
  status: GoalStatus;
  visibility: Visibility;
  progress: number;
  suggestedScore: number;
  closeOut: CloseOut | null;
  carriedTo: CarryLink[];
  isUnfinished: boolean;
}

/** A manager's team at the end of a cycle: each reviewed goal and how far close-out has come. */
export interface TeamCloseOut {
  cycle: CloseOutCycle;
  managerId: string;
  goals: CloseOutGoalItem[];
  summary: { goals: number; closedOut: number; carriedOver: number };
}
