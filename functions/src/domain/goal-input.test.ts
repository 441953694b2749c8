import { describe, expect, test } from "vitest";
import { AppError } from "./errors.js";
import { applyPatch, buildDraft } from "./goal-input.js";
import { diffFromSnapshot, isMaterialChange, takeSnapshot } from "./goal-changes.js";

let counter = 0;
const ids = { newId: () => `id-${++counter}` };

const input = {
  cycleId: "c1",
  title: "  Ship the thing  ",
  keyResults: [
    { title: "Users", kind: "increase" as const, start: 0, target: 100 },
    { title: "Launch", kind: "milestone" as const },
  ],
};

describe("goal input", () => {
  test("fills defaults and gives key results ids", () => {
    const draft = buildDraft(input, ids);
    expect(draft.title).toBe("Ship the thing");
    expect(draft.visibility).toBe("public");
    expect(draft.weight).toBe(1);
    expect(draft.keyResults[0]).toMatchObject({ kind: "increase", current: 0, unitKind: "text" });
    expect(draft.keyResults.every((kr) => kr.id.startsWith("id-"))).toBe(true);
  });

  test("a patch keeps key-result identity and progress when values are left out", () => {
    const draft = buildDraft(input, ids);
    const withProgress = { ...draft, keyResults: draft.keyResults.map((kr) => (kr.kind === "milestone" ? kr : { ...kr, current: 40 })) };
    const [users] = withProgress.keyResults;
    const patched = applyPatch(withProgress, { keyResults: [{ id: users!.id, title: "Active users", kind: "increase", start: 0, target: 120 }] }, ids);
    expect(patched.keyResults).toEqual([{ id: users!.id, title: "Active users", kind: "increase", start: 0, target: 120, current: 40, unitKind: "text" }]);
  });

  test("an unknown or repeated key-result id is a field error", () => {
    const draft = buildDraft(input, ids);
    const id = draft.keyResults[0]!.id;
    try {
      applyPatch(draft, { keyResults: [{ id: "nope", title: "x", kind: "milestone" }, { id, title: "a", kind: "milestone" }, { id, title: "b", kind: "milestone" }] }, ids);
      expect.unreachable();
    } catch (error) {
      expect((error as AppError).details.errors?.map((e) => e.path)).toEqual(["keyResults.0.id", "keyResults.2.id"]);
    }
  });

  test("a target on the wrong side of the start, or money without a currency, names the field", () => {
    const bad = [
      { title: "Up", kind: "increase" as const, start: 10, target: 5 },
      { title: "Down", kind: "decrease" as const, start: 5, target: 10 },
      { title: "Money", kind: "keep_above" as const, start: 0, target: 10, unitKind: "currency" as const },
      { title: "Held", kind: "keep_below" as const, start: 0, target: 10, currency: "EUR", unitKind: "percent" as const },
    ];
    try {
      buildDraft({ ...input, keyResults: bad }, ids);
      expect.unreachable();
    } catch (error) {
      expect((error as AppError).details.errors?.map((e) => e.path)).toEqual(["keyResults.0.target", "keyResults.1.target", "keyResults.2.currency", "keyResults.3.currency"]);
    }
  });

  test("units: a text label, a percentage, or a currency with its code", () => {
    const draft = buildDraft({ ...input, keyResults: [
      { title: "Deals", kind: "increase", start: 0, target: 5, unit: " deals " },
      { title: "Share", kind: "keep_above", start: 40, target: 50, unitKind: "percent", unit: "ignored" },
      { title: "Cost", kind: "decrease", start: 900, target: 600, currency: "EUR" },
    ] }, ids);
    expect(draft.keyResults.map((kr) => (kr.kind === "milestone" ? null : [kr.unitKind, kr.unit, kr.currency]))).toEqual([["text", "deals", undefined], ["percent", undefined, undefined], ["currency", undefined, "EUR"]]);
  });

  test("changing a key result's kind is a material change", () => {
    const draft = buildDraft(input, ids);
    const snapshot = takeSnapshot(draft);
    expect(isMaterialChange(snapshot, { ...draft, keyResults: draft.keyResults.map((kr) => (kr.kind === "increase" ? { ...kr, kind: "keep_above" as const } : kr)) })).toBe(true);
  });

  test("material changes are title, targets, parent and due date", () => {
    const draft = buildDraft({ ...input, dueDate: "2027-03-01" }, ids);
    const snapshot = takeSnapshot(draft);
    expect(isMaterialChange(snapshot, { ...draft, keyResults: draft.keyResults.map((kr) => (kr.kind === "milestone" ? kr : { ...kr, current: 99 })) })).toBe(false);
    expect(isMaterialChange(snapshot, { ...draft, dueDate: "2027-03-02" })).toBe(true);
    const diff = diffFromSnapshot(snapshot, { ...draft, title: "New title" });
    expect(diff).toEqual({ title: { from: "Ship the thing", to: "New title" } });
  });
});
