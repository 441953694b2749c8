/** The buttons a card shows under one goal: its form's send button, then "Open goal" when the
 * card has a link to the goal in the tab. */
import type { CardAction, OpenUrlAction } from "./card-json.js";
import { createExecuteAction, createOpenUrlAction } from "./elements.js";
import type { CardIntl } from "./i18n/card-intl.js";
import type { GoalRef } from "./types.js";
import type { Verb } from "./verbs.js";

/** A goal a card acts on: the revision the card was built from, and its link, if any. */
export interface LinkedGoalRef extends GoalRef {
  goalUrl?: string | null;
}

export function createOpenGoalActions(goalUrl: string | null | undefined, intl: CardIntl): OpenUrlAction[] {
  return goalUrl ? [createOpenUrlAction(intl.t("common.openGoal"), goalUrl)] : [];
}

/** Sends the form's inputs with the goal's id and version, so the server can spot a stale card. */
export function createGoalFormActions(goal: LinkedGoalRef, send: { title: string; verb: Verb }, intl: CardIntl): CardAction[] {
  return [
    createExecuteAction({ title: send.title, verb: send.verb, data: { goalId: goal.goalId, version: goal.version }, style: "positive", hasInputs: true }),
    ...createOpenGoalActions(goal.goalUrl, intl),
  ];
}
