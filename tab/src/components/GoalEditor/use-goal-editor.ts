/** State of one goal editor session: the form, inline SMART hints, server field errors, the
 * stale-edit conflict, and saving or sending for approval. */
import { useMemo, useState } from "react";
import { checkSmart, type SmartResult } from "../../../../functions/src/contracts/smart.js";
import { ApiError } from "../../api/client.js";
import type { CycleView, GoalView } from "../../api/types.js";
import { useGoalActions } from "../../api/use-goal-actions.js";
import { hasErrors, mapProblemToFields, validateGoalForm, type FieldErrors } from "../../logic/form-errors.js";
import { buildGoalPatch, createEmptyForm, formFromGoal, toGoalInput, toSmartDraft, type GoalForm } from "../../logic/goal-form.js";
import { clearFieldErrors, pickFieldFeedback, type FieldFeedback } from "../../logic/goal-form-edits.js";
import { describeError } from "../../i18n/describe-error.js";
import { indexSmartHints } from "../../logic/smart-criteria.js";
import { useTranslator } from "../../i18n/use-translator.js";

export type SaveOutcome = "saved" | "submitted";
type Busy = "saving" | "submitting" | "reloading" | null;

export interface GoalEditorOptions {
  goal: GoalView | null;
  cycle: CycleView;
  onSaved: (goal: GoalView, outcome: SaveOutcome) => void;
}

export interface GoalEditorState {
  form: GoalForm;
  base: GoalView | null;
  smart: SmartResult;
  generalErrors: string[];
  hasConflict: boolean;
  busy: Busy;
  /** Grows each time a save is refused for field errors, so the form can move focus to the first. */
  fieldErrorRevision: number;
  change: (update: (form: GoalForm) => GoalForm, paths: string[]) => void;
  feedbackFor: (path: string, smartField?: keyof ReturnType<typeof indexSmartHints>) => FieldFeedback;
  save: (andSubmit: boolean) => Promise<void>;
  reload: () => Promise<void>;
}

const ALL_FIELDS = "*";

export function useGoalEditor({ goal, cycle, onSaved }: GoalEditorOptions): GoalEditorState {
  const actions = useGoalActions();
  const tr = useTranslator();
  const [base, setBase] = useState<GoalView | null>(goal);
  const [form, setForm] = useState<GoalForm>(() => (goal ? formFromGoal(goal) : createEmptyForm(cycle)));
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set(goal ? [ALL_FIELDS] : []));
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [generalErrors, setGeneralErrors] = useState<string[]>([]);
  const [hasConflict, setHasConflict] = useState(false);
  const [busy, setBusy] = useState<Busy>(null);
  const [fieldErrorRevision, setFieldErrorRevision] = useState(0);
  const smart = useMemo(() => checkSmart(toSmartDraft(form), { cycle, isTopLevel: form.isTopLevel }), [form, cycle]);
  const smartHints = useMemo(() => indexSmartHints(smart, tr), [smart, tr]);

  const change: GoalEditorState["change"] = (update, paths) => {
    setForm(update);
    setFieldErrors((errors) => clearFieldErrors(errors, paths));
    setTouched((fields) => new Set([...fields, ...paths]));
  };

  const feedbackFor: GoalEditorState["feedbackFor"] = (path, smartField) =>
    pickFieldFeedback(fieldErrors[path], smartField && smartHints[smartField], touched.has(ALL_FIELDS) || touched.has(path));

  const showFieldErrors = (errors: FieldErrors) => {
    setFieldErrors(errors);
    if (hasErrors(errors)) setFieldErrorRevision((revision) => revision + 1);
  };

  const showProblem = (error: unknown) => {
    if (error instanceof ApiError && error.status === 412) return setHasConflict(true);
    if (!(error instanceof ApiError) || error.status !== 400) return setGeneralErrors([describeError(error, tr)]);
    const mapped = mapProblemToFields(error.problem);
    showFieldErrors(mapped.fieldErrors);
    setGeneralErrors(mapped.generalErrors);
    setTouched(new Set([ALL_FIELDS]));
  };

  const writeGoal = async (): Promise<GoalView> => {
    if (!base) return actions.createGoal(toGoalInput(form, cycle.id));
    const patch = buildGoalPatch(base, form);
    return Object.keys(patch).length === 0 ? base : actions.updateGoal(base.id, base.etag, patch);
  };

  const save = async (andSubmit: boolean) => {
    const localErrors = validateGoalForm(form, tr);
    setTouched(new Set([ALL_FIELDS]));
    if (hasErrors(localErrors)) return showFieldErrors(localErrors);
    if (andSubmit && !smart.ok) return;
    setBusy(andSubmit ? "submitting" : "saving");
    setGeneralErrors([]);
    try {
      const saved = await writeGoal();
      // From here on the goal exists: a failed submit must not create it a second time.
      setBase(saved);
      setForm(formFromGoal(saved));
      onSaved(andSubmit ? await actions.submitGoal(saved.id) : saved, andSubmit ? "submitted" : "saved");
    } catch (error) {
      showProblem(error);
    } finally {
      setBusy(null);
    }
  };

  const reload = async () => {
    if (!base) return;
    setBusy("reloading");
    try {
      const fresh = await actions.fetchGoal(base.id);
      setBase(fresh);
      setForm(formFromGoal(fresh));
      setFieldErrors({});
      setGeneralErrors([]);
      setHasConflict(false);
    } catch (error) {
      showProblem(error);
    } finally {
      setBusy(null);
    }
  };

  return { form, base, smart, generalErrors, hasConflict, busy, fieldErrorRevision, change, feedbackFor, save, reload };
}
