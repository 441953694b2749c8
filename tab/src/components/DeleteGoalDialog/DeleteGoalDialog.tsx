/** Asks before a draft is deleted for good. */
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Spinner } from "@fluentui/react-components";

export interface DeleteGoalDialogProps {
  title: string | null;
  isOpen: boolean;
  isDeleting: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

export function DeleteGoalDialog({ title, isOpen, isDeleting, onConfirm, onCancel }: DeleteGoalDialogProps) {
  return (
    <Dialog open={isOpen} modalType="alert" onOpenChange={(_event, data) => !data.open && !isDeleting && onCancel()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Delete this draft?</DialogTitle>
          <DialogContent>“{title}” will be deleted. You cannot undo this.</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onConfirm} disabled={isDeleting} icon={isDeleting ? <Spinner size="tiny" /> : undefined}>
              Delete
            </Button>
            <Button onClick={onCancel} disabled={isDeleting}>
              Keep it
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
