/** A goal of someone who left: give it to someone in your team, or close it. */
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Dropdown, Field, Option, Spinner, Text, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { DECISION_COMMENT_MAX } from "../../../../../functions/src/contracts/limits.js";
import type { GoalInsight } from "../../../api/use-org-cascade.js";
import { useLeaverActions } from "../../../api/use-leaver-actions.js";
import { useSubtree } from "../../../api/use-people.js";
import { useNotify, useNotifyFailure } from "../../../components/Notify/use-notify.js";
import { listNewOwners } from "../team-logic.js";
import { useTranslator } from "../../../i18n/use-translator.js";
import { useReturnFocus } from "../../../components/ReturnFocus/use-return-focus.js";
import { useFitControlStyles } from "../../../components/FitControls/fit-controls.js";

const useStyles = makeStyles({
  content: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

export interface LeaverGoalDialogProps {
  goal: GoalInsight;
  me: { id: string; displayName: string };
  onClose: () => void;
}

export function LeaverGoalDialog({ goal, me, onClose }: LeaverGoalDialogProps) {
  const fit = useFitControlStyles();
  const styles = useStyles();
  const subtree = useSubtree(me.id);
  const tr = useTranslator();
  const { t } = tr;
  const choices = useMemo(() => listNewOwners(me, subtree.data ?? [], goal.ownerId, tr), [me, subtree.data, goal.ownerId, tr]);
  const [ownerId, setOwnerId] = useState<string>(me.id);
  const [comment, setComment] = useState("");
  const [isBusy, setIsBusy] = useState(false);
  const actions = useLeaverActions();
  const notify = useNotify();
  const notifyFailure = useNotifyFailure();
  const selected = choices.find((choice) => choice.id === ownerId);
  useReturnFocus(true);

  const run = async (work: () => Promise<string>) => {
    setIsBusy(true);
    try {
      notify(await work());
      onClose();
    } catch (error) {
      notifyFailure(t("leaver.failed"), error);
    } finally {
      setIsBusy(false);
    }
  };
  const reassign = () => run(async () => (await actions.reassignGoal(goal.id, ownerId, comment), selected ? t("leaver.given", { owner: selected.label }) : t("leaver.givenUnnamed")));
  const close = () => run(async () => ((await actions.closeGoal(goal.id, comment)) === "deleted" ? t("leaver.removed") : t("leaver.closed")));

  return (
    <Dialog open modalType="modal" onOpenChange={(_event, data) => !data.open && !isBusy && onClose()}>
      <DialogSurface aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>{t("leaver.title", { title: goal.title })}</DialogTitle>
          <DialogContent className={styles.content}>
            <Text>{goal.ownerName ? t("leaver.body", { name: goal.ownerName }) : t("leaver.bodyUnnamed")}</Text>
            <Field label={t("leaver.newOwner")} hint={subtree.isLoading ? <Spinner size="extra-tiny" label={t("leaver.loadingTeam")} /> : undefined}>
              <Dropdown className={fit.picker} value={selected?.label ?? ""} selectedOptions={[ownerId]} onOptionSelect={(_event, data) => data.optionValue && setOwnerId(data.optionValue)}>
                {choices.map((choice) => (
                  <Option key={choice.id} value={choice.id}>
                    {choice.label}
                  </Option>
                ))}
              </Dropdown>
            </Field>
            <Field label={t("leaver.note")}>
              <Textarea value={comment} maxLength={DECISION_COMMENT_MAX} onChange={(_event, data) => setComment(data.value)} />
            </Field>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={isBusy} onClick={() => void reassign()}>
              {t("leaver.give")}
            </Button>
            <Button disabled={isBusy} onClick={() => void close()}>
              {t("leaver.close")}
            </Button>
            <Button appearance="subtle" disabled={isBusy} onClick={onClose}>
              {t("common.cancel")}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
