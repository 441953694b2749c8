/** Writing or changing a goal, in a panel beside the list. */
import { Button, DrawerBody, DrawerFooter, DrawerHeader, DrawerHeaderTitle, OverlayDrawer, Spinner, Tooltip } from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import { useEffect, useRef, type FormEvent } from "react";
import type { CycleView, GoalView } from "../../api/types.js";
import { canSubmitGoal, needsReapprovalWarning } from "../../logic/goal-status.js";
import { GoalDetailsFields } from "../GoalDetailsFields/GoalDetailsFields.js";
import { GoalEditorNotices } from "../GoalEditorNotices/GoalEditorNotices.js";
import { KeyResultsEditor } from "../KeyResultsEditor/KeyResultsEditor.js";
import { ParentPicker } from "../ParentPicker/ParentPicker.js";
import { SmartChecklist } from "../SmartChecklist/SmartChecklist.js";
import { useGoalEditorStyles } from "./GoalEditor.styles.js";
import { useGoalEditor, type SaveOutcome } from "./use-goal-editor.js";
import { useTranslator } from "../../i18n/use-translator.js";
import { useReturnFocus } from "../ReturnFocus/use-return-focus.js";

const FORM_ID = "goal-editor-form";

export interface GoalEditorProps {
  isOpen: boolean;
  goal: GoalView | null;
  cycle: CycleView;
  canSetTopLevel: boolean;
  onClose: () => void;
  onSaved: (goal: GoalView, outcome: SaveOutcome) => void;
}

export function GoalEditor({ isOpen, goal, cycle, canSetTopLevel, onClose, onSaved }: GoalEditorProps) {
  const styles = useGoalEditorStyles();
  const { t } = useTranslator();
  const editor = useGoalEditor({ goal, cycle, onSaved });
  const { base, busy, smart, fieldErrorRevision } = editor;
  const canSubmit = !base || canSubmitGoal(base.status);
  const isBusy = busy !== null;
  const formRef = useRef<HTMLFormElement>(null);
  useReturnFocus(isOpen);

  useEffect(() => {
    if (fieldErrorRevision > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [fieldErrorRevision]);

  const saveDraft = (event: FormEvent) => {
    event.preventDefault();
    void editor.save(false);
  };

  return (
    <OverlayDrawer className={styles.drawer} open={isOpen} position="end" size="medium" onOpenChange={(_event, data) => !data.open && !isBusy && onClose()}>
      <DrawerHeader>
        <DrawerHeaderTitle action={<Button appearance="subtle" aria-label={t("common.close")} icon={<DismissRegular />} onClick={onClose} disabled={isBusy} />}>
          {base ? t("goalEditor.editTitle") : t("goalEditor.newTitle")}
        </DrawerHeaderTitle>
      </DrawerHeader>
      <DrawerBody>
        <form id={FORM_ID} ref={formRef} className={styles.body} onSubmit={saveDraft} noValidate>
          <GoalEditorNotices
            hasConflict={editor.hasConflict}
            generalErrors={editor.generalErrors}
            isActiveGoal={base !== null && needsReapprovalWarning(base.status)}
            isBusy={isBusy}
            onReload={() => void editor.reload()}
          />
          <GoalDetailsFields editor={editor} cycle={cycle} />
          <ParentPicker editor={editor} cycle={cycle} canSetTopLevel={canSetTopLevel} />
          <KeyResultsEditor editor={editor} />
          {canSubmit && <SmartChecklist smart={smart} />}
        </form>
      </DrawerBody>
      <DrawerFooter className={styles.footer}>
        <Button appearance="primary" type="submit" form={FORM_ID} disabled={isBusy} icon={busy === "saving" ? <Spinner size="tiny" /> : undefined}>
          {base ? t("goalEditor.saveChanges") : t("goalEditor.saveDraft")}
        </Button>
        {canSubmit && (
          <Tooltip content={smart.ok ? t("goalEditor.submit.ready") : t("goalEditor.submit.notReady")} relationship="description">
            <Button
              disabledFocusable={!smart.ok || isBusy}
              icon={busy === "submitting" ? <Spinner size="tiny" /> : undefined}
              onClick={() => void editor.save(true)}
            >
              {t("goalEditor.saveAndSubmit")}
            </Button>
          </Tooltip>
        )}
        <span className={styles.spacer} />
        <Button appearance="subtle" onClick={onClose} disabled={isBusy}>
          {t("common.cancel")}
        </Button>
      </DrawerFooter>
    </OverlayDrawer>
  );
}
