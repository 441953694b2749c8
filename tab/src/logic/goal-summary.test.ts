import { describe, expect, it } from "vitest";
import { buildGoal } from "../../../test/support/tab-builders.js";
import { sortGoalsForOwner, summariseGoals } from "./goal-summary.js";

describe("goal summary", () => {
  it("weights progress and leaves cancelled and rejected goals out of it", () => {
    const summary = summariseGoals([
      buildGoal({ status: "active", progress: 1, weight: 3 }),
      buildGoal({ status: "pending_approval", progress: 0, weight: 1 }),
      buildGoal({ status: "cancelled", progress: 0, weight: 5 }),
      buildGoal({ status: "draft", progress: 0, weight: 0 }),
    ]);
    expect(summary).toEqual({ count: 4, progress: 0.75, waitingCount: 1, needsWorkCount: 1 });
  });

  it("reports zero progress for no goals", () => {
    expect(summariseGoals([])).toEqual({ count: 0, progress: 0, waitingCount: 0, needsWorkCount: 0 });
  });

  it("puts goals that need the owner first, oldest first within a status", () => {
    const goals = [
      buildGoal({ id: "active", status: "active" }),
      buildGoal({ id: "draft-new", status: "draft", createdAt: "2027-07-03T00:00:00Z" }),
      buildGoal({ id: "changes", status: "changes_requested" }),
      buildGoal({ id: "draft-old", status: "draft", createdAt: "2027-07-01T00:00:00Z" }),
    ];
    expect(sortGoalsForOwner(goals).map((goal) => goal.id)).toEqual(["changes", "draft-old", "draft-new", "active"]);
  });
});
