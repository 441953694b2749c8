import { describe, expect, test } from "vitest";
import { carryDueDate, carryKeyResults, isCloseOutOpen, isUnfinished, suggestScore } from "./close-out.js";
import type { KeyResult } from "./types.js";

let next = 0;
const ids = { newId: () => `kr-${++next}` };

describe("close-out rules", () => {
  test("close-out opens after the cycle's last day, or when an admin opened it", () => {
    expect(isCloseOutOpen({ endDate: "2027-03-31" }, "2027-03-31")).toBe(false);
    expect(isCloseOutOpen({ endDate: "2027-03-31" }, "2027-04-01")).toBe(true);
    expect(isCloseOutOpen({ endDate: "2027-03-31", closeOutOpenedAt: "2027-03-20T09:00:00Z" }, "2027-03-21")).toBe(true);
  });

  test("the suggested score is progress in whole percent", () => {
    expect(suggestScore({ keyResults: [{ id: "a", title: "A", kind: "increase", start: 0, target: 3, current: 1, unitKind: "text" }] })).toBe(33);
    expect(suggestScore({ keyResults: [] })).toBe(0);
  });

  test("achieved, completed and cancelled goals are finished; missed and active ones are not", () => {
    expect(isUnfinished({ status: "active" })).toBe(true);
    expect(isUnfinished({ status: "missed" })).toBe(true);
    expect(isUnfinished({ status: "active", closeOut: { score: 90, outcome: "achieved", reflection: "", at: "", comments: [] } })).toBe(false);
    expect(isUnfinished({ status: "completed" })).toBe(false);
    expect(isUnfinished({ status: "cancelled" })).toBe(false);
  });

  test("key results start where they ended, never past their target; thresholds stay; open milestones come along undone", () => {
    const keyResults: KeyResult[] = [
      { id: "1", title: "Up", kind: "increase", start: 0, target: 10, current: 4, unitKind: "text" },
      { id: "2", title: "Up, overshot", kind: "increase", start: 0, target: 10, current: 12, unitKind: "text" },
      { id: "3", title: "Down", kind: "decrease", start: 90, target: 30, current: 50, unitKind: "text", unit: "s" },
      { id: "4", title: "Hold", kind: "keep_below", start: 5, target: 3, current: 4, unitKind: "percent" },
      { id: "5", title: "Done", kind: "milestone", done: true },
      { id: "6", title: "Open", kind: "milestone", done: false },
    ];
    const carried = carryKeyResults(keyResults, ids);
    expect(carried.map((kr) => (kr.kind === "milestone" ? [kr.title, kr.done] : [kr.title, kr.start, kr.target, kr.current]))).toEqual([
      ["Up", 4, 10, 4],
      ["Up, overshot", 10, 10, 10],
      ["Down", 50, 30, 50],
      ["Hold", 5, 3, 4],
      ["Open", false],
    ]);
    expect(new Set(carried.map((kr) => kr.id)).size).toBe(5);
    expect(carried.some((kr) => keyResults.some((old) => old.id === kr.id))).toBe(false);
    expect(carryKeyResults([{ id: "m", title: "All done", kind: "milestone", done: true }], ids)).toMatchObject([{ title: "All done", done: false }]);
  });

  test("a due date keeps its distance from the cycle's end, inside the new cycle", () => {
    expect(carryDueDate("2027-03-15", { endDate: "2027-03-31" }, { startDate: "2027-04-01", endDate: "2027-06-30" })).toBe("2027-06-14");
    expect(carryDueDate("2027-01-02", { endDate: "2027-03-31" }, { startDate: "2027-04-01", endDate: "2027-04-30" })).toBe("2027-04-30");
    expect(carryDueDate(null, { endDate: "2027-03-31" }, { startDate: "2027-04-01", endDate: "2027-06-30" })).toBeNull();
  });
});
