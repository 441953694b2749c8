import { describe, expect, it } from "vitest";
import { checkInInputIds, parseCheckInInputs } from "./check-in-inputs.js";
import { buildReminderCard } from "./reminder-card.js";
import { buildCheckInGoalView, collectInitialInputValues, findByType } from "../../test/support/card-test-data.js";
import { VERBS } from "./verbs.js";
import { createCardIntl } from "./i18n/card-intl.js";

const en = createCardIntl("en");

describe("reminder card and parseCheckInInputs", () => {
  const first = buildCheckInGoalView({ goalId: "g-1", version: "v-1" });
  const second = buildCheckInGoalView({
    goalId: "g-2",
    version: "v-2",
    lastCheckIn: null,
    keyResults: [{ id: "kr-9", title: "Signed contracts", kind: "increase", start: 0, target: 10, current: 3, unit: null }],
  });
  const card = buildReminderCard({ personName: "Ana", goals: [first, second], goalsUrl: "https://teams.example.test/me" }, en);
  const submitted = collectInitialInputValues(card);

  it("gives every input a unique id scoped to its goal", () => {
    const ids = Object.keys(submitted);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([
      "g-1.kr.kr-1.current",
      "g-1.kr.kr-2.done",
      "g-1.confidence",
      "g-1.note",
      "g-2.kr.kr-9.current",
      "g-2.confidence",
      "g-2.note",
    ]);
  });

  it("puts one check-in action per goal, carrying the goal and its version", () => {
    const actions = findByType(card.body, "Action.Execute");
    expect(actions.map((action) => [action.verb, action.data])).toEqual([
      [VERBS.submitCheckIn, { goalId: "g-1", version: "v-1" }],
      [VERBS.submitCheckIn, { goalId: "g-2", version: "v-2" }],
    ]);
  });

  it("turns what the card submits back into the check-in body, one goal at a time", () => {
    // Teams submits every input of the card as a string, merged with the action's data.
    const data = { ...submitted, goalId: "g-1", version: "v-1", [checkInInputIds.note("g-1")]: " Installer slipped. " };
    expect(parseCheckInInputs("g-1", data, en)).toEqual({
      ok: true,
      value: {
        keyResults: [
          { id: "kr-1", current: 12 },
          { id: "kr-2", done: true },
        ],
        confidence: "at_risk",
        note: "Installer slipped.",
      },
    });
    expect(parseCheckInInputs("g-2", { ...submitted, goalId: "g-2" }, en)).toEqual({
      ok: true,
      value: { keyResults: [{ id: "kr-9", current: 3 }], confidence: "on_track", note: "" },
    });
  });

  it("accepts native numbers and booleans from hosts that send them", () => {
    const data = { "g-1.kr.a.current": -2.5, "g-1.kr.b.done": false, "g-1.confidence": "off_track" };
    expect(parseCheckInInputs("g-1", data, en)).toEqual({
      ok: true,
      value: { keyResults: [{ id: "a", current: -2.5 }, { id: "b", done: false }], confidence: "off_track", note: "" },
    });
  });

  it("reports each bad value with the input and key result it belongs to", () => {
    const data = {
      "g-1.kr.kr-1.current": "twelve",
      "g-1.kr.kr-3.current": "",
      "g-1.kr.kr-4.current": "1e999",
      "g-1.kr.kr-2.done": "maybe",
      "g-1.confidence": "great",
      "g-1.note": "x".repeat(1001),
    };
    const result = parseCheckInInputs("g-1", data, en);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((error) => [error.inputId, error.keyResultId])).toEqual([
      ["g-1.kr.kr-1.current", "kr-1"],
      ["g-1.kr.kr-3.current", "kr-3"],
      ["g-1.kr.kr-4.current", "kr-4"],
      ["g-1.kr.kr-2.done", "kr-2"],
      ["g-1.confidence", null],
      ["g-1.note", null],
    ]);
    for (const error of result.errors) expect(error.message).not.toBe("");
  });

  it("requires a confidence and ignores inputs of other goals", () => {
    const result = parseCheckInInputs("g-1", { "g-2.confidence": "on_track", "g-2.kr.x.current": "bad" }, en);
    expect(result).toEqual({
      ok: false,
      errors: [{ inputId: "g-1.confidence", keyResultId: null, message: expect.any(String) }],
    });
  });
});
