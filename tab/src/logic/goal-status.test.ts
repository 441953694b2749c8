import { describe, expect, it } from "vitest";
import { english } from "../../../test/support/tab-translator.js";
import { GOAL_STATUSES } from "../../../functions/src/contracts/goals.js";
import { canDeleteGoal, canEditGoal, canSubmitGoal, describeStatus, needsReapprovalWarning } from "./goal-status.js";

describe("goal status words", () => {
  it("has a plain label and description for every status", () => {
    for (const status of GOAL_STATUSES) {
      const info = describeStatus(status, english);
      expect(info.label.length).toBeGreaterThan(0);
      expect(info.label).not.toMatch(/_/);
      expect(info.description.length).toBeGreaterThan(0);
    }
    expect(describeStatus("pending_approval", english).label).toBe("Waiting for approval");
    expect(describeStatus("changes_requested", english).label).toBe("Needs changes");
  });

  it("allows the owner's actions only where the lifecycle does", () => {
    expect(GOAL_STATUSES.filter(canSubmitGoal)).toEqual(["draft", "changes_requested"]);
    expect(GOAL_STATUSES.filter(canDeleteGoal)).toEqual(["draft"]);
    expect(GOAL_STATUSES.filter(canEditGoal)).toEqual(["draft", "pending_approval", "active", "changes_requested"]);
    expect(GOAL_STATUSES.filter(needsReapprovalWarning)).toEqual(["active"]);
  });
});
