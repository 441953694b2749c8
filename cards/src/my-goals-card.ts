/** Reply to the "my goals" command: the person's goals in the current period. */
import type { AdaptiveCard, CardElement } from "./card-json.js";
import { createCard, createHeading, createOpenUrlAction, createText, limitItems } from "./elements.js";
import { formatConfidenceInline, formatLink, formatStatus } from "./format.js";
import type { CardIntl } from "./i18n/card-intl.js";
import type { Confidence, GoalStatus } from "./types.js";

export const MY_GOALS_MAX_ITEMS = 15;

export interface MyGoalsItem {
  title: string;
  status: GoalStatus;
  /** 0–1. */
  progress: number;
  dueDate: string | null;
  /** Latest check-in confidence, null before the first check-in. */
  confidence: Confidence | null;
  goalUrl: string;
}

export interface MyGoalsCardInput {
  cycleName: string;
  goals: MyGoalsItem[];
  /** Deep link to the person's goals in the tab (also where a new goal is written). */
  goalsUrl: string;
}

function createGoalRow(goal: MyGoalsItem, intl: CardIntl): CardElement {
  const details = [formatStatus(intl, goal.status), intl.t("myGoals.due", { date: intl.formatCalendarDate(goal.dueDate) })];
  if (goal.confidence) details.push(formatConfidenceInline(intl, goal.confidence));
  return {
    type: "ColumnSet",
    separator: true,
    columns: [
      {
        type: "Column",
        width: "stretch",
        items: [
          createText(formatLink(goal.title, goal.goalUrl), { weight: "Bolder" }),
          createText(details.join(" · "), { isSubtle: true, spacing: "None" }),
        ],
      },
      { type: "Column", width: "auto", items: [createText(intl.formatPercent(goal.progress), { weight: "Bolder" })] },
    ],
  };
}

export function buildMyGoalsCard(input: MyGoalsCardInput, intl: CardIntl): AdaptiveCard {
  const heading = createHeading(intl.t("myGoals.heading", { cycle: input.cycleName }));
  if (input.goals.length === 0) {
    return createCard([heading, createText(intl.t("myGoals.empty"))], [createOpenUrlAction(intl.t("myGoals.write"), input.goalsUrl)]);
  }
  const { shown, moreCount } = limitItems(input.goals, MY_GOALS_MAX_ITEMS);
  const body: CardElement[] = [heading, ...shown.map((goal) => createGoalRow(goal, intl))];
  if (moreCount > 0) body.push(createText(intl.t("common.moreInCascade", { count: moreCount }), { isSubtle: true }));
  return createCard(body, [createOpenUrlAction(intl.t("myGoals.open"), input.goalsUrl)]);
}
