import { describe, expect, it } from "vitest";
import { english } from "../../../test/support/tab-translator.js";
import { buildCheckIn } from "../../../test/support/tab-builders.js";
import type { KeyResult } from "../api/types.js";
import { describeCheckInValues, describeConfidence } from "./check-ins.js";

const keyResults: KeyResult[] = [
  { id: "kr-1", title: "Closed deals", kind: "increase", start: 0, target: 5, current: 2, unitKind: "text", unit: "deals" },
  { id: "kr-2", title: "Partner signed", kind: "milestone", done: false },
  { id: "kr-3", title: "Churn", kind: "decrease", start: 10, target: 5, current: 8, unitKind: "percent" },
];

describe("check-in words", () => {
  it("names each confidence in plain words", () => {
    expect(describeConfidence("on_track", english)).toEqual({ label: "On track", color: "success" });
    expect(describeConfidence("at_risk", english).label).toBe("At risk");
    expect(describeConfidence("off_track", english).label).toBe("Off track");
  });

  it("describes each recorded value against the goal's results", () => {
    const checkIn = buildCheckIn({ values: [{ id: "kr-1", current: 3 }, { id: "kr-2", done: true }, { id: "kr-3", current: 7 }] });
    expect(describeCheckInValues(checkIn, keyResults, english)).toEqual(["Closed deals: 3 deals", "Partner signed: done", "Churn: 7%"]);
  });

  it("still shows values of results removed from the goal since", () => {
    const checkIn = buildCheckIn({ values: [{ id: "kr-gone", current: 4 }, { id: "kr-old", done: false }] });
    expect(describeCheckInValues(checkIn, keyResults, english)).toEqual(["A result since removed: 4", "A result since removed: not done"]);
  });

  it("has no lines for a check-in without values", () => {
    expect(describeCheckInValues(buildCheckIn({ values: [] }), keyResults, english)).toEqual([]);
  });
});
