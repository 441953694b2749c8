/** Messages at the top of the goal editor: a stale edit, a refused save, the re-approval rule. */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { useTranslator } from "../../i18n/use-translator.js";

export interface GoalEditorNoticesProps {
  hasConflict: boolean;
  generalErrors: string[];
  isActiveGoal: boolean;
  isBusy: boolean;
  onReload: () => void;
}

export function GoalEditorNotices({ hasConflict, generalErrors, isActiveGoal, isBusy, onReload }: GoalEditorNoticesProps) {
  const { t } = useTranslator();
  return (
    <>
      {hasConflict && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t("goalEditor.conflict.title")}</MessageBarTitle>
            {t("goalEditor.conflict.body")}
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={onReload} disabled={isBusy}>
              {t("goalEditor.reload")}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {generalErrors.length > 0 && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t("goalEditor.notSaved")}</MessageBarTitle>
            {generalErrors.join(" ")}
          </MessageBarBody>
        </MessageBar>
      )}
      {isActiveGoal && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            {t("goalEditor.reapproval")}
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
