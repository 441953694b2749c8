/** The states a goal moves through, its flags and the actor name of org-chart changes: plain
 * values the domain and the tab share without loading the schemas. */
export const GOAL_STATUSES = ["draft", "pending_approval", "active", "changes_requested", "rejected", "completed", "missed", "cancelled"] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

export type GoalFlag = "needs_realignment" | "owner_left" | "cross_chain";

/** Who a goal's history names as acting when the org chart, not a person, changed the goal. */
export const ORG_CHART_ACTOR = "org-chart";

/** How a closed goal ended. */
export const CLOSE_OUTCOMES = ["completed", "missed", "cancelled"] as const;
export type CloseOutcome = (typeof CLOSE_OUTCOMES)[number];
