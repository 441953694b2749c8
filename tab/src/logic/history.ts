/** Audit entries in plain words. */
import type { HistoryEntry, PersonSummary } from "../api/types.js";
import { nameKnownPerson } from "./goal-feedback.js";
import { describeStatus } from "./goal-status.js";
import type { MessageId, Translator } from "../i18n/translator.js";
import { CONFIDENCES } from "../../../functions/src/contracts/common.js";
import { GOAL_STATUSES, ORG_CHART_ACTOR } from "../../../functions/src/contracts/goals.js";

/** Audit actions, some under an older name too, and the message that says each. */
const ACTION_MESSAGES = {
  created: "history.action.created",
  updated: "history.action.edited",
  edited: "history.action.edited",
  resubmitted: "history.action.resubmitted",
  activated: "history.action.activated",
  owner_changed: "history.action.owner_changed",
  unflagged: "history.action.unflagged",
  deleted: "history.action.deleted",
  submitted: "history.action.submitted",
  approved: "history.action.approved",
  approve: "history.action.approved",
  changes_requested: "history.action.changes_requested",
  request_changes: "history.action.changes_requested",
  rejected: "history.action.rejected",
  reject: "history.action.rejected",
  checked_in: "history.action.checked_in",
  checkin: "history.action.checked_in",
  completed: "history.action.completed",
  missed: "history.action.missed",
  cancelled: "history.action.cancelled",
  realigned: "history.action.realigned",
  reassigned: "history.action.reassigned",
  flagged: "history.action.flagged",
} as const satisfies Record<string, MessageId>;

const FIELD_MESSAGES = {
  title: "history.field.title",
  description: "history.field.description",
  dueDate: "history.field.dueDate",
  visibility: "history.field.visibility",
  parentId: "history.field.parentId",
  weight: "history.field.weight",
  keyResults: "history.field.keyResults",
  status: "history.field.status",
  isTopLevel: "history.field.isTopLevel",
  approverId: "history.field.approverId",
  flags: "history.field.flags",
  ownerId: "history.field.ownerId",
  confidence: "history.field.confidence",
} as const satisfies Record<string, MessageId>;

/** A check-in's change to one key result: `keyResults.{id}.current` or `keyResults.{id}.done`. */
const KEY_RESULT_FIELD = /^keyResults\.([^.]+)\.(current|done)$/;

/** The goal's key results by id, to name the one a change was made to. */
export type KeyResultTitles = ReadonlyMap<string, string>;

function lookUp<T extends Record<string, MessageId>>(table: T, key: string): MessageId | null {
  return Object.hasOwn(table, key) ? (table[key as keyof T] as MessageId) : null;
}

export function describeAction(action: string, tr: Translator): string {
  const id = lookUp(ACTION_MESSAGES, action);
  return id ? tr.t(id) : tr.t("history.action.other", { action: action.replace(/[_.-]+/g, " ").trim().toLowerCase() });
}

export function describeField(field: string, tr: Translator, keyResults: KeyResultTitles = new Map()): string {
  const keyResult = KEY_RESULT_FIELD.exec(field);
  if (keyResult) {
    // A key result removed since keeps its place under the goal's results.
    const title = keyResults.get(keyResult[1]!) ?? tr.t("history.field.keyResults");
    return tr.t(keyResult[2] === "done" ? "history.field.keyResult.done" : "history.field.keyResult.current", { title });
  }
  const id = lookUp(FIELD_MESSAGES, field);
  return id ? tr.t(id) : field.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
}

function isStatus(value: unknown): value is (typeof GOAL_STATUSES)[number] {
  return typeof value === "string" && (GOAL_STATUSES as readonly string[]).includes(value);
}

function isConfidence(value: unknown): value is (typeof CONFIDENCES)[number] {
  return typeof value === "string" && (CONFIDENCES as readonly string[]).includes(value);
}

export function describeValue(field: string, value: unknown, tr: Translator): string {
  if (value === null || value === undefined || value === "") return tr.t("history.value.nothing");
  if (field === "status" && isStatus(value)) return describeStatus(value, tr).label;
  if (field === "confidence" && isConfidence(value)) return tr.t(`confidence.${value}`);
  if (typeof value === "boolean") return tr.t(value ? "history.value.yes" : "history.value.no");
  if (Array.isArray(value)) return tr.t("history.value.items", { count: value.length });
  if (typeof value === "object") return tr.t("history.value.changed");
  if (typeof value === "number") return tr.formatNumber(value);
  const text = String(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

export interface ChangeLine {
  field: string;
  from: string;
  to: string;
}

export function describeChanges(entry: HistoryEntry, tr: Translator, keyResults: KeyResultTitles = new Map()): ChangeLine[] {
  return Object.entries(entry.changes ?? {}).map(([field, change]) => ({
    field: describeField(field, tr, keyResults),
    from: describeValue(field, change?.from, tr),
    to: describeValue(field, change?.to, tr),
  }));
}

/** "You", the manager by name, or a neutral word when the tab does not know the person. */
export function describeActor(actorId: string, me: PersonSummary, known: readonly PersonSummary[], tr: Translator): string {
  if (actorId === ORG_CHART_ACTOR) return tr.t("history.actor.orgChart");
  return nameKnownPerson(actorId, me.id, known, tr) ?? tr.t("person.colleague");
}
