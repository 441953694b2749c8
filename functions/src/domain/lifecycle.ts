/** The goal status lifecycle. Every status change in the app goes through `assertTransition`. */
import { AppError } from "./errors.js";
import type { GoalStatus } from "./types.js";

const TRANSITIONS: Record<GoalStatus, readonly GoalStatus[]> = {
  draft: ["pending_approval", "active"],
  pending_approval: ["active", "changes_requested", "rejected", "draft"],
  changes_requested: ["pending_approval", "active", "draft"],
  rejected: ["draft"],
  active: ["pending_approval", "completed", "missed", "cancelled"],
  completed: [],
  missed: [],
  cancelled: [],
};

export const EDITABLE_STATUSES: readonly GoalStatus[] = ["draft", "changes_requested", "rejected", "active"];
export const CLOSED_STATUSES: readonly GoalStatus[] = ["completed", "missed", "cancelled"];

export function canTransition(from: GoalStatus, to: GoalStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function assertTransition(from: GoalStatus, to: GoalStatus): void {
  if (!canTransition(from, to)) {
    throw new AppError("invalid_transition", `A goal that is ${describeStatus(from)} cannot become ${describeStatus(to)}.`, { extra: { from, to } });
  }
}

export function isEditable(status: GoalStatus): boolean {
  return EDITABLE_STATUSES.includes(status);
}

const PLAIN: Record<GoalStatus, string> = {
  draft: "a draft",
  pending_approval: "waiting for approval",
  active: "active",
  changes_requested: "waiting for changes",
  rejected: "not approved",
  completed: "completed",
  missed: "missed",
  cancelled: "cancelled",
};

export function describeStatus(status: GoalStatus): string {
  return PLAIN[status];
}
