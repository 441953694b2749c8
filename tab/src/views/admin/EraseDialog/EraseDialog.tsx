/** Asks for the person's name to be typed out before their data is erased for good. */
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { isConfirmationMatch } from "../admin-logic.js";

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
  const [typed, setTyped] = useState("");
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
            <DialogTitle>Erase all of {target?.label}'s data?</DialogTitle>
            <DialogContent className={styles.content}>
              <Text>This removes, for good:</Text>
              <ul className={styles.list}>
                <li>their goals with key results, history and check-ins</li>
                <li>their approvals, comments and kudos given or received</li>
                <li>their chat registration, cards and directory entry</li>
              </ul>
              <Text>Goals of others aligned to theirs lose that link and are flagged for re-alignment. Only a record that an erasure happened remains. You cannot undo this.</Text>
              <Field label={`Type ${target?.confirmText ?? ""} to confirm`} required>
                <Input value={typed} onChange={(_event, data) => setTyped(data.value)} autoComplete="off" disabled={isErasing} />
              </Field>
            </DialogContent>
            <DialogActions>
              <Button type="submit" appearance="primary" disabled={!isMatch || isErasing} icon={isErasing ? <Spinner size="tiny" /> : undefined}>
                Erase
              </Button>
              <Button disabled={isErasing} onClick={cancel}>
                Cancel
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
