/** Interfaces the domain owns; adapters in store/ and directory/ implement them. */
import type { TeamMember } from "./org-walk.js";
import type { AuditEntry, CheckIn, Cycle, Goal, Person } from "./types.js";

/** Read side of the org chart for one tenant. Implementations must never throw on bad data
 * (manager cycles, self-managers, missing managers): such people are treated as roots. */
export interface DirectoryReader {
  getPerson(tenantId: string, personId: string): Promise<Person | null>;
  /** Managers of the person, nearest first, up to the root. Cycle-safe; excludes the person. */
  getManagerChain(tenantId: string, personId: string): Promise<Person[]>;
  listDirectReports(tenantId: string, managerId: string): Promise<Person[]>;
  /** Everyone below the manager (direct and indirect), not including the manager. */
  listSubtree(tenantId: string, managerId: string): Promise<Person[]>;
  /** Each manager's direct reports in name order, each marked when they have reports of their own. */
  listTeams(tenantId: string, managerIds: string[]): Promise<Map<string, TeamMember[]>>;
}

export interface DirectoryWriter {
  /** Inserts or replaces people; keeps the reports index consistent on manager changes. */
  upsertPeople(tenantId: string, people: Person[]): Promise<void>;
  removePeople(tenantId: string, personIds: string[]): Promise<void>;
}

/** A change the directory noticed that the goal side must react to (re-route, flag). */
export type DirectoryChange =
  | { kind: "manager_changed"; personId: string; fromManagerId: string | null; toManagerId: string | null }
  | { kind: "left"; personId: string; formerManagerId: string | null };

export interface Versioned<T> {
  value: T;
  etag: string;
}

export interface GoalFilter {
  cycleId?: string;
  status?: string;
}

/** A write that must land together with the goal, in the owner's partition and transaction. */
export interface GoalWrite {
  goal: Goal;
  /** The ETag read before the change; absent for a create. */
  etag?: string;
  audit: AuditEntry[];
  checkIns?: CheckIn[];
  /** The goal before this change (absent for a create): the children index drops an old parent link,
   * and rows derived from the goal's summary are rewritten only when the summary changed. */
  previous?: Goal;
}

export interface GoalRepository {
  getGoal(tenantId: string, goalId: string): Promise<Versioned<Goal> | null>;
  listGoalsByOwner(tenantId: string, ownerId: string, filter: GoalFilter): Promise<Array<Versioned<Goal>>>;
  listChildGoals(tenantId: string, parentId: string): Promise<Array<Versioned<Goal>>>;
  /** Writes goal + audit (+ check-ins) atomically; throws precondition_failed when the ETag is stale. */
  saveGoal(write: GoalWrite): Promise<Versioned<Goal>>;
  deleteGoal(tenantId: string, goal: Goal, etag: string, audit: AuditEntry): Promise<void>;
  listAudit(tenantId: string, goal: Pick<Goal, "id" | "ownerId">): Promise<AuditEntry[]>;
  /** The version of a goal this instance last read or wrote, without a storage read (null when it holds
   * none). It may be stale: only a write guarded by its ETag may rely on it. */
  recentGoal?(tenantId: string, goalId: string): Versioned<Goal> | null;
}

export interface CycleRepository {
  listCycles(tenantId: string): Promise<Cycle[]>;
  getCycle(tenantId: string, cycleId: string): Promise<Cycle | null>;
  saveCycle(cycle: Cycle): Promise<void>;
}

export interface Clock {
  now(): Date;
}

export interface IdGenerator {
  newId(): string;
}
