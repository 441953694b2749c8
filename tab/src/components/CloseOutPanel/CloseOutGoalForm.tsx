/** One goal's close-out: a score that starts from progress, how it ended, a reflection; and, for an
 * unfinished goal, carrying it into a later cycle. */
import { Button, Dropdown, Field, Option, Radio, RadioGroup, SpinButton, Spinner, Text, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowForwardRegular, CheckmarkRegular } from "@fluentui/react-icons";
import { useId, useState } from "react";
import type { CloseOutOutcome, CycleView, GoalView } from "../../api/types.js";
import { useCloseOutActions } from "../../api/use-close-out-actions.js";
import { useTranslator } from "../../i18n/use-translator.js";
import { useControlLabels } from "../../i18n/use-control-labels.js";
import { CLOSE_OUT_OUTCOMES, OUTCOME_LABELS, REFLECTION_MAX, isUnfinished, startForm, validateCloseOut, type CloseOutErrors } from "../../logic/close-out.js";
import { useNotify, useNotifyFailure } from "../Notify/use-notify.js";
import { useFitControlStyles } from "../FitControls/fit-controls.js";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, padding: tokens.spacingVerticalM, borderRadius: tokens.borderRadiusMedium, border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  row: { display: "flex", flexWrap: "wrap", alignItems: "flex-end", gap: tokens.spacingHorizontalM },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface CloseOutGoalFormProps {
  goal: GoalView;
  targets: readonly CycleView[];
}

export function CloseOutGoalForm({ goal, targets }: CloseOutGoalFormProps) {
  const fit = useFitControlStyles();
  const styles = useStyles();
  const tr = useTranslator();
  const controls = useControlLabels();
  const { t } = tr;
  const notify = useNotify();
  const notifyFailure = useNotifyFailure();
  const actions = useCloseOutActions();
  const headingId = useId();
  const [form, setForm] = useState(() => startForm(goal));
  const [errors, setErrors] = useState<CloseOutErrors>({});
  const [isSaving, setIsSaving] = useState(false);
  const [targetId, setTargetId] = useState<string | null>(targets[0]?.id ?? null);
  const [isCarrying, setIsCarrying] = useState(false);
  const carried = goal.carriedTo.map((link) => targets.find((c) => c.id === link.cycleId)?.name ?? link.cycleId);

  const save = async () => {
    const found = validateCloseOut(form);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setIsSaving(true);
    try {
      await actions.closeOut(goal.id, { score: form.score!, outcome: form.outcome!, reflection: form.reflection.trim() });
      notify(t("closeOut.saved"));
    } catch (error) {
      notifyFailure(t("closeOut.notSaved"), error);
    } finally {
      setIsSaving(false);
    }
  };

  const carryOver = async () => {
    if (!targetId) return;
    setIsCarrying(true);
    try {
      await actions.carryOver(goal.id, targetId);
      notify(t("closeOut.carried", { cycle: targets.find((c) => c.id === targetId)?.name ?? targetId }));
    } catch (error) {
      notifyFailure(t("closeOut.notCarried"), error);
    } finally {
      setIsCarrying(false);
    }
  };

  const errorOf = (field: keyof CloseOutErrors) => (errors[field] ? t(errors[field], { max: REFLECTION_MAX }) : undefined);
  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Text as="h3" weight="semibold" id={headingId}>{goal.title}</Text>
      {goal.closeOut && <Text className={styles.muted}>{t("closeOut.given", { score: goal.closeOut.score, outcome: t(OUTCOME_LABELS[goal.closeOut.outcome]) })}</Text>}
      <div className={styles.row}>
        <Field label={t("closeOut.score")} required validationMessage={errorOf("score")}>
          <SpinButton
            {...controls.spinButton}
            min={0}
            max={100}
            value={form.score}
            onChange={(_event, data) => {
              const value = data.value ?? (data.displayValue === undefined ? null : Number.parseInt(data.displayValue, 10));
              setForm((f) => ({ ...f, score: value === null || Number.isNaN(value) ? null : value }));
            }}
          />
        </Field>
        <Field label={t("closeOut.outcome")} required validationMessage={errorOf("outcome")}>
          <RadioGroup layout="horizontal" value={form.outcome ?? ""} onChange={(_event, data) => setForm((f) => ({ ...f, outcome: data.value as CloseOutOutcome }))}>
            {CLOSE_OUT_OUTCOMES.map((outcome) => <Radio key={outcome} value={outcome} label={t(OUTCOME_LABELS[outcome])} />)}
          </RadioGroup>
        </Field>
      </div>
      <Field label={t("closeOut.reflection")} hint={t("closeOut.reflection.hint")} required validationMessage={errorOf("reflection")}>
        <Textarea value={form.reflection} maxLength={REFLECTION_MAX} resize="vertical" onChange={(_event, data) => setForm((f) => ({ ...f, reflection: data.value }))} />
      </Field>
      <div className={styles.row}>
        <Button appearance="primary" icon={isSaving ? <Spinner size="tiny" /> : <CheckmarkRegular />} disabled={isSaving} onClick={() => void save()} aria-label={t("closeOut.save.label", { title: goal.title })}>
          {t("closeOut.save")}
        </Button>
      </div>
      {carried.length > 0 && <Text className={styles.muted}>{t("closeOut.carriedTo", { cycles: carried.join(", ") })}</Text>}
      {isUnfinished(goal) && carried.length === 0 && (targets.length === 0 ? <Text className={styles.muted}>{t("closeOut.noLaterCycle")}</Text> : (
        <div className={styles.row}>
          <Field label={t("closeOut.carryTarget")}>
            <Dropdown className={fit.picker} value={targets.find((c) => c.id === targetId)?.name ?? ""} selectedOptions={targetId ? [targetId] : []} onOptionSelect={(_event, data) => setTargetId(data.optionValue ?? null)}>
              {targets.map((cycle) => <Option key={cycle.id} value={cycle.id}>{cycle.name}</Option>)}
            </Dropdown>
          </Field>
          <Button icon={isCarrying ? <Spinner size="tiny" /> : <ArrowForwardRegular />} disabled={isCarrying || !targetId} onClick={() => void carryOver()} aria-label={t("closeOut.carryOver.label", { title: goal.title })}>
            {t("closeOut.carryOver")}
          </Button>
        </div>
      ))}
    </section>
  );
}
