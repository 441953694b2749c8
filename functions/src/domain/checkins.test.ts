import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { applyCheckInValues } from "./checkins.js";
import { AppError } from "./errors.js";
import type { KeyResult } from "./types.js";

const krs: KeyResult[] = [
  { id: "n", title: "Revenue", kind: "increase", start: 0, target: 100, current: 10, unitKind: "text" },
  { id: "m", title: "Launch", kind: "milestone", done: false },
];

describe("applying check-in values", () => {
  test("sets numbers and milestones; untouched key results keep their values", () => {
    expect(applyCheckInValues(krs, [{ id: "n", current: 42 }])).toEqual([{ ...krs[0], current: 42 }, krs[1]]);
    expect(applyCheckInValues(krs, [{ id: "m", done: true }])[1]).toEqual({ ...krs[1], done: true });
  });

  test("rejects unknown ids, duplicates and the wrong kind of value", () => {
    const errorsOf = (values: Parameters<typeof applyCheckInValues>[1]) => {
      try {
        applyCheckInValues(krs, values);
        return [];
      } catch (error) {
        return (error as AppError).details.errors!.map((e) => e.path);
      }
    };
    expect(errorsOf([{ id: "zz", current: 1 }])).toEqual(["keyResults.0.id"]);
    expect(errorsOf([{ id: "n", current: 1 }, { id: "n", current: 2 }])).toContain("keyResults");
    expect(errorsOf([{ id: "n", done: true }])).toEqual(["keyResults.0"]);
    expect(errorsOf([{ id: "m", current: 3 }])).toEqual(["keyResults.0"]);
  });

  test("property: applying the same values twice is the same as once", () => {
    fc.assert(fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.boolean(), (current, done) => {
      const values = [{ id: "n", current }, { id: "m", done }];
      const once = applyCheckInValues(krs, values);
      expect(applyCheckInValues(once, values)).toEqual(once);
    }));
  });
});
