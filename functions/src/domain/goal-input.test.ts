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
    { title: "Users", kind: "number" as const, start: 0, target: 100 },
    { title: "Launch", kind: "milestone" as const },
  ],
};

describe("goal input", () => {
  test("fills defaults and gives key results ids", () => {
    const draft = buildDraft(input, ids);
    expect(draft.title).toBe("Ship the thing");
    expect(draft.visibility).toBe("public");
    expect(draft.weight).toBe(1);
    expect(draft.keyResults[0]).toMatchObject({ kind: "number", current: 0 });
    expect(draft.keyResults.every((kr) => kr.id.startsWith("id-"))).toBe(true);
  });

  test("a patch keeps key-result identity and progress when values are left out", () => {
    const draft = buildDraft(input, ids);
    const withProgress = { ...draft, keyResults: draft.keyResults.map((kr) => (kr.kind === "number" ? { ...kr, current: 40 } : kr)) };
    const [users] = withProgress.keyResults;
    const patched = applyPatch(withProgress, { keyResults: [{ id: users!.id, title: "Active users", kind: "number", start: 0, target: 120 }] }, ids);
    expect(patched.keyResults).toEqual([{ id: users!.id, title: "Active users", kind: "number", start: 0, target: 120, current: 40 }]);
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

  test("material changes are title, targets, parent and due date", () => {
    const draft = buildDraft({ ...input, dueDate: "2027-03-01" }, ids);
    const snapshot = takeSnapshot(draft);
    expect(isMaterialChange(snapshot, { ...draft, keyResults: draft.keyResults.map((kr) => (kr.kind === "number" ? { ...kr, current: 99 } : kr)) })).toBe(false);
    expect(isMaterialChange(snapshot, { ...draft, dueDate: "2027-03-02" })).toBe(true);
    const diff = diffFromSnapshot(snapshot, { ...draft, title: "New title" });
    expect(diff).toEqual({ title: { from: "Ship the thing", to: "New title" } });
  });
});
