/** Plain-language words for goal states, and what an owner may do in each. */
import type { GoalStatus } from "../api/types.js";
import type { Translator } from "../i18n/translator.js";

export type BadgeColor = "brand" | "danger" | "important" | "informative" | "severe" | "subtle" | "success" | "warning";

interface StatusInfo {
  label: string;
  description: string;
  color: BadgeColor;
}

const STATUS_COLORS: Record<GoalStatus, BadgeColor> = {
  draft: "informative",
  pending_approval: "warning",
  active: "brand",
  changes_requested: "severe",
  rejected: "danger",
  completed: "success",
  missed: "danger",
  cancelled: "subtle",
};

export function describeStatus(status: GoalStatus, tr: Translator): StatusInfo {
  return { label: tr.t(`status.${status}`), description: tr.t(`status.${status}.description`), color: STATUS_COLORS[status] };
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
