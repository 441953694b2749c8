import { describe, expect, it } from "vitest";
import { english } from "../../../test/support/tab-translator.js";
import { buildCycle } from "../../../test/support/tab-builders.js";
import { createEmptyForm } from "./goal-form.js";
import { hasErrors, mapProblemToFields, normaliseErrorPath, validateGoalForm } from "./form-errors.js";

describe("normaliseErrorPath", () => {
  it("accepts dotted, bracketed and pointer paths", () => {
    expect(normaliseErrorPath("title")).toBe("title");
    expect(normaliseErrorPath("keyResults.0.target")).toBe("keyResults.0.target");
    expect(normaliseErrorPath("keyResults[2].title")).toBe("keyResults.2.title");
    expect(normaliseErrorPath("/keyResults/1/unit")).toBe("keyResults.1.unit");
    expect(normaliseErrorPath("keyResults.3")).toBe("keyResults.3");
  });

  it("rejects paths that match no form field", () => {
    expect(normaliseErrorPath("status")).toBeNull();
    expect(normaliseErrorPath("keyResults.x.title")).toBeNull();
    expect(normaliseErrorPath("keyResults.0.colour")).toBeNull();
    expect(normaliseErrorPath("")).toBeNull();
  });
});

describe("mapProblemToFields", () => {
  it("puts field errors on fields and the rest in general errors", () => {
    const mapped = mapProblemToFields({
      title: "Invalid goal",
      status: 400,
      errors: [
        { path: "title", message: "Too short" },
        { path: "title", message: "Second message" },
        { path: "keyResults.0.target", message: "Must differ from start" },
        { path: "ownerId", message: "Not allowed" },
      ],
    });
    expect(mapped.fieldErrors).toEqual({ title: "Too short", "keyResults.0.target": "Must differ from start" });
    expect(mapped.generalErrors).toEqual(["Not allowed"]);
  });

  it("falls back to the problem's detail, then its title", () => {
    expect(mapProblemToFields({ title: "Conflict", status: 409, detail: "Finish the goal first." }).generalErrors).toEqual(["Finish the goal first."]);
    expect(mapProblemToFields({ title: "Conflict", status: 409 }).generalErrors).toEqual(["Conflict"]);
  });
});

describe("validateGoalForm", () => {
  it("asks for a title, result titles and numbers", () => {
    const form = createEmptyForm(buildCycle());
    form.keyResults = [{ ...form.keyResults[0]!, start: "", current: "abc" }];
    const errors = validateGoalForm(form, english);
    expect(Object.keys(errors).sort()).toEqual(["keyResults.0.current", "keyResults.0.start", "keyResults.0.target", "keyResults.0.title", "title"]);
  });

  it("accepts a complete form and checks the weight", () => {
    const form = { ...createEmptyForm(buildCycle()), title: "Win the Nordics" };
    form.keyResults = [{ ...form.keyResults[0]!, title: "Deals", target: "5" }];
    expect(hasErrors(validateGoalForm(form, english))).toBe(false);
    expect(validateGoalForm({ ...form, weight: "0" }, english)).toEqual({});
    expect(validateGoalForm({ ...form, weight: "-1" }, english)).toEqual({ weight: "Enter a number from 0 to 100." });
    expect(validateGoalForm({ ...form, weight: "101" }, english)).toEqual({ weight: "Enter a number from 0 to 100." });
  });

  it("needs no numbers for a milestone", () => {
    const form = { ...createEmptyForm(buildCycle()), title: "Launch" };
    form.keyResults = [{ ...form.keyResults[0]!, kind: "milestone" as const, title: "Launched", start: "", target: "" }];
    expect(validateGoalForm(form, english)).toEqual({});
  });
});
