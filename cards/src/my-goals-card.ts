/** Reply to the "my goals" command: the person's goals in the current period. */
import type { AdaptiveCard, CardElement } from "./card-json.js";
import { createCard, createHeading, createOpenUrlAction, createText, limitItems } from "./elements.js";
import { CONFIDENCE_LABELS, formatDate, formatLink, formatPercent, STATUS_LABELS } from "./format.js";
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

function createGoalRow(goal: MyGoalsItem): CardElement {
  const details = [STATUS_LABELS[goal.status], `due ${formatDate(goal.dueDate)}`];
  if (goal.confidence) details.push(CONFIDENCE_LABELS[goal.confidence].toLowerCase());
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
      { type: "Column", width: "auto", items: [createText(formatPercent(goal.progress), { weight: "Bolder" })] },
    ],
  };
}

export function buildMyGoalsCard(input: MyGoalsCardInput): AdaptiveCard {
  if (input.goals.length === 0) {
    return createCard(
      [createHeading(`Your goals: ${input.cycleName}`), createText("You have no goals in this period yet.")],
      [createOpenUrlAction("Write a goal", input.goalsUrl)],
    );
  }
  const { shown, moreCount } = limitItems(input.goals, MY_GOALS_MAX_ITEMS);
  const body: CardElement[] = [createHeading(`Your goals: ${input.cycleName}`), ...shown.map(createGoalRow)];
  if (moreCount > 0) body.push(createText(`And ${moreCount} more in Cascade.`, { isSubtle: true }));
  return createCard(body, [createOpenUrlAction("Open my goals", input.goalsUrl)]);
}
