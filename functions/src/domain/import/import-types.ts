/** Types of the import plan, shared by the planner and the goal builder. */
import type { Versioned } from "../ports.js";
import type { Cycle, Goal } from "../types.js";
import type { OwnerIndex } from "./import-owners.js";
import type { ImportRow, RowError } from "./import-rows.js";

/** The file id → Cascade id remembered per tenant, so a second run updates instead of duplicating. */
export interface ImportMapping {
  fileId: string;
  goalId: string;
  /** Set when the file id is a key result's. */
  keyResultId: string | null;
}

import type { UnknownOwner } from "../../contracts/admin.js";
export type { UnknownOwner };

export interface PlannedGoal {
  line: number;
  goal: Goal;
  /** The stored goal this replaces; null for a create. */
  previous: Versioned<Goal> | null;
  /** Parents come first: a goal's depth is one more than its parent's in the file. */
  depth: number;
  /** Rows this write changes: the goal's and its new or changed key results'. */
  rows: number;
  keyResults: { create: number; update: number };
}

export interface ImportPlan {
  rows: number;
  goals: { create: number; update: number };
  keyResults: { create: number; update: number };
  /** Valid rows already as the file says (unchanged goals and key results). */
  unchanged: number;
  unknownOwners: UnknownOwner[];
  errors: RowError[];
  writes: PlannedGoal[];
  /** File ids seen for the first time; written before the goals, so a resumed run reuses the ids. */
  newMappings: ImportMapping[];
}

export interface PlanInput {
  tenantId: string;
  actorId: string;
  now: string;
  rowCount: number;
  rows: ImportRow[];
  rowErrors: RowError[];
  owners: OwnerIndex;
  /** Owner text → person id, chosen by the admin for names the directory does not match. */
  ownerChoices: Record<string, string>;
  cycles: Cycle[];
  mappings: ReadonlyMap<string, ImportMapping>;
  /** Stored goals the file's ids map to, and goals in Cascade that rows name as a parent. */
  goals: ReadonlyMap<string, Versioned<Goal>>;
  newId(): string;
}
