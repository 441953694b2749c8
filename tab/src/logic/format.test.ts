import { describe, expect, it } from "vitest";
import { english } from "../../../test/support/tab-translator.js";
import { describeDueDate, describeKeyResult, formatQuantity, measureKeyResult, toIsoDay } from "./format.js";

describe("format", () => {
  it("describes due dates in whole days", () => {
    expect(describeDueDate(null, "2027-07-01", english)).toBe("No due date");
    expect(describeDueDate("2027-07-01", "2027-07-01", english)).toBe("Due today");
    expect(describeDueDate("2027-07-02", "2027-07-01", english)).toBe("Due tomorrow");
    expect(describeDueDate("2027-07-11", "2027-07-01", english)).toBe("Due in 10 days");
    expect(describeDueDate("2027-06-30", "2027-07-01", english)).toBe("1 day overdue");
    expect(describeDueDate("2027-06-21", "2027-07-01", english)).toBe("10 days overdue");
  });

  it("clamps and rounds percentages", () => {
    expect(english.formatPercent(0.456)).toBe("46%");
    expect(english.formatPercent(1.7)).toBe("100%");
    expect(english.formatPercent(-1)).toBe("0%");
    expect(english.formatPercent(Number.NaN)).toBe("0%");
  });

  it("writes symbols next to numbers and words after a space", () => {
    expect(formatQuantity(40, "%", english)).toBe("40%");
    expect(formatQuantity(12, "customers", english)).toBe("12 customers");
    expect(formatQuantity(3, undefined, english)).toBe("3");
    expect(describeKeyResult({ id: "k", title: "NPS", kind: "number", start: 20, target: 50, current: 30 }, english)).toBe("30 of 50 · started at 20");
    expect(describeKeyResult({ id: "k", title: "Cycle", kind: "number", start: 62, target: 45, current: 55, unit: "days" }, english)).toBe(
      "55 days, aiming for 45 days · started at 62 days",
    );
    expect(describeKeyResult({ id: "k", title: "Launch", kind: "milestone", done: false }, english)).toBe("Milestone");
  });

  it("measures results that go up, go down, or are milestones", () => {
    expect(measureKeyResult({ id: "k", title: "Up", kind: "number", start: 0, target: 10, current: 4 })).toBeCloseTo(0.4);
    expect(measureKeyResult({ id: "k", title: "Down", kind: "number", start: 100, target: 50, current: 75 })).toBeCloseTo(0.5);
    expect(measureKeyResult({ id: "k", title: "Past", kind: "number", start: 0, target: 10, current: 15 })).toBe(1);
    expect(measureKeyResult({ id: "k", title: "Flat", kind: "number", start: 5, target: 5, current: 5 })).toBe(1);
    expect(measureKeyResult({ id: "k", title: "Done", kind: "milestone", done: true })).toBe(1);
  });

  it("turns a date into a calendar day", () => {
    expect(toIsoDay(new Date("2027-07-01T23:30:00Z"))).toBe("2027-07-01");
  });
});
