import { describe, expect, test } from "vitest";
import { checkSmart } from "./smart.js";

const cycle = { startDate: "2027-01-01", endDate: "2027-03-31" };
const complete = {
  title: "Cut checkout time for customers",
  description: "Customers abandon slow checkouts; make it faster.",
  dueDate: "2027-03-15",
  parentId: "parent-1",
  keyResults: [{ id: "k", title: "Median checkout time", kind: "decrease" as const, start: 90, target: 30, current: 90, unitKind: "text" as const }],
};

describe("SMART check", () => {
  test("a complete goal passes", () => {
    expect(checkSmart(complete, { cycle, isTopLevel: false })).toEqual({ ok: true, missing: [] });
  });

  test("names each missing part in plain words", () => {
    const result = checkSmart({ title: "Sales", description: "", dueDate: "2027-05-01", parentId: null, keyResults: [] }, { cycle, isTopLevel: false });
    expect(result.ok).toBe(false);
    expect(result.missing.map((m) => m.code)).toEqual(["specific_title", "description", "measurable_key_result", "due_date_in_cycle", "alignment"]);
    expect(result.missing.find((m) => m.code === "due_date_in_cycle")?.message).toContain("2027-01-01 to 2027-03-31");
  });

  test("a number key result whose target equals its start is not measurable", () => {
    const result = checkSmart({ ...complete, keyResults: [{ id: "k", title: "x", kind: "increase", start: 5, target: 5, current: 5, unitKind: "text" }] }, { cycle, isTopLevel: false });
    expect(result.missing.map((m) => m.code)).toEqual(["measurable_key_result"]);
  });

  test("a threshold to keep is measurable even when it equals the baseline", () => {
    const result = checkSmart({ ...complete, keyResults: [{ id: "k", title: "Uptime", kind: "keep_above", start: 99.9, target: 99.9, current: 99.9, unitKind: "percent" }] }, { cycle, isTopLevel: false });
    expect(result.ok).toBe(true);
  });

  test("top-level goals need no parent", () => {
    expect(checkSmart({ ...complete, parentId: null }, { cycle, isTopLevel: true }).ok).toBe(true);
  });

  test("without a cycle the due date cannot be checked", () => {
    expect(checkSmart(complete, { cycle: null, isTopLevel: false }).missing.map((m) => m.code)).toEqual(["due_date_in_cycle"]);
  });
});
