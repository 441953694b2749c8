/** Who may thank or comment on a goal, and how the API's answers land on the feedback forms. The
 * server decides; these rules only keep the tab from offering what it would refuse. */
import type { Problem } from "../api/client.js";
import type { GoalView, PersonSummary } from "../api/types.js";
import { THANKABLE } from "../../../functions/src/contracts/feedback.js";
import { describeGoalRelation } from "./goal-link.js";
import type { Translator } from "../i18n/translator.js";

export interface KudosAccess {
  canGive: boolean;
  /** Why the form is not offered, in words for the person looking. */
  reason: string | null;
}

export function describeKudosAccess(goal: Pick<GoalView, "ownerId" | "status">, meId: string, tr: Translator): KudosAccess {
  if (goal.ownerId === meId) return { canGive: false, reason: tr.t("kudos.ownGoal") };
  if (!THANKABLE.has(goal.status)) return { canGive: false, reason: tr.t("kudos.notYet") };
  return { canGive: true, reason: null };
}

/** Comments are a conversation between the owner and their management chain. */
export function canReadComments(ownerId: string, meId: string, ownerManagerChainIds: readonly string[]): boolean {
  return describeGoalRelation(ownerId, meId, ownerManagerChainIds) !== "other";
}

export function validateFeedbackText(text: string, max: number, emptyMessage: string, tr: Translator): string | null {
  const length = text.trim().length;
  if (length === 0) return emptyMessage;
  return length > max ? tr.t("feedback.tooLong", { max, length }) : null;
}

export interface FeedbackErrors {
  fieldError: string | null;
  generalError: string | null;
}

/** The form has one field; problem paths may be "text", "/text" or "body.text". */
export function mapFeedbackProblem(problem: Problem, field: string): FeedbackErrors {
  const match = problem.errors?.find((error) => error.path.split(/[./]/).filter(Boolean).at(-1) === field);
  if (match) return { fieldError: match.message, generalError: null };
  return { fieldError: null, generalError: problem.detail ?? problem.title };
}

export function sortNewestFirst<T extends { at: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => b.at.localeCompare(a.at));
}

/** "You", the name the API sent, a name the tab already holds, or null when it has to ask the directory. */
export function nameKnownPerson(personId: string, meId: string, known: readonly PersonSummary[], tr: Translator, givenName: string | null = null): string | null {
  if (personId === meId) return tr.t("person.you");
  return givenName ?? known.find((person) => person.id === personId)?.displayName ?? null;
}
