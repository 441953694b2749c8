import { describe, expect, it } from "vitest";
import { isVerb, readSubmitVerb, VERBS } from "./verbs.js";

describe("verbs", () => {
  it("are unique", () => {
    const values = Object.values(VERBS);
    expect(new Set(values).size).toBe(values.length);
  });

  it("recognises only known verbs, also inside an Action.Submit fallback value", () => {
    expect(isVerb(VERBS.approve)).toBe(true);
    expect(isVerb("goal.delete")).toBe(false);
    expect(readSubmitVerb({ goalId: "g", verb: VERBS.submitCheckIn })).toBe(VERBS.submitCheckIn);
    expect(readSubmitVerb({ verb: "nope" })).toBeNull();
    expect(readSubmitVerb("help")).toBeNull();
  });
});
