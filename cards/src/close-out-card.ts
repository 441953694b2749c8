/** The close-out card: at the end of a cycle, a small form per goal (score prefilled from progress,
 * how it ended, a reflection), and the receipt that replaces a form once it is sent. */
import type { AdaptiveCard, CardElement } from "./card-json.js";
import { CLOSE_OUT_OUTCOMES, closeOutInputIds, REFLECTION_MAX_LENGTH } from "./close-out-inputs.js";
import { createActionSet, createCard, createContainer, createFacts, createHeading, createOpenUrlAction, createSectionTitle, createText, limitItems } from "./elements.js";
import { createGoalFormActions, createOpenGoalActions } from "./goal-actions.js";
import type { CardIntl } from "./i18n/card-intl.js";
import type { CloseOutGoalView, CloseOutOutcome } from "./types.js";
import { VERBS } from "./verbs.js";

/** Enough to act on in one sitting without the card hitting Teams' size limit. */
export const CLOSE_OUT_MAX_GOALS = 5;

export interface CloseOutCardInput {
  personName: string;
  cycleName: string;
  goals: CloseOutGoalView[];
  /** Deep link to the person's goals in the tab. */
  goalsUrl: string;
}

export interface CloseOutDoneCardInput {
  goalTitle: string;
  cycleName: string;
  score: number;
  outcome: CloseOutOutcome;
  reflection: string;
  goalUrl?: string | null;
}

const OUTCOME_MESSAGES = { achieved: "closeOut.outcome.achieved", partly: "closeOut.outcome.partly", missed: "closeOut.outcome.missed" } as const;

export function formatOutcome(intl: CardIntl, outcome: CloseOutOutcome): string {
  return intl.t(OUTCOME_MESSAGES[outcome]);
}

function createGoalForm(goal: CloseOutGoalView, intl: CardIntl): CardElement {
  const actions = createGoalFormActions(goal, { title: intl.t("closeOut.submit"), verb: VERBS.submitCloseOut }, intl);
  const previous = goal.closeOut;
  return {
    ...createContainer([
      createText(goal.title, { weight: "Bolder", size: "Medium" }),
      createText(intl.t("closeOut.summary", { progress: intl.formatPercent(goal.progress) }), { isSubtle: true, spacing: "None" }),
      {
        type: "Input.Number",
        id: closeOutInputIds.score(goal.goalId),
        label: intl.t("closeOut.scoreLabel"),
        min: 0,
        max: 100,
        value: previous?.score ?? goal.suggestedScore,
        isRequired: true,
        errorMessage: intl.t("closeOut.error.score"),
      },
      {
        type: "Input.ChoiceSet",
        id: closeOutInputIds.outcome(goal.goalId),
        label: intl.t("closeOut.outcomeLabel"),
        style: "expanded",
        choices: CLOSE_OUT_OUTCOMES.map((value) => ({ title: formatOutcome(intl, value), value })),
        ...(previous ? { value: previous.outcome } : {}),
        isRequired: true,
        errorMessage: intl.t("closeOut.error.outcome"),
      },
      {
        type: "Input.Text",
        id: closeOutInputIds.reflection(goal.goalId),
        label: intl.t("closeOut.reflectionLabel"),
        placeholder: intl.t("closeOut.reflectionPlaceholder"),
        isMultiline: true,
        maxLength: REFLECTION_MAX_LENGTH,
        ...(previous ? { value: previous.reflection } : {}),
        isRequired: true,
        errorMessage: intl.t("closeOut.error.reflection", { max: REFLECTION_MAX_LENGTH }),
      },
      createActionSet(actions),
    ]),
    separator: true,
    spacing: "Large",
  };
}

export function buildCloseOutCard(input: CloseOutCardInput, intl: CardIntl): AdaptiveCard {
  const { shown, moreCount } = limitItems(input.goals, CLOSE_OUT_MAX_GOALS);
  const body: CardElement[] = [
    createHeading(intl.t("closeOut.heading", { cycle: input.cycleName })),
    createText(intl.t("closeOut.intro", { name: input.personName, cycle: input.cycleName })),
    ...shown.map((goal) => createGoalForm(goal, intl)),
  ];
  if (moreCount > 0) body.push(createText(intl.t("closeOut.more", { count: moreCount }), { isSubtle: true }));
  return createCard(body, [createOpenUrlAction(intl.t("myGoals.open"), input.goalsUrl)]);
}

export function buildCloseOutDoneCard(input: CloseOutDoneCardInput, intl: CardIntl): AdaptiveCard {
  const body: CardElement[] = [
    createContainer([createHeading(intl.t("closeOut.doneHeading", { cycle: input.cycleName }))], input.outcome === "achieved" ? "good" : input.outcome === "partly" ? "warning" : "attention"),
    createText(input.goalTitle, { size: "Large", weight: "Bolder" }),
    createFacts([
      [intl.t("closeOut.scoreFact"), intl.formatPercent(input.score / 100)],
      [intl.t("closeOut.outcomeLabel"), formatOutcome(intl, input.outcome)],
    ]),
    createSectionTitle(intl.t("closeOut.reflectionLabel")),
    createText(input.reflection),
  ];
  return createCard(body, createOpenGoalActions(input.goalUrl, intl));
}
