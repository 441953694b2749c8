import { describe, expect, it } from "vitest";
import { buildCycle } from "../../../test/support/tab-builders.js";
import { createEmptyForm, MAX_KEY_RESULTS } from "./goal-form.js";
import { addKeyResult, clearFieldErrors, pickFieldFeedback, removeKeyResult, updateKeyResult } from "./goal-form-edits.js";

describe("goal form edits", () => {
  it("adds key results up to five and never removes the last one", () => {
    let form = createEmptyForm(buildCycle());
    for (let index = 0; index < 10; index += 1) form = addKeyResult(form, "milestone");
    expect(form.keyResults).toHaveLength(MAX_KEY_RESULTS);
    for (let index = 0; index < 10; index += 1) form = removeKeyResult(form, 0);
    expect(form.keyResults).toHaveLength(1);
  });

  it("updates one key result and leaves the others alone", () => {
    const form = addKeyResult(createEmptyForm(buildCycle()));
    const next = updateKeyResult(form, 1, { title: "Second" });
    expect(next.keyResults[1]?.title).toBe("Second");
    expect(next.keyResults[0]).toBe(form.keyResults[0]);
  });

  it("clears errors of the edited field and of everything under it", () => {
    const errors = { title: "a", "keyResults.0.target": "b", "keyResults.1.title": "c", keyResultsExtra: "d" };
    expect(clearFieldErrors(errors, ["keyResults"])).toEqual({ title: "a", keyResultsExtra: "d" });
    expect(clearFieldErrors(errors, ["keyResults.0.target"])).toEqual({ title: "a", "keyResults.1.title": "c", keyResultsExtra: "d" });
    expect(clearFieldErrors(errors, ["description"])).toBe(errors);
  });

  it("shows an error first, and a SMART hint only once the field was touched", () => {
    expect(pickFieldFeedback("Too short", "Be specific", false)).toEqual({ validationState: "error", validationMessage: "Too short" });
    expect(pickFieldFeedback(undefined, "Be specific", false)).toEqual({});
    expect(pickFieldFeedback(undefined, "Be specific", true)).toEqual({ validationState: "warning", validationMessage: "Be specific" });
    expect(pickFieldFeedback(undefined, undefined, true)).toEqual({});
  });
});
