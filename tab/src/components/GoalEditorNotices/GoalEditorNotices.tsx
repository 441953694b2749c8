/** Messages at the top of the goal editor: a stale edit, a refused save, the re-approval rule. */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";

export interface GoalEditorNoticesProps {
  hasConflict: boolean;
  generalErrors: string[];
  isActiveGoal: boolean;
  isBusy: boolean;
  onReload: () => void;
}

export function GoalEditorNotices({ hasConflict, generalErrors, isActiveGoal, isBusy, onReload }: GoalEditorNoticesProps) {
  return (
    <>
      {hasConflict && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Someone else changed this goal</MessageBarTitle>
            Your changes were not saved. Reload to see the latest version, then make your changes again.
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={onReload} disabled={isBusy}>
              Reload
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {generalErrors.length > 0 && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Not saved</MessageBarTitle>
            {generalErrors.join(" ")}
          </MessageBarBody>
        </MessageBar>
      )}
      {isActiveGoal && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            Changing the title, a target, the due date or what it is aligned to sends this goal back to your manager for approval.
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
