/** Shapes of the HTTP API as the tab reads them. Domain types are shared with the Function App. */
import type { CheckIn, Confidence, GoalFlag, GoalStatus, KeyResult, KeyResultKind, MeasuredKind, UnitKind, Visibility } from "../../../functions/src/domain/types.js";
import type { SmartResult } from "../../../functions/src/domain/smart.js";
import type { NamedComment as GoalComment, NamedKudos as Kudos } from "../../../functions/src/domain/feedback-names.js";
import type { Page } from "../../../functions/src/domain/checkins.js";
import type { SignInSettings } from "../../../functions/src/auth/sign-in-settings.js";

export type { CheckIn, Confidence, GoalComment, GoalStatus, KeyResult, KeyResultKind, Kudos, MeasuredKind, Page, UnitKind, Visibility, SignInSettings, SmartResult };
export type EntraSignInSettings = Extract<SignInSettings, { mode: "entra" }>;

export interface PersonSummary {
  id: string;
  displayName: string;
  jobTitle: string | null;
}

export interface Me extends PersonSummary {
  tenantId: string;
  department: string | null;
  mail: string | null;
  manager: PersonSummary | null;
  reportsCount: number;
  roles: string[];
  /** Holds the Cascade.Admin app role; the server checks it on every admin route. */
  isAdmin: boolean;
  canSetTopLevel: boolean;
}

export interface DevUser extends PersonSummary {
  department: string | null;
  managerId: string | null;
}

export interface DevToken {
  token: string;
  expiresAt: string;
}

export interface CycleView {
  id: string;
  name: string;
  startDate: string;
  endDate: string;
  status: "open" | "closed";
  isCurrent: boolean;
}

export interface GoalView {
  id: string;
  ownerId: string;
  cycleId: string;
  title: string;
  description: string;
  dueDate: string | null;
  visibility: Visibility;
  parentId: string | null;
  weight: number;
  isTopLevel: boolean;
  keyResults: KeyResult[];
  status: GoalStatus;
  progress: number;
  smart: SmartResult;
  approverId: string | null;
  flags: GoalFlag[];
  createdAt: string;
  updatedAt: string;
  etag: string;
}

/** Key results as written: the server assigns ids to new ones and keeps the ids it is given. */
export type KeyResultInput = KeyResult extends infer K ? (K extends { id: string } ? Omit<K, "id"> & { id?: string } : never) : never;

export interface GoalInput {
  cycleId: string;
  title: string;
  description: string;
  dueDate: string | null;
  visibility: Visibility;
  parentId: string | null;
  weight: number;
  keyResults: KeyResultInput[];
  isTopLevel?: boolean;
}

export type GoalPatch = Partial<Omit<GoalInput, "cycleId">>;

export interface ParentOption {
  goal: { id: string; title: string; ownerId: string; status: GoalStatus };
  owner: PersonSummary;
  /** 1 = the caller's manager, 2 = the manager's manager, and so on. */
  distance: number;
  isOrganisationGoal: boolean;
}

export interface HistoryEntry {
  id: string;
  goalId: string;
  at: string;
  actorId: string;
  action: string;
  comment: string | null;
  changes: Record<string, { from: unknown; to: unknown }>;
}

export interface ItemList<T> {
  items: T[];
}
