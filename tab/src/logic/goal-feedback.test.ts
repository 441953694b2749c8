import { describe, expect, it } from "vitest";
import { english } from "../../../test/support/tab-translator.js";
import { buildComment, buildGoal, buildMe } from "../../../test/support/tab-builders.js";
import { canReadComments, describeKudosAccess, mapFeedbackProblem, nameKnownPerson, sortNewestFirst, validateFeedbackText } from "./goal-feedback.js";

describe("describeKudosAccess", () => {
  it("lets anyone but the owner thank a goal under way or finished", () => {
    for (const status of ["active", "completed", "missed"] as const) {
      expect(describeKudosAccess(buildGoal({ ownerId: "p-owner", status }), "p-peer", english)).toEqual({ canGive: true, reason: null });
    }
  });

  it("tells the owner that kudos come from others", () => {
    const access = describeKudosAccess(buildGoal({ ownerId: "p-owner", status: "active" }), "p-owner", english);
    expect(access.canGive).toBe(false);
    expect(access.reason).toMatch(/colleagues/);
  });

  it("explains that goals not yet under way cannot be thanked", () => {
    for (const status of ["draft", "pending_approval", "changes_requested", "rejected", "cancelled"] as const) {
      const access = describeKudosAccess(buildGoal({ ownerId: "p-owner", status }), "p-manager", english);
      expect(access).toEqual({ canGive: false, reason: "Kudos can be sent once the goal is approved and under way." });
    }
  });
});

describe("canReadComments", () => {
  it("is the owner and anyone above them", () => {
    expect(canReadComments("p-owner", "p-owner", [])).toBe(true);
    expect(canReadComments("p-owner", "p-skip", ["p-manager", "p-skip"])).toBe(true);
    expect(canReadComments("p-owner", "p-peer", ["p-manager"])).toBe(false);
  });
});

describe("validateFeedbackText", () => {
  it("asks for something to send", () => {
    expect(validateFeedbackText("   ", 10, "Write a comment first.", english)).toBe("Write a comment first.");
  });

  it("counts without surrounding spaces and says how long it is", () => {
    expect(validateFeedbackText("  1234567890  ", 10, "x", english)).toBeNull();
    expect(validateFeedbackText("12345678901", 10, "x", english)).toBe("Keep it to 10 characters; it has 11.");
  });
});

describe("mapFeedbackProblem", () => {
  it("puts an error for the form's field on the field, whatever the path style", () => {
    for (const path of ["text", "/text", "body.text"]) {
      const problem = { title: "Invalid", status: 400, errors: [{ path, message: "At most 2000 characters." }] };
      expect(mapFeedbackProblem(problem, "text")).toEqual({ fieldError: "At most 2000 characters.", generalError: null });
    }
  });

  it("shows anything else above the form", () => {
    const refused = { title: "Forbidden", status: 403, detail: "Kudos are for someone else's goal." };
    expect(mapFeedbackProblem(refused, "message")).toEqual({ fieldError: null, generalError: "Kudos are for someone else's goal." });
    const other = { title: "Invalid", status: 400, errors: [{ path: "goalId", message: "Not a valid id." }] };
    expect(mapFeedbackProblem(other, "message")).toEqual({ fieldError: null, generalError: "Invalid" });
  });
});

describe("sortNewestFirst", () => {
  it("orders by time, newest first, without changing the input", () => {
    const items = [buildComment({ id: "a", at: "2027-07-01T10:00:00Z" }), buildComment({ id: "b", at: "2027-07-03T10:00:00Z" }), buildComment({ id: "c", at: "2027-07-02T10:00:00Z" })];
    expect(sortNewestFirst(items).map((item) => item.id)).toEqual(["b", "c", "a"]);
    expect(items.map((item) => item.id)).toEqual(["a", "b", "c"]);
  });
});

describe("nameKnownPerson", () => {
  it("says You, a known name, or null so the directory is asked", () => {
    const me = buildMe();
    expect(nameKnownPerson("p-owner", me.id, [me], english)).toBe("You");
    expect(nameKnownPerson("p-manager", me.id, [me, me.manager!], english)).toBe("Sofia Brown");
    expect(nameKnownPerson("p-stranger", me.id, [me], english)).toBeNull();
  });

  it("prefers the name the API sent, and falls back when it sent null", () => {
    const me = buildMe();
    expect(nameKnownPerson("p-stranger", me.id, [me], english, "Ravi Patel")).toBe("Ravi Patel");
    expect(nameKnownPerson("p-owner", me.id, [me], english, "Someone Else")).toBe("You");
    expect(nameKnownPerson("p-manager", me.id, [me, me.manager!], english, null)).toBe("Sofia Brown");
    expect(nameKnownPerson("p-stranger", me.id, [me], english, null)).toBeNull();
  });
});
