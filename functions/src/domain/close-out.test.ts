import { describe, expect, test } from "vitest";
import { ANNOUNCE_WITHIN_DAYS, carryDueDate, carryKeyResults, findNextCycle, isCloseOutOpen, isUnfinished, selectCyclesToAnnounce, suggestScore } from "./close-out.js";
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

  test("a cycle is announced once its close-out is open, until it is announced or has been open too long", () => {
    const ended = { id: "q1", endDate: "2027-03-31" };
    const running = { id: "q2", endDate: "2027-06-30" };
    const openedEarly = { id: "q3", endDate: "2027-09-30", closeOutOpenedAt: "2027-04-02T08:00:00Z" };
    const ids = (list: Array<{ id: string }>) => list.map((c) => c.id);
    expect(ids(selectCyclesToAnnounce([ended, running, openedEarly], new Set(), "2027-04-02"))).toEqual(["q1", "q3"]);
    expect(ids(selectCyclesToAnnounce([ended, running], new Set(["q1"]), "2027-04-02"))).toEqual([]);
    expect(ids(selectCyclesToAnnounce([ended], new Set(), "2027-03-31"))).toEqual([]);
    // Opened on April 1st: still announced on the last day of the window, not the day after.
    const lastDay = new Date(Date.parse("2027-04-01T00:00:00Z") + ANNOUNCE_WITHIN_DAYS * 86_400_000).toISOString().slice(0, 10);
    expect(ids(selectCyclesToAnnounce([ended], new Set(), lastDay))).toEqual(["q1"]);
    const dayAfter = new Date(Date.parse(`${lastDay}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    expect(ids(selectCyclesToAnnounce([ended], new Set(), dayAfter))).toEqual([]);
  });

  test("the next cycle is the earliest open one that starts after the cycle ends", () => {
    const from = { id: "q1", startDate: "2027-01-01", endDate: "2027-03-31", status: "open" as const };
    const cycles = [
      from,
      { id: "h2", startDate: "2027-07-01", endDate: "2027-12-31", status: "open" as const },
      { id: "q2-closed", startDate: "2027-04-01", endDate: "2027-06-30", status: "closed" as const },
      { id: "overlap", startDate: "2027-03-01", endDate: "2027-05-31", status: "open" as const },
      { id: "q2", startDate: "2027-04-01", endDate: "2027-06-30", status: "open" as const },
    ];
    expect(findNextCycle(cycles, from)?.id).toBe("q2");
    expect(findNextCycle(cycles.filter((c) => c.id !== "q2" && c.id !== "h2"), from)).toBeNull();
  });
});
