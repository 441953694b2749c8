/** Asks for the person's name to be typed out before their data is erased for good. */
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { isConfirmationMatch } from "../admin-logic.js";
import { useTranslator } from "../../../i18n/use-translator.js";
import { useReturnFocus } from "../../../components/ReturnFocus/use-return-focus.js";

const useStyles = makeStyles({
  content: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
});

export interface EraseTarget {
  id: string;
  /** What must be typed to confirm: the display name, or the id of someone no longer in the directory. */
  confirmText: string;
  label: string;
}

export interface EraseDialogProps {
  target: EraseTarget | null;
  isErasing: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

export function EraseDialog({ target, isErasing, onConfirm, onCancel }: EraseDialogProps) {
  const styles = useStyles();
  const { t } = useTranslator();
  const [typed, setTyped] = useState("");
  useReturnFocus(target !== null);
  const isMatch = target !== null && isConfirmationMatch(typed, target.confirmText);
  const cancel = () => {
    setTyped("");
    onCancel();
  };
  return (
    <Dialog open={target !== null} modalType="alert" onOpenChange={(_event, data) => !data.open && !isErasing && cancel()}>
      <DialogSurface>
        <form onSubmit={(event) => (event.preventDefault(), isMatch && onConfirm())}>
          <DialogBody>
            <DialogTitle>{t("admin.eraseDialog.title", { name: target?.label ?? "" })}</DialogTitle>
            <DialogContent className={styles.content}>
              <Text>{t("admin.eraseDialog.intro")}</Text>
              <ul className={styles.list}>
                <li>{t("admin.eraseDialog.goals")}</li>
                <li>{t("admin.eraseDialog.feedback")}</li>
                <li>{t("admin.eraseDialog.chat")}</li>
              </ul>
              <Text>{t("admin.eraseDialog.after")}</Text>
              <Field label={t("admin.eraseDialog.confirmField", { text: target?.confirmText ?? "" })} required>
                <Input value={typed} onChange={(_event, data) => setTyped(data.value)} autoComplete="off" disabled={isErasing} />
              </Field>
            </DialogContent>
            <DialogActions>
              <Button type="submit" appearance="primary" disabled={!isMatch || isErasing} icon={isErasing ? <Spinner size="tiny" /> : undefined}>
                {t("admin.eraseDialog.confirm")}
              </Button>
              <Button disabled={isErasing} onClick={cancel}>
                {t("common.cancel")}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
