/** Audit entries in plain words. */
import type { HistoryEntry, PersonSummary } from "../api/types.js";
import { nameKnownPerson } from "./goal-feedback.js";
import { describeStatus } from "./goal-status.js";
import { GOAL_STATUSES } from "../../../functions/src/domain/types.js";
import { ORG_CHART_ACTOR } from "../../../functions/src/domain/reorg-rules.js";

const ACTION_LABELS: Record<string, string> = {
  created: "created the goal",
  updated: "edited the goal",
  edited: "edited the goal",
  resubmitted: "sent it back for approval after a change",
  activated: "started it",
  owner_changed: "gave it to someone else",
  unflagged: "cleared a warning",
  deleted: "deleted it",
  submitted: "sent it for approval",
  approved: "approved it",
  changes_requested: "asked for changes",
  request_changes: "asked for changes",
  rejected: "did not approve it",
  reject: "did not approve it",
  approve: "approved it",
  checked_in: "checked in",
  checkin: "checked in",
  completed: "marked it done",
  missed: "marked it missed",
  cancelled: "cancelled it",
  realigned: "changed what it aligns to",
  reassigned: "moved the approval",
  flagged: "flagged it for attention",
};

const FIELD_LABELS: Record<string, string> = {
  title: "Title",
  description: "Description",
  dueDate: "Due date",
  visibility: "Who can see it",
  parentId: "Aligned to",
  weight: "Weight",
  keyResults: "Results",
  status: "Status",
  isTopLevel: "Organisation goal",
  approverId: "Approver",
  flags: "Warnings",
  ownerId: "Owner",
};

export function describeAction(action: string): string {
  return ACTION_LABELS[action] ?? action.replace(/[_.-]+/g, " ").trim().toLowerCase();
}

export function describeField(field: string): string {
  return FIELD_LABELS[field] ?? field.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
}

function isStatus(value: unknown): value is (typeof GOAL_STATUSES)[number] {
  return typeof value === "string" && (GOAL_STATUSES as readonly string[]).includes(value);
}

export function describeValue(field: string, value: unknown): string {
  if (value === null || value === undefined || value === "") return "nothing";
  if (field === "status" && isStatus(value)) return describeStatus(value).label;
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (Array.isArray(value)) return value.length === 1 ? "1 item" : `${value.length} items`;
  if (typeof value === "object") return "changed";
  const text = String(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

export interface ChangeLine {
  field: string;
  from: string;
  to: string;
}

export function describeChanges(entry: HistoryEntry): ChangeLine[] {
  return Object.entries(entry.changes ?? {}).map(([field, change]) => ({
    field: describeField(field),
    from: describeValue(field, change?.from),
    to: describeValue(field, change?.to),
  }));
}

/** "You", the manager by name, or a neutral word when the tab does not know the person. */
export function describeActor(actorId: string, me: PersonSummary, known: readonly PersonSummary[]): string {
  if (actorId === ORG_CHART_ACTOR) return "A change in the org chart";
  return nameKnownPerson(actorId, me.id, known) ?? "A colleague";
}
