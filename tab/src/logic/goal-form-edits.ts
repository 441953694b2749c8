/** Small, pure edits of the goal form, and the field feedback rules the editor applies. */
import { createKeyResultForm, MAX_KEY_RESULTS, MIN_KEY_RESULTS, type GoalForm, type KeyResultForm } from "./goal-form.js";
import type { FieldErrors } from "./form-errors.js";

export function updateKeyResult(form: GoalForm, index: number, patch: Partial<KeyResultForm>): GoalForm {
  return { ...form, keyResults: form.keyResults.map((kr, position) => (position === index ? { ...kr, ...patch } : kr)) };
}

export function addKeyResult(form: GoalForm, kind: KeyResultForm["kind"] = "increase"): GoalForm {
  if (form.keyResults.length >= MAX_KEY_RESULTS) return form;
  return { ...form, keyResults: [...form.keyResults, createKeyResultForm(kind)] };
}

export function removeKeyResult(form: GoalForm, index: number): GoalForm {
  if (form.keyResults.length <= MIN_KEY_RESULTS) return form;
  return { ...form, keyResults: form.keyResults.filter((_kr, position) => position !== index) };
}

/** Drops the errors an edit has made obsolete: the field itself and anything under it. */
export function clearFieldErrors(errors: FieldErrors, paths: readonly string[]): FieldErrors {
  const remaining = Object.entries(errors).filter(
    ([path]) => !paths.some((changed) => path === changed || path.startsWith(`${changed}.`)),
  );
  return remaining.length === Object.keys(errors).length ? errors : Object.fromEntries(remaining);
}

export interface FieldFeedback {
  validationState?: "error" | "warning";
  validationMessage?: string;
}

/** A server or local error wins; a SMART hint shows once the person has been to the field. */
export function pickFieldFeedback(error: string | undefined, smartHint: string | undefined, isTouched: boolean): FieldFeedback {
  if (error) return { validationState: "error", validationMessage: error };
  if (smartHint && isTouched) return { validationState: "warning", validationMessage: smartHint };
  return {};
}
