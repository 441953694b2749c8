/** Title, description, due date, visibility and weight of a goal. */
import { Field, Input, Radio, RadioGroup, SpinButton, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import type { CycleView, Visibility } from "../../api/types.js";
import { formatDay } from "../../logic/format.js";
import { MAX_WEIGHT, MIN_WEIGHT, parseNumber } from "../../logic/goal-form.js";
import type { GoalEditorState } from "../GoalEditor/use-goal-editor.js";

const useStyles = makeStyles({
  row: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(200px, 1fr))", gap: tokens.spacingHorizontalL },
});

export interface GoalDetailsFieldsProps {
  editor: GoalEditorState;
  cycle: CycleView;
}

export function GoalDetailsFields({ editor, cycle }: GoalDetailsFieldsProps) {
  const styles = useStyles();
  const { form, change, feedbackFor } = editor;
  const weight = parseNumber(form.weight);
  return (
    <>
      <Field label="Title" required hint="What will be different when this goal is done?" {...feedbackFor("title", "title")}>
        <Input
          value={form.title}
          maxLength={200}
          onChange={(_event, data) => change((current) => ({ ...current, title: data.value }), ["title"])}
          placeholder="For example: Cut onboarding time for new customers in half"
        />
      </Field>
      <Field label="Description" hint="Why it matters and what done looks like." {...feedbackFor("description", "description")}>
        <Textarea
          value={form.description}
          resize="vertical"
          rows={3}
          maxLength={4000}
          onChange={(_event, data) => change((current) => ({ ...current, description: data.value }), ["description"])}
        />
      </Field>
      <div className={styles.row}>
        <Field
          label="Due date"
          hint={`${cycle.name} runs ${formatDay(cycle.startDate)} – ${formatDay(cycle.endDate)}.`}
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
        <Field label="Weight" hint="How much it counts next to your other goals." {...feedbackFor("weight")}>
          <SpinButton
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
      <Field label="Who can see it" {...feedbackFor("visibility")}>
        <RadioGroup
          layout="horizontal"
          value={form.visibility}
          onChange={(_event, data) => change((current) => ({ ...current, visibility: data.value as Visibility }), ["visibility"])}
        >
          <Radio value="public" label="Everyone in the organisation" />
          <Radio value="private" label="Only me and my managers" />
        </RadioGroup>
      </Field>
    </>
  );
}
