/** The goal editor's form state and its conversions to and from the API. Numbers stay text while
 * the person types ("", "-", "1.") and are parsed only when the form is checked or sent. */
import { MAX_KEY_RESULTS, WEIGHT_MAX, type SmartDraft } from "../../../functions/src/contracts/index.js";
import type { CycleView, GoalInput, GoalPatch, GoalView, KeyResult, KeyResultInput, UnitKind, Visibility } from "../api/types.js";

export { MAX_KEY_RESULTS };
export const MIN_KEY_RESULTS = 1;
/** A weight of 0 keeps a goal on the list without counting it towards overall progress. */
export const MIN_WEIGHT = 0;
export const MAX_WEIGHT = WEIGHT_MAX;

/** A new goal as the editor sends it: every field the author can set is there. */
export type GoalFormInput = GoalInput & Pick<GoalView, "description" | "dueDate" | "visibility" | "parentId" | "weight">;

export interface KeyResultForm {
  /** Stable identity for rendering, also for rows the server has not seen yet. */
  key: string;
  id?: string;
  title: string;
  kind: KeyResult["kind"];
  start: string;
  target: string;
  current: string;
  unitKind: UnitKind;
  unit: string;
  currency: string;
  done: boolean;
}

export interface GoalForm {
  title: string;
  description: string;
  dueDate: string;
  visibility: Visibility;
  parentId: string | null;
  isTopLevel: boolean;
  weight: string;
  keyResults: KeyResultForm[];
}

let lastKey = 0;

export function createKeyResultForm(kind: KeyResult["kind"] = "increase"): KeyResultForm {
  lastKey += 1;
  return { key: `new-${lastKey}`, title: "", kind, start: "0", target: "", current: "0", unitKind: "text", unit: "", currency: "", done: false };
}

export function createEmptyForm(cycle: Pick<CycleView, "endDate"> | null): GoalForm {
  return {
    title: "",
    description: "",
    dueDate: cycle?.endDate ?? "",
    visibility: "public",
    parentId: null,
    isTopLevel: false,
    weight: "1",
    keyResults: [createKeyResultForm()],
  };
}

function formatNumber(value: number | undefined): string {
  return value === undefined || !Number.isFinite(value) ? "" : String(value);
}

export function formFromGoal(goal: GoalView): GoalForm {
  return {
    title: goal.title,
    description: goal.description,
    dueDate: goal.dueDate ?? "",
    visibility: goal.visibility,
    parentId: goal.parentId,
    isTopLevel: goal.isTopLevel,
    weight: formatNumber(goal.weight),
    keyResults: goal.keyResults.map(formFromKeyResult),
  };
}

function formFromKeyResult(kr: KeyResult): KeyResultForm {
  const identity = { key: kr.id, id: kr.id, title: kr.title, kind: kr.kind };
  if (kr.kind === "milestone") return { ...identity, start: "0", target: "", current: "0", unitKind: "text", unit: "", currency: "", done: kr.done };
  return {
    ...identity,
    start: formatNumber(kr.start),
    target: formatNumber(kr.target),
    current: formatNumber(kr.current),
    unitKind: kr.unitKind,
    unit: kr.unit ?? "",
    currency: kr.currency ?? "",
    done: false,
  };
}

/** The unit fields the API takes for the chosen unit kind; the others are left out. */
function toUnitInput(form: KeyResultForm): { unitKind: UnitKind; unit?: string; currency?: string } {
  if (form.unitKind === "currency") return { unitKind: "currency", currency: form.currency.trim().toUpperCase() };
  if (form.unitKind === "percent") return { unitKind: "percent" };
  const unit = form.unit.trim();
  return { unitKind: "text", ...(unit ? { unit } : {}) };
}

/** Empty text is not zero: it parses to NaN so the checks can say the number is missing. */
export function parseNumber(text: string): number {
  const trimmed = text.trim();
  return trimmed === "" ? Number.NaN : Number(trimmed);
}

export function toKeyResultInput(form: KeyResultForm): KeyResultInput {
  const identity = form.id ? { id: form.id } : {};
  const title = form.title.trim();
  if (form.kind === "milestone") return { ...identity, title, kind: "milestone", done: form.done };
  return {
    ...identity,
    title,
    kind: form.kind,
    start: parseNumber(form.start),
    target: parseNumber(form.target),
    current: parseNumber(form.current),
    ...toUnitInput(form),
  };
}

export function toGoalInput(form: GoalForm, cycleId: string): GoalFormInput {
  return {
    cycleId,
    title: form.title.trim(),
    description: form.description.trim(),
    dueDate: form.dueDate || null,
    visibility: form.visibility,
    parentId: form.isTopLevel ? null : form.parentId,
    weight: parseNumber(form.weight),
    keyResults: form.keyResults.map(toKeyResultInput),
    ...(form.isTopLevel ? { isTopLevel: true } : {}),
  };
}

/** The SMART check's view of the form, so hints follow every keystroke. */
export function toSmartDraft(form: GoalForm): SmartDraft {
  const input = toGoalInput(form, "");
  return { ...input, keyResults: input.keyResults.map((kr) => ({ id: "", ...kr }) as KeyResult) };
}

function normaliseKeyResult(kr: KeyResultInput | KeyResult): string {
  return JSON.stringify(kr.kind === "milestone"
    ? [kr.id ?? null, kr.title, kr.kind, kr.done]
    : [kr.id ?? null, kr.title, kr.kind, kr.start, kr.target, kr.current, kr.unitKind, kr.unit ?? null, kr.currency ?? null]);
}

/** Only what changed, so a save never overwrites fields the person did not touch. */
export function buildGoalPatch(goal: GoalView, form: GoalForm): GoalPatch {
  const next = toGoalInput(form, goal.cycleId);
  const patch: GoalPatch = {};
  if (next.title !== goal.title) patch.title = next.title;
  if (next.description !== goal.description) patch.description = next.description;
  if (next.dueDate !== goal.dueDate) patch.dueDate = next.dueDate;
  if (next.visibility !== goal.visibility) patch.visibility = next.visibility;
  if (next.parentId !== goal.parentId) patch.parentId = next.parentId;
  if (next.weight !== goal.weight) patch.weight = next.weight;
  if (form.isTopLevel !== goal.isTopLevel) patch.isTopLevel = form.isTopLevel;
  const before = goal.keyResults.map(normaliseKeyResult).join("\n");
  const after = next.keyResults.map(normaliseKeyResult).join("\n");
  if (before !== after) patch.keyResults = next.keyResults;
  return patch;
}
