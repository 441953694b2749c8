/** Field errors keyed by the same paths the API uses in problem `errors` ("title",
 * "keyResults.0.target"), so local checks and server answers land on the same inputs. */
import type { Problem } from "../api/client.js";
import { describeDirectionProblem, isKnownCurrency } from "../../../functions/src/contracts/key-results.js";
import type { Translator } from "../i18n/translator.js";
import { MAX_WEIGHT, MIN_WEIGHT, parseNumber, type GoalForm, type KeyResultForm } from "./goal-form.js";

export type FieldErrors = Record<string, string>;

export interface MappedProblem {
  fieldErrors: FieldErrors;
  /** Messages that belong to no field on the form. */
  generalErrors: string[];
}

const TOP_FIELDS = new Set(["title", "description", "dueDate", "visibility", "parentId", "weight", "isTopLevel", "keyResults"]);
const KEY_RESULT_FIELDS = new Set(["title", "kind", "start", "target", "current", "unit", "done"]);

/** Accepts "keyResults.0.target", "keyResults[0].target" and JSON-pointer "/keyResults/0/target". */
export function normaliseErrorPath(path: string): string | null {
  const parts = path.replace(/\[(\d+)\]/g, ".$1").split(/[./]/).filter(Boolean);
  const [field, index, subField] = parts;
  if (!field || !TOP_FIELDS.has(field)) return null;
  if (parts.length === 1) return field;
  if (field !== "keyResults" || !index || !/^\d+$/.test(index)) return null;
  if (parts.length === 2) return `keyResults.${index}`;
  return parts.length === 3 && subField && KEY_RESULT_FIELDS.has(subField) ? `keyResults.${index}.${subField}` : null;
}

export function mapProblemToFields(problem: Problem): MappedProblem {
  const fieldErrors: FieldErrors = {};
  const generalErrors: string[] = [];
  for (const error of problem.errors ?? []) {
    const path = normaliseErrorPath(error.path);
    if (path && !(path in fieldErrors)) fieldErrors[path] = error.message;
    else if (!path) generalErrors.push(error.message);
  }
  if (Object.keys(fieldErrors).length === 0 && generalErrors.length === 0) {
    generalErrors.push(problem.detail ?? problem.title);
  }
  return { fieldErrors, generalErrors };
}

function checkKeyResult(kr: KeyResultForm, index: number, errors: FieldErrors, tr: Translator): void {
  const prefix = `keyResults.${index}`;
  if (!kr.title.trim()) errors[`${prefix}.title`] = tr.t("goalForm.error.resultTitle");
  if (kr.kind === "milestone") return;
  for (const field of ["start", "target", "current"] as const) {
    if (!Number.isFinite(parseNumber(kr[field]))) errors[`${prefix}.${field}`] = tr.t("goalForm.error.number");
  }
  const isWrongSide = describeDirectionProblem(kr.kind, parseNumber(kr.start), parseNumber(kr.target)) !== null;
  if (isWrongSide && !errors[`${prefix}.target`]) errors[`${prefix}.target`] = tr.t(kr.kind === "decrease" ? "goalForm.error.targetBelow" : "goalForm.error.targetAbove");
  if (kr.unitKind === "currency" && !isKnownCurrency(kr.currency.trim().toUpperCase())) errors[`${prefix}.currency`] = tr.t("goalForm.error.currency");
}

/** Checks that stop a save (the SMART check only stops a submit). */
export function validateGoalForm(form: GoalForm, tr: Translator): FieldErrors {
  const errors: FieldErrors = {};
  if (!form.title.trim()) errors.title = tr.t("goalForm.error.title");
  const weight = parseNumber(form.weight);
  if (!Number.isFinite(weight) || weight < MIN_WEIGHT || weight > MAX_WEIGHT) errors.weight = tr.t("goalForm.error.weight", { min: MIN_WEIGHT, max: MAX_WEIGHT });
  form.keyResults.forEach((kr, index) => checkKeyResult(kr, index, errors, tr));
  return errors;
}

export function hasErrors(errors: FieldErrors): boolean {
  return Object.keys(errors).length > 0;
}
