/** The SMART check: tells an author, in plain words, what a goal still lacks before it can be submitted.
 * Pure, shared by the API (on every read) and the tab (inline hints while typing). */
import { isDirectional, type KeyResult } from "./key-result-rules.js";

/** The fields of a goal the check reads. */
export interface SmartDraft {
  title: string;
  description: string;
  dueDate: string | null;
  parentId: string | null;
  keyResults: KeyResult[];
}

export type SmartCode = "specific_title" | "description" | "measurable_key_result" | "due_date_in_cycle" | "alignment";

export interface SmartIssue {
  code: SmartCode;
  field: "title" | "description" | "keyResults" | "dueDate" | "parentId";
  message: string;
}

export interface SmartResult {
  ok: boolean;
  missing: SmartIssue[];
}

export interface SmartContext {
  cycle: { startDate: string; endDate: string } | null;
  /** True when the goal is marked top-level by someone allowed to set organisation goals. */
  isTopLevel: boolean;
}

const MIN_TITLE_CHARS = 10;
const MIN_TITLE_WORDS = 2;
const MIN_DESCRIPTION_CHARS = 20;

function countWords(text: string): number {
  return text.trim().split(/\s+/).filter(Boolean).length;
}

function isMeasurable(draft: Pick<SmartDraft, "keyResults">): boolean {
  return draft.keyResults.some((kr) =>
    kr.kind === "milestone" ? kr.title.trim().length > 0 : Number.isFinite(kr.start) && Number.isFinite(kr.target) && (!isDirectional(kr.kind) || kr.start !== kr.target),
  );
}

function isDueInCycle(dueDate: string | null, cycle: SmartContext["cycle"]): boolean {
  if (!dueDate || !cycle) return false;
  return dueDate >= cycle.startDate && dueDate <= cycle.endDate;
}

export function checkSmart(draft: SmartDraft, context: SmartContext): SmartResult {
  const missing: SmartIssue[] = [];
  const title = draft.title.trim();
  if (title.length < MIN_TITLE_CHARS || countWords(title) < MIN_TITLE_WORDS) {
    missing.push({ code: "specific_title", field: "title", message: "Give the goal a specific title of a few words that says what will change." });
  }
  if (draft.description.trim().length < MIN_DESCRIPTION_CHARS) {
    missing.push({ code: "description", field: "description", message: "Describe why this goal matters and what done looks like (at least 20 characters)." });
  }
  if (!isMeasurable(draft)) {
    missing.push({ code: "measurable_key_result", field: "keyResults", message: "Add at least one measurable result: a number with a target different from its start, a threshold to keep, or a milestone." });
  }
  if (!isDueInCycle(draft.dueDate, context.cycle)) {
    const range = context.cycle ? ` (${context.cycle.startDate} to ${context.cycle.endDate})` : "";
    missing.push({ code: "due_date_in_cycle", field: "dueDate", message: `Set a due date inside the cycle${range}.` });
  }
  if (draft.parentId === null && !context.isTopLevel) {
    missing.push({ code: "alignment", field: "parentId", message: "Align the goal to one of your manager's goals (or a goal higher up)." });
  }
  return { ok: missing.length === 0, missing };
}
