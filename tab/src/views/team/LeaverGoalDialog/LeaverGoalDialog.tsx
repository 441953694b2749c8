/** A goal of someone who left: give it to someone in your team, or close it. */
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Dropdown, Field, Option, Spinner, Text, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { ApiError } from "../../../api/client.js";
import type { GoalInsight } from "../../../api/use-org-cascade.js";
import { useLeaverActions } from "../../../api/use-leaver-actions.js";
import { useSubtree } from "../../../api/use-people.js";
import { useNotify } from "../../../components/Notify/use-notify.js";
import { listNewOwners } from "../team-logic.js";

const useStyles = makeStyles({
  content: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

export interface LeaverGoalDialogProps {
  goal: GoalInsight;
  me: { id: string; displayName: string };
  onClose: () => void;
}

function describeFailure(error: unknown): string {
  return error instanceof ApiError ? (error.problem.detail ?? error.problem.title) : "Something went wrong. Try again.";
}

export function LeaverGoalDialog({ goal, me, onClose }: LeaverGoalDialogProps) {
  const styles = useStyles();
  const subtree = useSubtree(me.id);
  const choices = useMemo(() => listNewOwners(me, subtree.data ?? [], goal.ownerId), [me, subtree.data, goal.ownerId]);
  const [ownerId, setOwnerId] = useState<string>(me.id);
  const [comment, setComment] = useState("");
  const [isBusy, setIsBusy] = useState(false);
  const actions = useLeaverActions();
  const notify = useNotify();
  const selected = choices.find((choice) => choice.id === ownerId);

  const run = async (work: () => Promise<string>) => {
    setIsBusy(true);
    try {
      notify(await work());
      onClose();
    } catch (error) {
      notify("Nothing was changed", { intent: "error", body: describeFailure(error) });
    } finally {
      setIsBusy(false);
    }
  };
  const reassign = () => run(async () => (await actions.reassignGoal(goal.id, ownerId, comment), `The goal now belongs to ${selected?.label ?? "its new owner"}`));
  const close = () => run(async () => ((await actions.closeGoal(goal.id, comment)) === "deleted" ? "The goal was removed" : "The goal was closed"));

  return (
    <Dialog open modalType="modal" onOpenChange={(_event, data) => !data.open && !isBusy && onClose()}>
      <DialogSurface aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>{`What happens to “${goal.title}”?`}</DialogTitle>
          <DialogContent className={styles.content}>
            <Text>{`${goal.ownerName || "Its owner"} has left. Give the goal to someone in your team with its history and check-ins, or close it. A goal that was never approved is removed when closed.`}</Text>
            <Field label="New owner" hint={subtree.isLoading ? <Spinner size="extra-tiny" label="Loading your team…" /> : undefined}>
              <Dropdown value={selected?.label ?? ""} selectedOptions={[ownerId]} onOptionSelect={(_event, data) => data.optionValue && setOwnerId(data.optionValue)}>
                {choices.map((choice) => (
                  <Option key={choice.id} value={choice.id}>
                    {choice.label}
                  </Option>
                ))}
              </Dropdown>
            </Field>
            <Field label="Note for the history (optional)">
              <Textarea value={comment} maxLength={2000} onChange={(_event, data) => setComment(data.value)} />
            </Field>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={isBusy} onClick={() => void reassign()}>
              Give the goal
            </Button>
            <Button disabled={isBusy} onClick={() => void close()}>
              Close the goal
            </Button>
            <Button appearance="subtle" disabled={isBusy} onClick={onClose}>
              Cancel
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
