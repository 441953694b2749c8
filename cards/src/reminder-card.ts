/** The weekly nudge: each goal without a recent check-in, with a small form to check in right
 * from the card. */
import type { AdaptiveCard, CardAction, CardElement } from "./card-json.js";
import { checkInInputIds, NOTE_MAX_LENGTH } from "./check-in-inputs.js";
import {
  createActionSet,
  createCard,
  createContainer,
  createExecuteAction,
  createHeading,
  createOpenUrlAction,
  createText,
  limitItems,
} from "./elements.js";
import { CONFIDENCE_LABELS, formatDate, formatDay, formatPercent, formatQuantity } from "./format.js";
import type { CheckInGoalView, Confidence, KeyResultView } from "./types.js";
import { VERBS } from "./verbs.js";

/** Enough to act on in one sitting without the card hitting Teams' size limit. */
export const REMINDER_MAX_GOALS = 5;

export interface ReminderCardInput {
  personName: string;
  goals: CheckInGoalView[];
  /** Deep link to the person's goals in the tab. */
  goalsUrl: string;
}

function createKeyResultInput(goalId: string, keyResult: KeyResultView): CardElement {
  if (keyResult.kind === "milestone") {
    return {
      type: "Input.Toggle",
      id: checkInInputIds.done(goalId, keyResult.id),
      title: `${keyResult.title}: done`,
      value: keyResult.done ? "true" : "false",
    };
  }
  return {
    type: "Input.Number",
    id: checkInInputIds.current(goalId, keyResult.id),
    label: `${keyResult.title} (target ${formatQuantity(keyResult.target, keyResult.unit)})`,
    value: keyResult.current,
  };
}

function createConfidenceInput(goal: CheckInGoalView): CardElement {
  const choices = (Object.keys(CONFIDENCE_LABELS) as Confidence[]).map((value) => ({
    title: CONFIDENCE_LABELS[value],
    value,
  }));
  return {
    type: "Input.ChoiceSet",
    id: checkInInputIds.confidence(goal.goalId),
    label: "How is it going?",
    value: goal.lastCheckIn?.confidence ?? "on_track",
    choices,
  };
}

function describeLastCheckIn(goal: CheckInGoalView): string {
  if (!goal.lastCheckIn) return "No check-in yet";
  const confidence = CONFIDENCE_LABELS[goal.lastCheckIn.confidence].toLowerCase();
  return `Last check-in ${formatDay(goal.lastCheckIn.at)} (${confidence})`;
}

function createGoalForm(goal: CheckInGoalView): CardElement {
  const actions: CardAction[] = [
    createExecuteAction({
      title: "Check in",
      verb: VERBS.submitCheckIn,
      data: { goalId: goal.goalId, version: goal.version },
      style: "positive",
      hasInputs: true,
    }),
  ];
  if (goal.goalUrl) actions.push(createOpenUrlAction("Open goal", goal.goalUrl));
  const summary = `Due ${formatDate(goal.dueDate)} · ${formatPercent(goal.progress)} done · ${describeLastCheckIn(goal)}`;
  return {
    ...createContainer([
      createText(goal.title, { weight: "Bolder", size: "Medium" }),
      createText(summary, { isSubtle: true, spacing: "None" }),
      ...goal.keyResults.map((keyResult) => createKeyResultInput(goal.goalId, keyResult)),
      createConfidenceInput(goal),
      {
        type: "Input.Text",
        id: checkInInputIds.note(goal.goalId),
        label: "Note (optional)",
        placeholder: "What moved forward? Anything blocking you?",
        isMultiline: true,
        maxLength: NOTE_MAX_LENGTH,
      },
      createActionSet(actions),
    ]),
    separator: true,
    spacing: "Large",
  };
}

export function buildReminderCard(input: ReminderCardInput): AdaptiveCard {
  const { shown, moreCount } = limitItems(input.goals, REMINDER_MAX_GOALS);
  const body: CardElement[] = [
    createHeading("Time for your weekly check-in"),
    createText(`Hi ${input.personName}, these goals have not had a check-in this week. You can update them right here.`),
    ...shown.map(createGoalForm),
  ];
  if (moreCount > 0) {
    body.push(createText(`And ${moreCount} more ${moreCount === 1 ? "goal" : "goals"} in Cascade.`, { isSubtle: true }));
  }
  return createCard(body, [createOpenUrlAction("Open my goals", input.goalsUrl)]);
}
