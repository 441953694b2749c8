/** What the close-out panel decides: which goals take a close-out, which may go on into another cycle,
 * which cycles they may go to, and what is wrong with a form before it is sent (the API checks again). */
import type { CloseOutOutcome, CycleView, GoalView } from "../api/types.js";
import type { MessageId } from "../i18n/translator.js";

export const CLOSE_OUT_OUTCOMES: readonly CloseOutOutcome[] = ["achieved", "partly", "missed"];
export const REFLECTION_MAX = 2000;

export const OUTCOME_LABELS: Record<CloseOutOutcome, MessageId> = {
  achieved: "closeOut.outcome.achieved",
  partly: "closeOut.outcome.partly",
  missed: "closeOut.outcome.missed",
};

export interface CloseOutForm {
  score: number | null;
  outcome: CloseOutOutcome | null;
  reflection: string;
}

export type CloseOutErrors = Partial<Record<keyof CloseOutForm, MessageId>>;

/** Goals that were agreed and ran in the cycle. */
export function isClosable(goal: Pick<GoalView, "status">): boolean {
  return goal.status === "active" || goal.status === "completed" || goal.status === "missed";
}

export function isUnfinished(goal: Pick<GoalView, "status" | "closeOut">): boolean {
  return ["draft", "pending_approval", "changes_requested", "active", "missed"].includes(goal.status) && goal.closeOut?.outcome !== "achieved";
}

/** Open cycles that start after this one, soonest first. */
export function listCarryTargets(cycles: readonly CycleView[], cycle: CycleView): CycleView[] {
  return cycles.filter((c) => c.status === "open" && c.startDate > cycle.startDate).sort((a, b) => a.startDate.localeCompare(b.startDate));
}

export function startForm(goal: Pick<GoalView, "closeOut" | "suggestedScore">): CloseOutForm {
  return goal.closeOut ? { score: goal.closeOut.score, outcome: goal.closeOut.outcome, reflection: goal.closeOut.reflection } : { score: goal.suggestedScore, outcome: null, reflection: "" };
}

export function validateCloseOut(form: CloseOutForm): CloseOutErrors {
  const errors: CloseOutErrors = {};
  if (form.score === null || !Number.isInteger(form.score) || form.score < 0 || form.score > 100) errors.score = "closeOut.error.score";
  if (!form.outcome) errors.outcome = "closeOut.error.outcome";
  const reflection = form.reflection.trim();
  if (!reflection || reflection.length > REFLECTION_MAX) errors.reflection = "closeOut.error.reflection";
  return errors;
}
