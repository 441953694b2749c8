/** The close-out card: at the end of a cycle, a small form per goal (score prefilled from progress,
 * how it ended, a reflection), and the receipt that replaces a form once it is sent. An unfinished
 * goal offers to go on in the next cycle. The card refreshes for its owner, so an old copy opened
 * later shows what is done and what is left. */
import type { AdaptiveCard, CardAction, CardElement, CardRefresh } from "./card-json.js";
import { CLOSE_OUT_OUTCOMES, closeOutInputIds, REFLECTION_MAX_LENGTH } from "./close-out-inputs.js";
import { createActionSet, createCard, createContainer, createExecuteAction, createFacts, createHeading, createOpenUrlAction, createSectionTitle, createShowCardAction, createText, limitItems } from "./elements.js";
import { createOpenGoalActions } from "./goal-actions.js";
import type { CardIntl } from "./i18n/card-intl.js";
import type { CloseOutCarryOver, CloseOutGoalView, CloseOutOutcome } from "./types.js";
import { VERBS } from "./verbs.js";

/** Enough to act on in one sitting without the card hitting Teams' size limit. */
export const CLOSE_OUT_MAX_GOALS = 5;

export interface CloseOutCardInput {
  personName: string;
  cycleName: string;
  goals: CloseOutGoalView[];
  /** Deep link to the person's goals in the tab. */
  goalsUrl: string;
  /** Goals of this card already closed out: their receipts come first. */
  done?: CloseOutDoneCardInput[];
  /** Set for the owner's chat: their Teams asks the bot for the card's current state when they open it. */
  refresh?: { cycleId: string; ownerUserId: string };
}

export interface CloseOutDoneCardInput {
  goalTitle: string;
  cycleName: string;
  score: number;
  outcome: CloseOutOutcome;
  reflection: string;
  goalUrl?: string | null;
  /** With `carryOver`: the goal the carry-over action takes on. */
  goalId?: string;
  carryOver?: CloseOutCarryOver | null;
}

/** The card's goals travel with its actions, so that the answer to any of them shows the same goals. */
type CardGoalIds = readonly string[];

const OUTCOME_MESSAGES = { achieved: "closeOut.outcome.achieved", partly: "closeOut.outcome.partly", missed: "closeOut.outcome.missed" } as const;

export function formatOutcome(intl: CardIntl, outcome: CloseOutOutcome): string {
  return intl.t(OUTCOME_MESSAGES[outcome]);
}

function createCarryOverAction(goalId: string, carryOver: CloseOutCarryOver, goalIds: CardGoalIds, intl: CardIntl): CardAction {
  return createExecuteAction({ title: intl.t("closeOut.carryOver", { cycle: carryOver.cycleName }), verb: VERBS.carryOver, data: { goalId, cycleId: carryOver.cycleId, goalIds: [...goalIds] }, hasInputs: false });
}

/** "Carried over to …" once the goal goes on in the next cycle. */
function createCarriedNote(carryOver: CloseOutCarryOver | null | undefined, intl: CardIntl): CardElement[] {
  return carryOver?.isCarried ? [createText(intl.t("closeOut.carried", { cycle: carryOver.cycleName }), { isSubtle: true })] : [];
}

function createGoalInputs(goal: CloseOutGoalView, intl: CardIntl): CardElement[] {
  const previous = goal.closeOut;
  return [
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
  ];
}

/** One goal's form. A button with inputs checks and sends every input of its card and of the cards
 * around it, so with several goals each form opens on its own (Action.ShowCard): sending one goal's
 * close-out then never asks for the others' required fields. A card with one goal shows it open. */
function createGoalForm(goal: CloseOutGoalView, goalIds: CardGoalIds, isFolded: boolean, intl: CardIntl): CardElement {
  const submitData = { goalId: goal.goalId, version: goal.version, goalIds: [...goalIds] };
  const submitTitle = intl.t(isFolded ? "closeOut.save" : "closeOut.submit");
  const submit = createExecuteAction({ title: submitTitle, verb: VERBS.submitCloseOut, data: submitData, style: "positive", hasInputs: true });
  const inputs = createGoalInputs(goal, intl);
  const actions: CardAction[] = [isFolded ? createShowCardAction(intl.t("closeOut.submit"), inputs, [submit]) : submit];
  if (goal.carryOver && !goal.carryOver.isCarried) actions.push(createCarryOverAction(goal.goalId, goal.carryOver, goalIds, intl));
  actions.push(...createOpenGoalActions(goal.goalUrl, intl));
  return {
    ...createContainer([
      createText(goal.title, { weight: "Bolder", size: "Medium" }),
      createText(intl.t("closeOut.summary", { progress: intl.formatPercent(goal.progress) }), { isSubtle: true, spacing: "None" }),
      ...(isFolded ? [] : inputs),
      ...createCarriedNote(goal.carryOver, intl),
      createActionSet(actions),
    ]),
    separator: true,
    spacing: "Large",
  };
}

function createRefresh(refresh: NonNullable<CloseOutCardInput["refresh"]>, goalIds: CardGoalIds): CardRefresh {
  return { action: { type: "Action.Execute", verb: VERBS.refreshCloseOut, data: { cycleId: refresh.cycleId, goalIds: [...goalIds] } }, userIds: [refresh.ownerUserId] };
}

function createDoneSection(input: CloseOutDoneCardInput, goalIds: CardGoalIds, intl: CardIntl): CardElement[] {
  const actions: CardAction[] = [];
  if (input.goalId && input.carryOver && !input.carryOver.isCarried) actions.push(createCarryOverAction(input.goalId, input.carryOver, goalIds, intl));
  actions.push(...createOpenGoalActions(input.goalUrl, intl));
  return [
    createContainer([createHeading(intl.t("closeOut.doneHeading", { cycle: input.cycleName }))], input.outcome === "achieved" ? "good" : input.outcome === "partly" ? "warning" : "attention"),
    createText(input.goalTitle, { size: "Large", weight: "Bolder" }),
    createFacts([
      [intl.t("closeOut.scoreFact"), intl.formatPercent(input.score / 100)],
      [intl.t("closeOut.outcomeLabel"), formatOutcome(intl, input.outcome)],
    ]),
    createSectionTitle(intl.t("closeOut.reflectionLabel")),
    createText(input.reflection),
    ...createCarriedNote(input.carryOver, intl),
    ...(actions.length > 0 ? [createActionSet(actions)] : []),
  ];
}

/** The owner's card: receipts of the goals already closed out, then the forms of those still to do. */
export function buildCloseOutCard(input: CloseOutCardInput, intl: CardIntl): AdaptiveCard {
  const { shown, moreCount } = limitItems(input.goals, CLOSE_OUT_MAX_GOALS);
  const done = input.done ?? [];
  const goalIds = [...done.flatMap((d) => (d.goalId ? [d.goalId] : [])), ...shown.map((g) => g.goalId)];
  const body: CardElement[] = done.map((receipt, index) => ({ ...createContainer(createDoneSection(receipt, goalIds, intl)), ...(index > 0 ? { separator: true, spacing: "Large" } : {}) }));
  if (shown.length > 0) {
    const heading = createHeading(intl.t("closeOut.heading", { cycle: input.cycleName }));
    // Below receipts, a line sets the goals still to close out apart.
    body.push(done.length > 0 ? { ...heading, separator: true, spacing: "ExtraLarge" } : heading, createText(intl.t("closeOut.intro", { name: input.personName, cycle: input.cycleName })));
    body.push(...shown.map((goal) => createGoalForm(goal, goalIds, shown.length > 1, intl)));
  }
  if (moreCount > 0) body.push(createText(intl.t("closeOut.more", { count: moreCount }), { isSubtle: true }));
  return createCard(body, [createOpenUrlAction(intl.t("myGoals.open"), input.goalsUrl)], input.refresh ? createRefresh(input.refresh, goalIds) : undefined);
}

export function buildCloseOutDoneCard(input: CloseOutDoneCardInput, intl: CardIntl): AdaptiveCard {
  return createCard(createDoneSection({ ...input, carryOver: null }, [], intl), []);
}
