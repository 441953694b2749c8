import { describe, expect, test } from "vitest";
import type { CycleView } from "../api/types.js";
import { isClosable, isUnfinished, listCarryTargets, startForm, validateCloseOut } from "./close-out.js";

const cycle = (id: string, startDate: string, status: "open" | "closed" = "open"): CycleView => ({ id, name: id, startDate, endDate: startDate, status, isCurrent: false, isCloseOutOpen: false });

describe("close-out in the tab", () => {
  test("goals that ran take a close-out; unfinished ones may go on", () => {
    expect(isClosable({ status: "active" })).toBe(true);
    expect(isClosable({ status: "draft" })).toBe(false);
    expect(isUnfinished({ status: "active", closeOut: null })).toBe(true);
    expect(isUnfinished({ status: "active", closeOut: { score: 90, outcome: "achieved", reflection: "", at: "", comments: [] } })).toBe(false);
    expect(isUnfinished({ status: "completed", closeOut: null })).toBe(false);
  });

  test("a goal goes on into open cycles that start later, soonest first", () => {
    const cycles = [cycle("q3", "2027-07-01"), cycle("q1", "2027-01-01"), cycle("q2", "2027-04-01"), cycle("old", "2026-10-01"), cycle("shut", "2027-05-01", "closed")];
    expect(listCarryTargets(cycles, cycles[1]!).map((c) => c.id)).toEqual(["q2", "q3"]);
  });

  test("the form starts from progress or the close-out given, and says what is missing", () => {
    expect(startForm({ closeOut: null, suggestedScore: 62 })).toEqual({ score: 62, outcome: null, reflection: "" });
    expect(validateCloseOut({ score: 101, outcome: null, reflection: " " })).toEqual({ score: "closeOut.error.score", outcome: "closeOut.error.outcome", reflection: "closeOut.error.reflection" });
    expect(validateCloseOut({ score: 40, outcome: "partly", reflection: "Late start." })).toEqual({});
  });
});
