import { describe, expect, it } from "vitest";
import { buildCycle, buildGoal } from "../../../test/support/tab-builders.js";
import { buildGoalPatch, createEmptyForm, createKeyResultForm, formFromGoal, parseNumber, toGoalInput, toSmartDraft } from "./goal-form.js";

describe("goal form", () => {
  it("starts a new goal due at the end of the cycle with one number result", () => {
    const form = createEmptyForm(buildCycle({ endDate: "2027-09-30" }));
    expect(form).toMatchObject({ dueDate: "2027-09-30", visibility: "public", parentId: null, weight: "1" });
    expect(form.keyResults).toHaveLength(1);
    expect(form.keyResults[0]).toMatchObject({ kind: "increase", start: "0", target: "", unitKind: "text" });
  });

  it("gives every new key result its own key", () => {
    expect(createKeyResultForm().key).not.toBe(createKeyResultForm().key);
  });

  it("parses empty text as a missing number, not zero", () => {
    expect(parseNumber("")).toBeNaN();
    expect(parseNumber(" 12.5 ")).toBe(12.5);
    expect(parseNumber("-3")).toBe(-3);
  });

  it("round-trips a goal through the form without changes", () => {
    const goal = buildGoal({
      keyResults: [
        { id: "kr-1", title: "Closed deals", kind: "increase", start: 0, target: 5, current: 2, unitKind: "text", unit: "deals" },
        { id: "kr-2", title: "Partner signed", kind: "milestone", done: true },
      ],
    });
    expect(buildGoalPatch(goal, formFromGoal(goal))).toEqual({});
  });

  it("builds the create body, trimming text and keeping unit only when set", () => {
    const form = { ...createEmptyForm(buildCycle()), title: "  Win the Nordics  ", parentId: "g-parent" };
    form.keyResults = [{ ...form.keyResults[0]!, title: "Deals", target: "5" }];
    const input = toGoalInput(form, "c-q3");
    expect(input).toEqual({
      cycleId: "c-q3",
      title: "Win the Nordics",
      description: "",
      dueDate: "2027-09-30",
      visibility: "public",
      parentId: "g-parent",
      weight: 1,
      keyResults: [{ title: "Deals", kind: "increase", start: 0, target: 5, current: 0, unitKind: "text" }],
    });
  });

  it("sends the unit fields that go with the chosen unit kind", () => {
    const form = createEmptyForm(buildCycle());
    const base = { ...form.keyResults[0]!, title: "Cost", kind: "keep_below" as const, start: "900", target: "800", unit: "left over", currency: "eur" };
    form.keyResults = [{ ...base, unitKind: "currency" }, { ...base, unitKind: "percent" }];
    expect(toGoalInput(form, "c").keyResults).toEqual([
      { title: "Cost", kind: "keep_below", start: 900, target: 800, current: 0, unitKind: "currency", currency: "EUR" },
      { title: "Cost", kind: "keep_below", start: 900, target: 800, current: 0, unitKind: "percent" },
    ]);
  });

  it("sends isTopLevel only for a top-level goal, and then no parent", () => {
    const form = { ...createEmptyForm(buildCycle()), parentId: "g-parent", isTopLevel: true };
    expect(toGoalInput(form, "c")).toMatchObject({ parentId: null, isTopLevel: true });
    expect(toGoalInput({ ...form, isTopLevel: false }, "c")).not.toHaveProperty("isTopLevel");
  });

  it("patches only changed fields and keeps key result ids", () => {
    const goal = buildGoal();
    const form = formFromGoal(goal);
    form.title = "Close six deals in the Nordics";
    form.keyResults = [{ ...form.keyResults[0]!, target: "6" }];
    expect(buildGoalPatch(goal, form)).toEqual({
      title: "Close six deals in the Nordics",
      keyResults: [{ id: "kr-1", title: "Closed deals", kind: "increase", start: 0, target: 6, current: 2, unitKind: "text", unit: "deals" }],
    });
  });

  it("sends a new key result without an id next to the kept ones", () => {
    const goal = buildGoal();
    const form = formFromGoal(goal);
    form.keyResults = [...form.keyResults, { ...createKeyResultForm("milestone"), title: "Launch event held" }];
    expect(buildGoalPatch(goal, form).keyResults).toEqual([
      expect.objectContaining({ id: "kr-1" }),
      { title: "Launch event held", kind: "milestone", done: false },
    ]);
  });

  it("feeds the SMART check with parsed numbers", () => {
    const form = createEmptyForm(buildCycle());
    form.keyResults = [{ ...form.keyResults[0]!, title: "Deals", start: "0", target: "5" }];
    const draft = toSmartDraft(form);
    expect(draft.keyResults[0]).toMatchObject({ kind: "increase", start: 0, target: 5 });
    expect(draft.dueDate).toBe("2027-09-30");
  });
});
