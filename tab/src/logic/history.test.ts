import { describe, expect, it } from "vitest";
import { english } from "../../../test/support/tab-translator.js";
import { buildHistoryEntry, buildMe } from "../../../test/support/tab-builders.js";
import { describeAction, describeActor, describeChanges, describeValue } from "./history.js";

describe("history words", () => {
  it("describes known and unknown actions", () => {
    expect(describeAction("submitted", english)).toBe("sent it for approval");
    expect(describeAction("changes_requested", english)).toBe("asked for changes");
    expect(describeAction("edited", english)).toBe("edited the goal");
    expect(describeAction("weight_rebalanced", english)).toBe("weight rebalanced");
  });

  it("names the actor as you, a known person, or a colleague", () => {
    const me = buildMe();
    const known = [me, me.manager!];
    expect(describeActor("p-owner", me, known, english)).toBe("You");
    expect(describeActor("p-manager", me, known, english)).toBe("Sofia Brown");
    expect(describeActor("p-other", me, known, english)).toBe("A colleague");
    expect(describeActor("org-chart", me, known, english)).toBe("A change in the org chart");
  });

  it("lists changes with field names and readable values", () => {
    const entry = buildHistoryEntry({
      changes: {
        title: { from: "Old", to: "New" },
        status: { from: "draft", to: "pending_approval" },
        dueDate: { from: null, to: "2027-09-30" },
        keyResults: { from: [{}], to: [{}, {}] },
      },
    });
    expect(describeChanges(entry, english)).toEqual([
      { field: "Title", from: "Old", to: "New" },
      { field: "Status", from: "Draft", to: "Waiting for approval" },
      { field: "Due date", from: "nothing", to: "2027-09-30" },
      { field: "Results", from: "1 item", to: "2 items" },
    ]);
  });

  it("names the key result and the confidence a check-in changed", () => {
    const entry = buildHistoryEntry({
      action: "checked_in",
      changes: {
        "keyResults.kr-1.current": { from: 0, to: 5 },
        "keyResults.kr-2.done": { from: false, to: true },
        "keyResults.kr-gone.current": { from: 1, to: 2 },
        confidence: { from: null, to: "at_risk" },
      },
    });
    const titles = new Map([["kr-1", "Teams that held a session"], ["kr-2", "Publish the guide"]]);
    expect(describeChanges(entry, english, titles)).toEqual([
      { field: "Teams that held a session: current value", from: "0", to: "5" },
      { field: "Publish the guide: done", from: "no", to: "yes" },
      { field: "Results: current value", from: "1", to: "2" },
      { field: "Confidence", from: "nothing", to: "At risk" },
    ]);
  });

  it("shortens long values", () => {
    expect(describeValue("description", "x".repeat(200), english)).toHaveLength(78);
    expect(describeValue("isTopLevel", true, english)).toBe("yes");
  });
});
