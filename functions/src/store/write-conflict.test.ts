import { RestError } from "@azure/data-tables";
import { describe, expect, it } from "vitest";
import { assertEntityWithinLimits, classifyConflict, isConflict, isNotFound } from "./tables.js";

const failure = (statusCode: number) => new RestError(`status ${statusCode}`, { statusCode });

describe("write conflicts", () => {
  it("names 409, 412 and 404 and nothing else", () => {
    expect([409, 412, 404, 400, 500, 503].map((status) => classifyConflict(failure(status)))).toEqual(["exists", "stale", "gone", null, null, null]);
    expect(classifyConflict(new Error("socket hang up"))).toBeNull();
    expect(classifyConflict({ statusCode: "412" })).toBeNull();
    expect(classifyConflict(undefined)).toBeNull();
  });

  it("matches only the conflicts asked for, or any of them when none is named", () => {
    expect(isConflict(failure(412), "stale", "gone")).toBe(true);
    expect(isConflict(failure(409), "stale", "gone")).toBe(false);
    expect(isConflict(failure(404))).toBe(true);
    expect(isConflict(failure(500))).toBe(false);
    expect(isNotFound(failure(404))).toBe(true);
    expect(isNotFound(failure(412))).toBe(false);
  });

  it("refuses an entity over the service's limits whatever its declared type", () => {
    interface Row { partitionKey: string; rowKey: string; text: string }
    const row: Row = { partitionKey: "t", rowKey: "r", text: "x".repeat(32 * 1024 + 1) };
    expect(() => assertEntityWithinLimits(row)).toThrow(/exceeds/);
    expect(() => assertEntityWithinLimits({ ...row, text: "fine" })).not.toThrow();
  });
});
