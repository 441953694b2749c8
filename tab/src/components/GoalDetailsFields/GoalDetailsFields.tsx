/** Title, description, due date, visibility and weight of a goal. */
import { Field, Input, Radio, RadioGroup, SpinButton, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { DESCRIPTION_MAX, TITLE_MAX } from "../../../../functions/src/contracts/limits.js";
import type { CycleView, Visibility } from "../../api/types.js";
import { MAX_WEIGHT, MIN_WEIGHT, parseNumber } from "../../logic/goal-form.js";
import type { GoalEditorState } from "../GoalEditor/use-goal-editor.js";
import { useTranslator } from "../../i18n/use-translator.js";
import { useControlLabels } from "../../i18n/use-control-labels.js";

const useStyles = makeStyles({
  choices: { flexWrap: "wrap" },
  row: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(min(200px, 100%), 1fr))", gap: tokens.spacingHorizontalL },
});

export interface GoalDetailsFieldsProps {
  editor: GoalEditorState;
  cycle: CycleView;
}

export function GoalDetailsFields({ editor, cycle }: GoalDetailsFieldsProps) {
  const styles = useStyles();
  const { form, change, feedbackFor } = editor;
  const { t, formatDay } = useTranslator();
  const controls = useControlLabels();
  const weight = parseNumber(form.weight);
  return (
    <>
      <Field label={t("goalForm.title")} required hint={t("goalForm.title.hint")} {...feedbackFor("title", "title")}>
        <Input
          value={form.title}
          maxLength={TITLE_MAX}
          onChange={(_event, data) => change((current) => ({ ...current, title: data.value }), ["title"])}
          placeholder={t("goalForm.title.placeholder")}
        />
      </Field>
      <Field label={t("goalForm.description")} hint={t("goalForm.description.hint")} {...feedbackFor("description", "description")}>
        <Textarea
          value={form.description}
          resize="vertical"
          rows={3}
          maxLength={DESCRIPTION_MAX}
          onChange={(_event, data) => change((current) => ({ ...current, description: data.value }), ["description"])}
        />
      </Field>
      <div className={styles.row}>
        <Field
          label={t("goalForm.dueDate")}
          hint={t("goalForm.dueDate.hint", { cycle: cycle.name, start: formatDay(cycle.startDate), end: formatDay(cycle.endDate) })}
          {...feedbackFor("dueDate", "dueDate")}
        >
          <Input
            type="date"
            value={form.dueDate}
            min={cycle.startDate}
            max={cycle.endDate}
            onChange={(_event, data) => change((current) => ({ ...current, dueDate: data.value }), ["dueDate"])}
          />
        </Field>
        <Field label={t("goalForm.weight")} hint={t("goalForm.weight.hint")} {...feedbackFor("weight")}>
          <SpinButton
            {...controls.spinButton}
            value={Number.isFinite(weight) ? weight : null}
            displayValue={form.weight}
            min={MIN_WEIGHT}
            max={MAX_WEIGHT}
            onChange={(_event, data) => {
              const next = data.value ?? parseNumber(data.displayValue ?? "");
              change((current) => ({ ...current, weight: Number.isFinite(next) ? String(next) : (data.displayValue ?? "") }), ["weight"]);
            }}
          />
        </Field>
      </div>
      <Field label={t("goalForm.visibility")} {...feedbackFor("visibility")}>
        <RadioGroup
          layout="horizontal"
          className={styles.choices}
          value={form.visibility}
          onChange={(_event, data) => change((current) => ({ ...current, visibility: data.value as Visibility }), ["visibility"])}
        >
          <Radio value="public" label={t("goalForm.visibility.public")} />
          <Radio value="private" label={t("goalForm.visibility.private")} />
        </RadioGroup>
      </Field>
    </>
  );
}
