/** Plain-language words for goal states, and what an owner may do in each. */
import type { GoalStatus } from "../api/types.js";

export type BadgeColor = "brand" | "danger" | "important" | "informative" | "severe" | "subtle" | "success" | "warning";

interface StatusInfo {
  label: string;
  description: string;
  color: BadgeColor;
}

const STATUS_INFO: Record<GoalStatus, StatusInfo> = {
  draft: { label: "Draft", description: "Only you can see this until you send it for approval.", color: "informative" },
  pending_approval: { label: "Waiting for approval", description: "Your manager has been asked to approve it.", color: "warning" },
  active: { label: "In progress", description: "Approved. Keep the results up to date.", color: "brand" },
  changes_requested: { label: "Needs changes", description: "Your manager asked for changes. Edit it and send it again.", color: "severe" },
  rejected: { label: "Not approved", description: "Your manager did not approve this goal.", color: "danger" },
  completed: { label: "Done", description: "This goal was achieved.", color: "success" },
  missed: { label: "Missed", description: "The cycle ended before this goal was achieved.", color: "danger" },
  cancelled: { label: "Cancelled", description: "This goal was stopped.", color: "subtle" },
};

export function describeStatus(status: GoalStatus): StatusInfo {
  return STATUS_INFO[status];
}

const EDITABLE: ReadonlySet<GoalStatus> = new Set(["draft", "pending_approval", "changes_requested", "active"]);
const SUBMITTABLE: ReadonlySet<GoalStatus> = new Set(["draft", "changes_requested"]);

export function canEditGoal(status: GoalStatus): boolean {
  return EDITABLE.has(status);
}

export function canSubmitGoal(status: GoalStatus): boolean {
  return SUBMITTABLE.has(status);
}

export function canDeleteGoal(status: GoalStatus): boolean {
  return status === "draft";
}

/** Editing these on an approved goal sends it back to the manager, so the editor warns first. */
export function needsReapprovalWarning(status: GoalStatus): boolean {
  return status === "active";
}
