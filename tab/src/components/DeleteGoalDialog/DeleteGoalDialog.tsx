/** Asks before a draft is deleted for good. */
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Spinner } from "@fluentui/react-components";
import { useTranslator } from "../../i18n/use-translator.js";
import { useReturnFocus } from "../ReturnFocus/use-return-focus.js";

export interface DeleteGoalDialogProps {
  title: string | null;
  isOpen: boolean;
  isDeleting: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

export function DeleteGoalDialog({ title, isOpen, isDeleting, onConfirm, onCancel }: DeleteGoalDialogProps) {
  const { t } = useTranslator();
  useReturnFocus(isOpen);
  return (
    <Dialog open={isOpen} modalType="alert" onOpenChange={(_event, data) => !data.open && !isDeleting && onCancel()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t("deleteGoal.title")}</DialogTitle>
          <DialogContent>{t("deleteGoal.body", { title })}</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onConfirm} disabled={isDeleting} icon={isDeleting ? <Spinner size="tiny" /> : undefined}>
              {t("deleteGoal.confirm")}
            </Button>
            <Button onClick={onCancel} disabled={isDeleting}>
              {t("deleteGoal.cancel")}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
