import { describe, expect, it } from "vitest";
import { createGoalFormActions, createOpenGoalActions } from "./goal-actions.js";
import { createCardIntl } from "./i18n/card-intl.js";
import { SUBMIT_VERB_KEY, VERBS } from "./verbs.js";

const en = createCardIntl("en");
const goal = { goalId: "g-1", version: "v-7", goalUrl: "https://teams.example.test/l/entity/cascade/goals?goal=g-1" };

describe("goal actions", () => {
  it("sends the form with the goal's revision, then opens the goal", () => {
    const actions = createGoalFormActions(goal, { title: "Check in", verb: VERBS.submitCheckIn }, en);
    expect(actions).toEqual([
      {
        type: "Action.Execute",
        title: "Check in",
        verb: VERBS.submitCheckIn,
        data: { goalId: "g-1", version: "v-7" },
        associatedInputs: "auto",
        style: "positive",
        fallback: { type: "Action.Submit", title: "Check in", data: { goalId: "g-1", version: "v-7", [SUBMIT_VERB_KEY]: VERBS.submitCheckIn }, associatedInputs: "auto", style: "positive" },
      },
      { type: "Action.OpenUrl", title: "Open goal", url: goal.goalUrl },
    ]);
  });

  it("offers no link when the card has none", () => {
    expect(createGoalFormActions({ goalId: "g-1", version: "v-7", goalUrl: null }, { title: "Send", verb: VERBS.sendKudos }, en).map((action) => action.type)).toEqual(["Action.Execute"]);
    expect(createOpenGoalActions(undefined, en)).toEqual([]);
    expect(createOpenGoalActions("", en)).toEqual([]);
  });
});
