import { describe, expect, test } from "vitest";
import { AppError } from "./errors.js";
import { assertTransition, canTransition, isEditable } from "./lifecycle.js";
import { GOAL_STATUSES } from "./types.js";

describe("goal lifecycle", () => {
  test("the documented path is allowed", () => {
    expect(canTransition("draft", "pending_approval")).toBe(true);
    expect(canTransition("pending_approval", "active")).toBe(true);
    expect(canTransition("pending_approval", "changes_requested")).toBe(true);
    expect(canTransition("changes_requested", "pending_approval")).toBe(true);
    expect(canTransition("active", "completed")).toBe(true);
    expect(canTransition("active", "pending_approval")).toBe(true);
  });

  test("closed goals are final", () => {
    for (const closed of ["completed", "missed", "cancelled"] as const) {
      for (const to of GOAL_STATUSES) expect(canTransition(closed, to)).toBe(false);
    }
  });

  test("an illegal transition is a 409 in plain words", () => {
    const error = (() => {
      try {
        assertTransition("draft", "completed");
      } catch (e) {
        return e as AppError;
      }
    })();
    expect(error?.status).toBe(409);
    expect(error?.message).toBe("A goal that is a draft cannot become completed.");
  });

  test("only drafts, goals needing changes, rejected and active goals are editable", () => {
    expect(GOAL_STATUSES.filter(isEditable)).toEqual(["draft", "active", "changes_requested", "rejected"]);
  });
});
