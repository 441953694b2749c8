/** The authorisation matrix as one declarative table: for every operation of the API (and every card
 * verb), which roles may act on which subject. Everything not allowed must be refused and must neither
 * write nor show what the role may not see. The roles are relative to Alice, who owns the goals. */

export const ROLES = ["owner", "manager", "skipManager", "peer", "unrelated", "admin", "otherTenant", "otherTenantAdmin", "anonymous"] as const;
export type Role = (typeof ROLES)[number];

/** Alice's goals in every state and visibility, a public goal aligned to her private one, and a goal in the other tenant. */
export const GOAL_SUBJECTS = ["publicActive", "privateActive", "publicDraft", "privateDraft", "privatePending", "publicChildOfPrivate", "otherTenantGoal"] as const;
/** Whose team or profile: Alice's manager (a team of two), Alice herself, a person of the other tenant. */
export const PERSON_SUBJECTS = ["managersTeam", "alice", "otherTenantPerson"] as const;
export type Subject = (typeof GOAL_SUBJECTS)[number] | (typeof PERSON_SUBJECTS)[number] | "none";

const CHAIN: readonly Role[] = ["owner", "manager", "skipManager"];
const TENANT: readonly Role[] = ["owner", "manager", "skipManager", "peer", "unrelated", "admin"];
const OTHER: readonly Role[] = ["otherTenant", "otherTenantAdmin"];
const SIGNED_IN: readonly Role[] = [...TENANT, ...OTHER];
const ADMINS: readonly Role[] = ["admin", "otherTenantAdmin"];
const NOBODY: readonly Role[] = [];
const without = (roles: readonly Role[], ...removed: Role[]) => roles.filter((role) => !removed.includes(role));

/** Who may read each goal subject: the tenant for public goals, the owner's chain for private ones. */
const READERS: Record<(typeof GOAL_SUBJECTS)[number], readonly Role[]> = {
  publicActive: TENANT,
  privateActive: CHAIN,
  publicDraft: TENANT,
  privateDraft: CHAIN,
  privatePending: CHAIN,
  publicChildOfPrivate: TENANT,
  otherTenantGoal: OTHER,
};
const goals = (allowed: Partial<Record<(typeof GOAL_SUBJECTS)[number], readonly Role[]>>) =>
  Object.fromEntries(GOAL_SUBJECTS.map((subject) => [subject, allowed[subject] ?? NOBODY])) as Record<Subject, readonly Role[]>;
const readers = goals(READERS);
const commenters = goals({ ...READERS, publicActive: CHAIN, publicDraft: CHAIN, publicChildOfPrivate: CHAIN, otherTenantGoal: ["otherTenant"] });
const ownerOnly = (...subjects: Array<(typeof GOAL_SUBJECTS)[number]>) => goals(Object.fromEntries(subjects.map((s) => [s, s === "otherTenantGoal" ? ["otherTenant"] : ["owner"]])));
const everyone = (roles: readonly Role[]) => ({ none: roles }) as Record<Subject, readonly Role[]>;

export interface Row {
  /** "METHOD /path" exactly as in functions/openapi.json, or "card VERB". */
  operation: string;
  /** Roles allowed, per subject; the subjects listed are the ones tried. */
  allowed: Partial<Record<Subject, readonly Role[]>>;
  /** An allowed call changes its subject, so it gets a fresh one of its own. */
  isWrite?: boolean;
  /** Statuses an allowed call may answer besides 2xx (e.g. a service not configured in this deployment). */
  alsoAccepted?: number[];
  /** The route does not exist in this deployment: everyone gets 404. */
  isAbsent?: boolean;
  /** Roles besides the owner's management chain who may see private goals in this answer. */
  seesPrivate?: readonly Role[];
}

export const AUTHZ_TABLE: Row[] = [
  { operation: "GET /api/health", allowed: everyone([...SIGNED_IN, "anonymous"]) },
  { operation: "GET /api/auth/config", allowed: everyone([...SIGNED_IN, "anonymous"]) },
  // Local development routes do not exist in Entra mode: 404 for everyone, signed in or not.
  { operation: "GET /api/dev/users", allowed: everyone(NOBODY), isAbsent: true },
  { operation: "POST /api/dev/token", allowed: everyone(NOBODY), isAbsent: true },
  { operation: "GET /api/dev/inbox", allowed: everyone(NOBODY), isAbsent: true },
  { operation: "POST /api/dev/jobs/{job}", allowed: everyone(NOBODY), isAbsent: true },
  { operation: "GET /api/me", allowed: everyone(SIGNED_IN) },
  { operation: "PUT /api/me/time-zone", allowed: everyone(SIGNED_IN), isWrite: true },
  { operation: "GET /api/cycles", allowed: everyone(SIGNED_IN) },
  { operation: "POST /api/cycles", allowed: everyone(ADMINS), isWrite: true },
  { operation: "GET /api/goals", allowed: { none: SIGNED_IN, alice: SIGNED_IN } },
  { operation: "POST /api/goals", allowed: everyone(SIGNED_IN), isWrite: true },
  { operation: "GET /api/goals/{id}", allowed: readers },
  { operation: "PATCH /api/goals/{id}", allowed: ownerOnly("publicActive", "privateActive", "publicDraft", "privateDraft", "publicChildOfPrivate", "otherTenantGoal"), isWrite: true },
  { operation: "DELETE /api/goals/{id}", allowed: ownerOnly("publicDraft", "privateDraft", "otherTenantGoal"), isWrite: true },
  { operation: "GET /api/goals/{id}/history", allowed: readers },
  { operation: "POST /api/goals/{id}/submit", allowed: ownerOnly("publicDraft", "privateDraft", "otherTenantGoal"), isWrite: true },
  // The approver repeating a decision on a goal already decided gets the goal as it is (an idempotent replay), writing nothing.
  { operation: "POST /api/goals/{id}/decision", allowed: goals({ privatePending: ["manager"], publicActive: ["manager"], privateActive: ["manager"], publicChildOfPrivate: ["manager"] }), isWrite: true },
  { operation: "POST /api/goals/{id}/close", allowed: ownerOnly("publicActive", "privateActive", "publicChildOfPrivate"), isWrite: true },
  // Alice's cycle has its close-out open. The owner closes out goals that ran; her managers comment on
  // a close-out; the owner carries any unfinished goal into the next cycle.
  { operation: "POST /api/goals/{id}/close-out", allowed: ownerOnly("publicActive", "privateActive", "publicChildOfPrivate"), isWrite: true },
  { operation: "POST /api/goals/{id}/close-out/comments", allowed: goals({ publicActive: ["manager", "skipManager"], privateActive: ["manager", "skipManager"], publicChildOfPrivate: ["manager", "skipManager"] }), isWrite: true },
  { operation: "POST /api/goals/{id}/carry-over", allowed: ownerOnly("publicActive", "privateActive", "publicDraft", "privateDraft", "privatePending", "publicChildOfPrivate", "otherTenantGoal"), isWrite: true },
  { operation: "GET /api/cycles/{id}/close-out", allowed: { managersTeam: ["manager", "skipManager", "admin"], alice: ["owner", "manager", "skipManager", "admin"], otherTenantPerson: OTHER }, seesPrivate: ["admin"] },
  { operation: "GET /api/cycles/{id}/report", allowed: { managersTeam: ["manager", "skipManager", "admin"], alice: ["owner", "manager", "skipManager", "admin"], otherTenantPerson: OTHER }, seesPrivate: ["admin"] },
  { operation: "GET /api/goals/{id}/checkins", allowed: readers },
  { operation: "POST /api/goals/{id}/checkins", allowed: ownerOnly("publicActive", "privateActive", "publicChildOfPrivate"), isWrite: true },
  { operation: "GET /api/goals/{id}/kudos", allowed: readers },
  { operation: "POST /api/goals/{id}/kudos", allowed: goals({ publicActive: without(TENANT, "owner"), privateActive: without(CHAIN, "owner"), publicChildOfPrivate: without(TENANT, "owner") }), isWrite: true },
  { operation: "GET /api/goals/{id}/comments", allowed: commenters },
  { operation: "POST /api/goals/{id}/comments", allowed: commenters, isWrite: true },
  // Only goals whose owner left may be reassigned or closed by someone else; none of these subjects is one.
  { operation: "POST /api/goals/{id}/reassign", allowed: goals({}), isWrite: true },
  { operation: "POST /api/goals/{id}/close-for-leaver", allowed: goals({}), isWrite: true },
  { operation: "GET /api/alignment/parent-options", allowed: everyone(SIGNED_IN) },
  // The whole cycle's tree, and the tree below the manager's goal that Alice's private goals align to.
  { operation: "GET /api/alignment", allowed: { none: SIGNED_IN, managersTeam: TENANT } },
  // Admins may export the whole tenant, so their team figures and CSVs may include private goals.
  { operation: "GET /api/dashboard", allowed: { managersTeam: ["manager", "skipManager", "admin"], alice: ["owner", "manager", "skipManager", "admin"], otherTenantPerson: OTHER }, seesPrivate: ["admin"] },
  // Pins the caller's own dashboard in a team: anyone signed in may share their own figures, nobody another's.
  { operation: "POST /api/dashboard/pins", allowed: everyone(SIGNED_IN), isWrite: true },
  { operation: "GET /api/export/goals.csv", allowed: { managersTeam: ["manager", "skipManager", "admin"], alice: ["owner", "manager", "skipManager", "admin"], otherTenantPerson: OTHER }, seesPrivate: ["admin"] },
  { operation: "GET /api/org/{personId}/cascade", allowed: { managersTeam: TENANT, alice: TENANT, otherTenantPerson: OTHER } },
  // Searched for the secret markers of private titles: found only by the owner's management chain.
  { operation: "GET /api/org/{personId}/search", allowed: { managersTeam: TENANT, alice: TENANT, otherTenantPerson: OTHER } },
  { operation: "GET /api/people/{id}", allowed: { alice: TENANT, otherTenantPerson: OTHER } },
  { operation: "GET /api/people/{id}/reports", allowed: { managersTeam: TENANT, alice: TENANT, otherTenantPerson: OTHER } },
  { operation: "GET /api/approvals", allowed: everyone(SIGNED_IN) },
  { operation: "GET /api/admin/reminders", allowed: everyone(ADMINS) },
  { operation: "PUT /api/admin/reminders", allowed: everyone(ADMINS), isWrite: true },
  { operation: "GET /api/admin/settings", allowed: everyone(ADMINS) },
  { operation: "PUT /api/admin/settings", allowed: everyone(ADMINS), isWrite: true },
  { operation: "GET /api/admin/sync", allowed: everyone(ADMINS) },
  // No Graph credentials in this deployment: an admin's sync request is accepted for checking and answered 503.
  { operation: "POST /api/admin/sync", allowed: everyone(ADMINS), isWrite: true, alsoAccepted: [503] },
  { operation: "GET /api/admin/log", allowed: everyone(ADMINS) },
  { operation: "POST /api/admin/cycles/{id}/close", allowed: everyone(["admin"]), isWrite: true },
  // Opens close-out of a cycle that has not ended yet (a fresh one per allowed call).
  { operation: "POST /api/admin/cycles/{id}/close-out", allowed: everyone(["admin"]), isWrite: true },
  { operation: "GET /api/admin/people", allowed: everyone(ADMINS) },
  { operation: "GET /api/admin/export", allowed: everyone(ADMINS), seesPrivate: ["admin"] },
  { operation: "GET /api/admin/erase", allowed: everyone(ADMINS) },
  { operation: "POST /api/admin/erase", allowed: { alice: ["admin"], otherTenantPerson: ["otherTenantAdmin"] }, isWrite: true },
  // A dry run of a small template file; the run itself is covered by the import tests.
  { operation: "POST /api/admin/imports", allowed: everyone(ADMINS) },
  // No import was started here: an admin learns that (404), anyone else is refused before the lookup.
  { operation: "GET /api/admin/imports/{id}", allowed: everyone(ADMINS), alsoAccepted: [404] },
  // Needs a Bot Framework token, which no user token is.
  { operation: "POST /api/messages", allowed: everyone(NOBODY) },
  // Every card action answers with a card; what counts is what the card shows and what the action writes.
  { operation: "card goal.refresh", allowed: readers },
  { operation: "card goal.approve", allowed: goals({ privatePending: ["manager"] }), isWrite: true },
  { operation: "card goal.requestChanges", allowed: goals({ privatePending: ["manager"] }), isWrite: true },
  { operation: "card goal.reject", allowed: goals({ privatePending: ["manager"] }), isWrite: true },
  { operation: "card checkin.submit", allowed: ownerOnly("publicActive", "privateActive", "publicChildOfPrivate"), isWrite: true },
  { operation: "card closeout.submit", allowed: ownerOnly("publicActive", "privateActive", "publicChildOfPrivate"), isWrite: true },
  { operation: "card closeout.carryOver", allowed: ownerOnly("publicActive", "privateActive", "publicDraft", "privateDraft", "privatePending", "publicChildOfPrivate", "otherTenantGoal"), isWrite: true },
  // The refresh shows the reader their own goals of the cycle, whichever card it came from: everyone signed in gets a card.
  { operation: "card closeout.refresh", allowed: goals(Object.fromEntries(GOAL_SUBJECTS.map((subject) => [subject, SIGNED_IN]))) },
  { operation: "card kudos.send", allowed: goals({ publicActive: without(TENANT, "owner"), privateActive: without(CHAIN, "owner"), publicChildOfPrivate: without(TENANT, "owner") }), isWrite: true },
];

/** The card-actions route itself is exercised through the card rows. */
export const ROUTES_COVERED_BY_CARD_ROWS = ["POST /api/card-actions"];
