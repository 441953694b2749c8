/** A goal of someone who left: give it to someone in your team, or close it. The new owner is picked
 * from the caller's direct reports, or, once two letters are typed, from a search of everyone below
 * them (a large organisation is never listed whole). */
import { Button, Combobox, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Option, Spinner, Text, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useMemo, useState } from "react";
import { DECISION_COMMENT_MAX } from "../../../../../functions/src/contracts/limits.js";
import type { GoalInsight } from "../../../api/use-org-cascade.js";
import { useLeaverActions } from "../../../api/use-leaver-actions.js";
import { useDirectReports } from "../../../api/use-people.js";
import { MIN_SEARCH_LENGTH, useOrgSearch } from "../../../api/use-org-search.js";
import { useControlLabels } from "../../../i18n/use-control-labels.js";
import { useNotify, useNotifyFailure } from "../../../components/Notify/use-notify.js";
import { listNewOwners, type OwnerCandidate } from "../team-logic.js";
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
  const controls = useControlLabels();
  const reports = useDirectReports(me.id);
  const tr = useTranslator();
  const { t } = tr;
  // What is typed in the field; null while it shows the one picked.
  const [text, setText] = useState<string | null>(null);
  const term = useSettledText(text ?? "");
  const isSearching = term.trim().length >= MIN_SEARCH_LENGTH;
  const search = useOrgSearch(isSearching ? me.id : null, goal.cycleId, term, null);
  const candidates = useMemo((): OwnerCandidate[] => (isSearching ? (search.data?.people ?? []).map(({ person }) => person) : (reports.data ?? [])), [isSearching, search.data, reports.data]);
  const [ownerId, setOwnerId] = useState<string>(me.id);
  // The one picked stays offered while another search runs.
  const [picked, setPicked] = useState<OwnerCandidate | null>(null);
  const choices = useMemo(() => listNewOwners(me, picked ? [picked, ...candidates] : candidates, goal.ownerId, tr), [me, picked, candidates, goal.ownerId, tr]);
  const isLoading = isSearching ? search.isLoading || term !== (text ?? "") : reports.isLoading;
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
            <Field label={t("leaver.newOwner")} hint={isLoading ? <Spinner size="extra-tiny" label={isSearching ? t("leaver.searching") : t("leaver.loadingTeam")} /> : t("leaver.newOwner.hint")}>
              <Combobox
                className={fit.picker}
                {...controls.combobox}
                freeform
                value={text ?? selected?.label ?? ""}
                selectedOptions={[ownerId]}
                onChange={(event) => setText(event.target.value)}
                onOptionSelect={(_event, data) => {
                  if (!data.optionValue) return;
                  setOwnerId(data.optionValue);
                  setPicked(candidates.find((person) => person.id === data.optionValue) ?? picked);
                  setText(null);
                }}
              >
                {choices.map((choice) => (
                  <Option key={choice.id} value={choice.id}>
                    {choice.label}
                  </Option>
                ))}
                {isSearching && !isLoading && candidates.length === 0 ? (
                  <Option key="none" value="" disabled text={t("leaver.noMatch")}>
                    {t("leaver.noMatch")}
                  </Option>
                ) : null}
              </Combobox>
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

/** What was typed, once typing has paused: a search is not sent for every key. */
function useSettledText(text: string): string {
  const [settled, setSettled] = useState(text);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(text), SEARCH_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [text]);
  return settled;
}

const SEARCH_PAUSE_MS = 300;
