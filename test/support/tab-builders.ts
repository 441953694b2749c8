/** Test data builders for tab unit tests: sensible defaults, override what a test cares about. */
import type { ReminderSettings } from "../../tab/src/api/admin-types.js";
import type { CheckIn, CycleView, DevUser, GoalComment, GoalView, HistoryEntry, Kudos, Me, ParentOption } from "../../tab/src/api/types.js";

export function buildCycle(overrides: Partial<CycleView> = {}): CycleView {
  return { id: "c-q3", name: "Q3 2027", startDate: "2027-07-01", endDate: "2027-09-30", status: "open", isCurrent: true, isCloseOutOpen: false, ...overrides };
}

export function buildGoal(overrides: Partial<GoalView> = {}): GoalView {
  return {
    id: "g-1",
    ownerId: "p-owner",
    cycleId: "c-q3",
    title: "Close five deals in the Nordics",
    description: "Grow our footprint in the Nordic market with enterprise customers.",
    dueDate: "2027-09-15",
    visibility: "public",
    parentId: "g-parent",
    weight: 1,
    isTopLevel: false,
    keyResults: [{ id: "kr-1", title: "Closed deals", kind: "increase", start: 0, target: 5, current: 2, unitKind: "text", unit: "deals" }],
    status: "draft",
    progress: 0.4,
    smart: { ok: true, missing: [] },
    approverId: "p-manager",
    flags: [],
    lastCheckIn: null,
    changesSinceApproval: null,
    createdAt: "2027-07-02T09:00:00.000Z",
    updatedAt: "2027-07-02T09:00:00.000Z",
    etag: 'W/"1"',
    closeOut: null,
    suggestedScore: 40,
    continuedFrom: null,
    carriedTo: [],
    ...overrides,
  };
}

export function buildMe(overrides: Partial<Me> = {}): Me {
  return {
    id: "p-owner",
    tenantId: "t-1",
    displayName: "Lucas Silva",
    jobTitle: "Account executive",
    department: "Sales",
    mail: "lucas@example.com",
    isInDirectory: true,
    manager: { id: "p-manager", displayName: "Sofia Brown", jobTitle: "Head of Sales" },
    reportsCount: 0,
    roles: [],
    isAdmin: false,
    canSetTopLevel: false,
    ...overrides,
  };
}

export function buildDevUser(overrides: Partial<DevUser> = {}): DevUser {
  return { id: "p-1", displayName: "Maria Garcia", jobTitle: "Engineer", department: "Engineering", managerId: null, ...overrides };
}

export function buildParentOption(overrides: Partial<ParentOption> = {}): ParentOption {
  return {
    goal: { id: "g-parent", title: "Win 20 new enterprise customers", ownerId: "p-manager", status: "active", isTopLevel: false },
    owner: { id: "p-manager", displayName: "Sofia Brown", jobTitle: "Head of Sales" },
    distance: 1,
    isOrganisationGoal: false,
    ...overrides,
  };
}

export function buildHistoryEntry(overrides: Partial<HistoryEntry> = {}): HistoryEntry {
  return { id: "h-1", goalId: "g-1", at: "2027-07-02T09:00:00.000Z", actorId: "p-owner", action: "created", comment: null, changes: {}, ...overrides };
}

export function buildKudos(overrides: Partial<Kudos> = {}): Kudos {
  return { id: "k-1", goalId: "g-1", fromId: "p-manager", toId: "p-owner", fromName: null, toName: null, message: "Great start with the Nordic deals!", at: "2027-07-10T09:00:00.000Z", ...overrides };
}

export function buildComment(overrides: Partial<GoalComment> = {}): GoalComment {
  return { id: "m-1", goalId: "g-1", authorId: "p-owner", authorName: null, text: "Two deals are close; legal review is the blocker.", at: "2027-07-11T09:00:00.000Z", ...overrides };
}

export function buildCheckIn(overrides: Partial<CheckIn> = {}): CheckIn {
  return { id: "ci-1", goalId: "g-1", at: "2027-07-12T09:00:00.000Z", authorId: "p-owner", confidence: "on_track", note: "", values: [{ id: "kr-1", current: 2 }], ...overrides };
}

/** A Storage stand-in backed by a Map, for code that takes sessionStorage or localStorage. */
export function createMemoryStorage(): Pick<Storage, "getItem" | "setItem" | "removeItem"> {
  const values = new Map<string, string>();
  return {
    getItem: (key) => values.get(key) ?? null,
    setItem: (key, value) => void values.set(key, value),
    removeItem: (key) => void values.delete(key),
  };
}

/** The reminder settings a new tenant starts with. */
export function buildReminderSettings(overrides: Partial<ReminderSettings> = {}): ReminderSettings {
  return { isEnabled: true, cadence: "weekly", dayOfWeek: 1, hour: 9, defaultTimeZone: "UTC", recentCheckInDays: 2, isDigestEnabled: true, digestDayOfWeek: 1, digestHour: 8, riskMargin: 0.15, ...overrides };
}
