/** Test data builders for goals, cycles and people used by the domain tests. */
import type { Cycle, Goal, KeyResult, Person } from "../../functions/src/domain/types.js";

let counter = 0;

export function buildTestGoal(overrides: Partial<Goal> = {}): Goal {
  counter++;
  const keyResults: KeyResult[] = [{ id: `kr${counter}`, title: "Key result", kind: "increase", start: 0, target: 100, current: 0, unitKind: "text" }];
  return {
    tenantId: "t1",
    id: `g${counter}`,
    ownerId: "p1",
    cycleId: "c1",
    title: `Goal ${counter}`,
    description: "",
    dueDate: "2027-03-31",
    visibility: "public",
    parentId: null,
    weight: 1,
    keyResults,
    status: "active",
    approverId: null,
    isTopLevel: false,
    approvedSnapshot: null,
    flags: [],
    lastCheckIn: null,
    createdAt: "2027-01-01T00:00:00.000Z",
    updatedAt: "2027-01-01T00:00:00.000Z",
    ...overrides,
  };
}

export function withProgress(current: number, overrides: Partial<Goal> = {}): Goal {
  return buildTestGoal({ keyResults: [{ id: "kr", title: "Key result", kind: "increase", start: 0, target: 100, current, unitKind: "text" }], ...overrides });
}

export function buildTestCycle(overrides: Partial<Cycle> = {}): Cycle {
  return { tenantId: "t1", id: "c1", name: "Q1 2027", startDate: "2027-01-01", endDate: "2027-03-31", status: "open", ...overrides };
}

export function buildTestPerson(id: string, managerId: string | null, overrides: Partial<Person> = {}): Person {
  return { id, displayName: id.toUpperCase(), mail: null, jobTitle: null, department: null, managerId, accountEnabled: true, updatedAt: "2027-01-01T00:00:00.000Z", ...overrides };
}
