/** The weekly nudge: each goal without a recent check-in, with a small form to check in right
 * from the card. */
import type { AdaptiveCard, CardElement } from "./card-json.js";
import { checkInInputIds, NOTE_MAX_LENGTH } from "./check-in-inputs.js";
import {
  createActionSet,
  createCard,
  createContainer,
  createHeading,
  createOpenUrlAction,
  createText,
  limitItems,
} from "./elements.js";
import { formatConfidence, formatConfidenceInline, formatDay } from "./format.js";
import { createGoalFormActions } from "./goal-actions.js";
import type { CardIntl } from "./i18n/card-intl.js";
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

const CONFIDENCES: readonly Confidence[] = ["on_track", "at_risk", "off_track"];

/** A target to reach, or a line to hold. */
const NUMBER_LABELS = { increase: "reminder.numberLabel", decrease: "reminder.numberLabel", keep_above: "reminder.keepAboveLabel", keep_below: "reminder.keepBelowLabel" } as const;

/** Every input has a label; those the check-in needs are required and say what to fix. A milestone's
 * toggle is not required: "not done" is an answer too. */
function createKeyResultInput(goalId: string, keyResult: KeyResultView, intl: CardIntl): CardElement {
  if (keyResult.kind === "milestone") {
    return {
      type: "Input.Toggle",
      id: checkInInputIds.done(goalId, keyResult.id),
      label: keyResult.title,
      title: intl.t("reminder.milestoneDone"),
      value: keyResult.done ? "true" : "false",
      errorMessage: intl.t("checkIn.error.milestone"),
    };
  }
  return {
    type: "Input.Number",
    id: checkInInputIds.current(goalId, keyResult.id),
    label: intl.t(NUMBER_LABELS[keyResult.kind], { title: keyResult.title, target: intl.formatQuantity(keyResult.target, keyResult) }),
    value: keyResult.current,
    isRequired: true,
    errorMessage: intl.t("checkIn.error.number"),
  };
}

function createConfidenceInput(goal: CheckInGoalView, intl: CardIntl): CardElement {
  const choices = CONFIDENCES.map((value) => ({ title: formatConfidence(intl, value), value }));
  return {
    type: "Input.ChoiceSet",
    id: checkInInputIds.confidence(goal.goalId),
    label: intl.t("reminder.confidenceLabel"),
    value: goal.lastCheckIn?.confidence ?? "on_track",
    choices,
    isRequired: true,
    errorMessage: intl.t("checkIn.error.confidence"),
  };
}

function describeLastCheckIn(goal: CheckInGoalView, intl: CardIntl): string {
  if (!goal.lastCheckIn) return intl.t("reminder.noCheckIn");
  return intl.t("reminder.lastCheckIn", { day: formatDay(goal.lastCheckIn.at), confidence: formatConfidenceInline(intl, goal.lastCheckIn.confidence) });
}

function createGoalForm(goal: CheckInGoalView, intl: CardIntl): CardElement {
  const actions = createGoalFormActions(goal, { title: intl.t("reminder.checkIn"), verb: VERBS.submitCheckIn }, intl);
  const summary = intl.t("reminder.summary", {
    due: intl.formatCalendarDate(goal.dueDate),
    progress: intl.formatPercent(goal.progress),
    lastCheckIn: describeLastCheckIn(goal, intl),
  });
  return {
    ...createContainer([
      createText(goal.title, { weight: "Bolder", size: "Medium" }),
      createText(summary, { isSubtle: true, spacing: "None" }),
      ...goal.keyResults.map((keyResult) => createKeyResultInput(goal.goalId, keyResult, intl)),
      createConfidenceInput(goal, intl),
      {
        type: "Input.Text",
        id: checkInInputIds.note(goal.goalId),
        label: intl.t("reminder.noteLabel"),
        placeholder: intl.t("reminder.notePlaceholder"),
        isMultiline: true,
        maxLength: NOTE_MAX_LENGTH,
        errorMessage: intl.t("checkIn.error.noteLength", { max: NOTE_MAX_LENGTH }),
      },
      createActionSet(actions),
    ]),
    separator: true,
    spacing: "Large",
  };
}

export function buildReminderCard(input: ReminderCardInput, intl: CardIntl): AdaptiveCard {
  const { shown, moreCount } = limitItems(input.goals, REMINDER_MAX_GOALS);
  const body: CardElement[] = [
    createHeading(intl.t("reminder.heading")),
    createText(intl.t("reminder.intro", { name: input.personName })),
    ...shown.map((goal) => createGoalForm(goal, intl)),
  ];
  if (moreCount > 0) body.push(createText(intl.t("reminder.more", { count: moreCount }), { isSubtle: true }));
  return createCard(body, [createOpenUrlAction(intl.t("myGoals.open"), input.goalsUrl)]);
}
