/** The read-only views of the org: a manager's dashboard and the org chart overlaid with goals. */
import { z } from "zod";
import { idSchema, type Confidence, type PersonSummary, type Visibility } from "./common.js";
import type { GoalFlag, GoalStatus } from "./goal-states.js";

/** Pinning a manager's dashboard to a channel: a Teams team is named by its Microsoft 365 group id. */
export const pinDashboardSchema = z.strictObject({ teamId: idSchema });

export type RiskReason = "confidence" | "behind";

export interface CycleSummary {
  id: string;
  name: string;
  startDate: string;
  endDate: string;
}

export interface DashboardFigures {
  people: number;
  /** Goals of the cycle that are not drafts, rejected or cancelled. */
  goals: number;
  activeGoals: number;
  /** Share of people with at least one aligned active (or completed) goal. */
  coverage: number;
  /** Mean progress of the active goals; 0 when there are none. */
  averageProgress: number;
  atRisk: number;
  /** Share of active goals with a check-in within 7 and within 14 days. */
  checkedInWithin7Days: number;
  checkedInWithin14Days: number;
  pendingApprovals: number;
}

export interface AtRiskGoal {
  id: string;
  title: string;
  ownerId: string;
  ownerName: string;
  progress: number;
  reason: RiskReason;
  /** Channel viewers outside the manager's chain see public goals only. */
  visibility: Visibility;
}

export interface Dashboard {
  manager: PersonSummary;
  cycle: CycleSummary;
  asOf: string;
  elapsedShare: number;
  summary: DashboardFigures;
  byStatus: Record<GoalStatus, number>;
  directReports: Array<{ person: PersonSummary; figures: DashboardFigures }>;
  /** Most behind first. */
  atRiskGoals: AtRiskGoal[];
}

/** A goal as the cascade views list it. */
export interface GoalSummary {
  id: string;
  ownerId: string;
  /** The owner's name when indexed: the only name left once someone is deleted from the directory. */
  ownerName: string;
  cycleId: string;
  parentId: string | null;
  isTopLevel: boolean;
  status: GoalStatus;
  title: string;
  weight: number;
  visibility: Visibility;
  flags: GoalFlag[];
  /** The goal's own key-result progress, 0–1. */
  progress: number;
  confidence: Confidence | null;
  lastCheckInAt: string | null;
  dueDate: string | null;
  updatedAt: string;
}

export interface CascadePerson {
  id: string;
  displayName: string;
  jobTitle: string | null;
  department: string | null;
  /** Null for the root of the view. */
  managerId: string | null;
  isEnabled: boolean;
  /** Deleted from the directory; known only through their goals. */
  hasLeft: boolean;
}

export interface BranchFigures {
  people: number;
  covered: number;
  coverage: number;
  goals: number;
  orphans: number;
  whiteSpace: number;
  atRisk: number;
  needsRealignment: number;
  ownerLeft: number;
  /** Weighted progress of the branch's goals that are under way or closed as done or missed. */
  progress: number;
}

export interface GoalInsight extends GoalSummary {
  rolledUpProgress: number;
  isAtRisk: boolean;
  riskReason: RiskReason | null;
  isOrphan: boolean;
  isWhiteSpace: boolean;
  /** Goals aligned to this one among those in the view. */
  alignedCount: number;
}

export interface OrgCascadeNode {
  person: Omit<CascadePerson, "managerId">;
  managerId: string | null;
  depth: number;
  /** Direct reports included in this answer. */
  reportIds: string[];
  /** Direct reports in the org chart, included or not. */
  reportsCount: number;
  figures: BranchFigures;
  goals: GoalInsight[];
}

export interface GoalRef {
  id: string;
  title: string;
  ownerId: string;
  ownerName: string;
  status: GoalStatus;
  progress: number;
}

export interface OrgCascade {
  rootId: string;
  cycle: CycleSummary;
  asOf: string;
  elapsedShare: number;
  /** True when the viewer manages the root (or is the root): private goals are included. */
  isManagerView: boolean;
  /** Deepest level included; levels beyond it were cut by `depth` or by the most people one answer holds. */
  depth: number;
  isTruncated: boolean;
  nodes: OrgCascadeNode[];
  orphans: GoalRef[];
  whiteSpace: GoalRef[];
  atRisk: GoalRef[];
  needsRealignment: GoalRef[];
}

/** Someone on the way from the root of a search down to a match. */
export interface OrgPathStep {
  id: string;
  displayName: string;
}

export interface OrgSearchPerson {
  person: Omit<CascadePerson, "managerId" | "hasLeft">;
  /** From the search's root down to the person's manager (empty for the root). */
  path: OrgPathStep[];
}

export interface OrgSearchGoal {
  id: string;
  title: string;
  status: GoalStatus;
  ownerId: string;
  ownerName: string;
  /** From the search's root down to the owner's manager (empty for the root's own goals). */
  path: OrgPathStep[];
}

/** GET /api/org/{personId}/search: people and goals of one cycle in the subtree whose names or titles
 * hold every word searched. People are searched in the whole subtree (at most `limit`); goals one page
 * of teams at a time, `continuation` asking for the next. */
export interface OrgSearch {
  rootId: string;
  cycle: CycleSummary;
  query: string;
  people: OrgSearchPerson[];
  /** More people match than are listed: a longer search narrows them down. */
  hasMorePeople: boolean;
  goals: OrgSearchGoal[];
  /** Pass back as `continuation` to search the goals of the teams not searched yet; null when all were. */
  continuation: string | null;
}

/** A goal in the alignment tree (GET /api/alignment). */
export interface AlignmentNode {
  goal: Omit<GoalSummary, "ownerName">;
  owner: { id: string; displayName: string; jobTitle: string | null };
  /** The goal's own key results count as one item of weight 1 beside each goal aligned below it, weighted
   * by its own weight; goals not under way (drafts, waiting, rejected, cancelled) do not pull it down. */
  rolledUpProgress: number;
  isAtRisk: boolean;
  riskReason: RiskReason | null;
  /** Goals aligned to this one directly, whoever may see them: its branch opens with `?root=` its id. */
  alignedCount: number;
}

/** One level of the alignment tree, a page at a time: the goals aligned to `parent`, or (parent null)
 * the organisation goals of the cycle; in title order. */
export interface AlignmentLevel {
  cycle: CycleSummary;
  asOf: string;
  parent: AlignmentNode | null;
  items: AlignmentNode[];
  /** Goals of this level the viewer may not see (private goals outside what they manage). */
  hiddenCount: number;
  nextCursor: string | null;
}
