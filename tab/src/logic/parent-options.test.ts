import { describe, expect, it } from "vitest";
import { english } from "../../../test/support/tab-translator.js";
import { buildParentOption } from "../../../test/support/tab-builders.js";
import { describeAlignment, groupParentOptions } from "./parent-options.js";

const manager = { id: "p-manager", displayName: "Sofia Brown", jobTitle: "Head of Sales" };
const ceo = { id: "p-ceo", displayName: "Helena Berg", jobTitle: "CEO" };
const options = [
  buildParentOption({ goal: { id: "g-org", title: "Grow revenue", ownerId: "p-ceo", status: "active", isTopLevel: true }, owner: ceo, distance: 2, isOrganisationGoal: true }),
  buildParentOption({ goal: { id: "g-ceo", title: "Hire well", ownerId: "p-ceo", status: "active", isTopLevel: false }, owner: ceo, distance: 2 }),
  buildParentOption({ goal: { id: "g-m1", title: "Win 20 customers", ownerId: "p-manager", status: "active", isTopLevel: false }, owner: manager, distance: 1 }),
  buildParentOption({ goal: { id: "g-m2", title: "Keep churn low", ownerId: "p-manager", status: "active", isTopLevel: false }, owner: manager, distance: 1 }),
];

describe("parent options", () => {
  it("lists the manager's goals first, grouped by owner", () => {
    const groups = groupParentOptions(options, english);
    expect(groups.map((group) => group.label)).toEqual(["Sofia Brown · your manager", "Helena Berg · 2 levels up", "Organisation goals · Helena Berg"]);
    expect(groups[0]?.options.map((option) => option.goal.id)).toEqual(["g-m1", "g-m2"]);
  });

  it("describes what a goal is aligned to", () => {
    expect(describeAlignment({ parentId: "g-m1", isTopLevel: false }, options, english)).toEqual({ label: "Win 20 customers (Sofia Brown)", isAligned: true });
    expect(describeAlignment({ parentId: null, isTopLevel: false }, options, english)).toEqual({ label: "Not aligned yet", isAligned: false });
    expect(describeAlignment({ parentId: null, isTopLevel: true }, options, english).label).toBe("Organisation goal");
    expect(describeAlignment({ parentId: "g-gone", isTopLevel: false }, options, english)).toEqual({ label: "Aligned to a goal above yours", isAligned: true });
  });
});
