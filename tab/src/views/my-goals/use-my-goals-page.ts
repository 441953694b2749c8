/** Everything the My goals view decides: which cycle, which panel is open, and the card actions. */
import { useState } from "react";
import type { GoalView } from "../../api/types.js";
import { useGoalActions } from "../../api/use-goal-actions.js";
import { useGoals, useParentOptions } from "../../api/use-goals.js";
import { useMe } from "../../api/use-me.js";
import type { SaveOutcome } from "../../components/GoalEditor/use-goal-editor.js";
import { useGoalDetails } from "../../components/GoalDetailsHost/goal-details-context.js";
import { useNotify, useNotifyFailure } from "../../components/Notify/use-notify.js";
import { useTranslator } from "../../i18n/use-translator.js";
import { usePickedCycle } from "../use-picked-cycle.js";

interface Panel {
  goal: GoalView | null;
  isOpen: boolean;
  /** Changes on every open, so each opening starts from fresh form state. */
  session: number;
}

const CLOSED: Panel = { goal: null, isOpen: false, session: 0 };

export function useMyGoalsPage() {
  const me = useMe();
  const { cycles, cycle, selectCycle } = usePickedCycle();
  const goals = useGoals(cycle?.id ?? null);
  const parentOptions = useParentOptions(cycle?.id ?? null);
  const actions = useGoalActions();
  const notify = useNotify();
  const notifyFailure = useNotifyFailure();
  const { t } = useTranslator();
  const details = useGoalDetails();
  const [editor, setEditor] = useState<Panel>(CLOSED);
  const [deletion, setDeletion] = useState<Panel & { isDeleting: boolean }>({ ...CLOSED, isDeleting: false });
  const [submittingId, setSubmittingId] = useState<string | null>(null);
  const managerName = me.data?.manager?.displayName;

  const openEditor = (goal: GoalView | null) => setEditor((panel) => ({ goal, isOpen: true, session: panel.session + 1 }));
  const closeEditor = () => setEditor((panel) => ({ ...panel, isOpen: false }));
  const showDetails = (goal: GoalView) => details.openGoal(goal.id);
  const askToDelete = (goal: GoalView) => setDeletion((panel) => ({ goal, isOpen: true, session: panel.session + 1, isDeleting: false }));
  const cancelDelete = () => setDeletion((panel) => ({ ...panel, isOpen: false }));

  const announceSubmitted = () =>
    notify(t("myGoals.submitted"), { body: managerName ? t("myGoals.submitted.body", { manager: managerName }) : undefined });

  const onEditorSaved = (_goal: GoalView, outcome: SaveOutcome) => {
    closeEditor();
    if (outcome === "submitted") announceSubmitted();
    else notify(t("myGoals.saved"));
  };

  const submitGoal = async (goal: GoalView) => {
    setSubmittingId(goal.id);
    try {
      await actions.submitGoal(goal.id);
      announceSubmitted();
    } catch (error) {
      notifyFailure(t("myGoals.notSubmitted"), error);
    } finally {
      setSubmittingId(null);
    }
  };

  const confirmDelete = async () => {
    if (!deletion.goal) return;
    setDeletion((panel) => ({ ...panel, isDeleting: true }));
    try {
      await actions.deleteGoal(deletion.goal.id);
      setDeletion((panel) => ({ ...panel, isOpen: false, isDeleting: false }));
      notify(t("myGoals.deleted"));
    } catch (error) {
      setDeletion((panel) => ({ ...panel, isDeleting: false }));
      notifyFailure(t("myGoals.notDeleted"), error);
    }
  };

  return {
    me, cycles, cycle, goals, parentOptions, editor, deletion, submittingId,
    selectCycle, openEditor, closeEditor, onEditorSaved, showDetails,
    askToDelete, cancelDelete, confirmDelete, submitGoal,
  };
}
