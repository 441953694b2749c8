import { describe, expect, it } from "vitest";
import { english } from "../../../test/support/tab-translator.js";
import { describeDueDate, describeKeyResult, formatQuantity, toIsoDay } from "./format.js";

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
    expect(formatQuantity(40, { unit: "%" }, english)).toBe("40%");
    expect(formatQuantity(12, { unit: "customers" }, english)).toBe("12 customers");
    expect(formatQuantity(3, undefined, english)).toBe("3");
    expect(describeKeyResult({ id: "k", title: "NPS", kind: "increase", start: 20, target: 50, current: 30, unitKind: "text" }, english)).toBe("30 of 50 · started at 20");
    expect(describeKeyResult({ id: "k", title: "Cycle", kind: "decrease", start: 62, target: 45, current: 55, unitKind: "text", unit: "days" }, english)).toBe(
      "55 days, aiming for 45 days · started at 62 days",
    );
    expect(describeKeyResult({ id: "k", title: "Launch", kind: "milestone", done: false }, english)).toBe("Milestone");
  });

  it("describes kept thresholds, percentages and money", () => {
    const uptime = { id: "k", title: "Uptime", kind: "keep_above" as const, start: 99.5, target: 99.9, current: 99.95, unitKind: "percent" as const };
    expect(describeKeyResult(uptime, english)).toBe("99.95% now · keep at or above 99.9%");
    const cost = { id: "k", title: "Cost", kind: "keep_below" as const, start: 1000, target: 800, current: 750, unitKind: "currency" as const, currency: "EUR" };
    expect(formatQuantity(800, cost, english)).toBe("€800.00");
    expect(describeKeyResult(cost, english)).toBe("€750.00 now · keep at or below €800.00");
  });

  it("turns a date into a calendar day", () => {
    expect(toIsoDay(new Date("2027-07-01T23:30:00Z"))).toBe("2027-07-01");
  });
});
