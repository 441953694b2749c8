/** Builders of goal summaries and org people for the cascade domain tests. */
import type { GoalSummary } from "../../functions/src/domain/cascade-ports.js";
import type { CascadePerson } from "../../functions/src/domain/coverage.js";

export function buildSummary(id: string, ownerId: string, overrides: Partial<GoalSummary> = {}): GoalSummary {
  return {
    id,
    ownerId,
    ownerName: ownerId.toUpperCase(),
    cycleId: "c1",
    parentId: null,
    isTopLevel: false,
    status: "active",
    title: `Goal ${id}`,
    weight: 1,
    visibility: "public",
    flags: [],
    progress: 0.5,
    confidence: null,
    lastCheckInAt: null,
    dueDate: "2027-03-31",
    updatedAt: "2027-01-01T00:00:00.000Z",
    ...overrides,
  };
}

export function buildCascadePerson(id: string, managerId: string | null, overrides: Partial<CascadePerson> = {}): CascadePerson {
  return { id, displayName: id.toUpperCase(), jobTitle: null, department: null, managerId, isEnabled: true, hasLeft: false, ...overrides };
}
