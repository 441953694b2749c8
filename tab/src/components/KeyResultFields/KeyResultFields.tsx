/** One measurable result: a number moving from start to target, or a milestone that is done or not. */
import { Button, Checkbox, Field, Input, Radio, RadioGroup, Text, makeStyles, tokens } from "@fluentui/react-components";
import { DeleteRegular } from "@fluentui/react-icons";
import type { KeyResultForm } from "../../logic/goal-form.js";
import type { FieldFeedback } from "../../logic/goal-form-edits.js";
import { useTranslator } from "../../i18n/use-translator.js";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground2,
    margin: 0,
    minWidth: 0,
  },
  header: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalS },
  numbers: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(96px, 1fr))", gap: tokens.spacingHorizontalM },
  // Native inputs keep a default width of about 20 characters; let the grid decide instead.
  compactInput: { width: "100%", minWidth: 0 },
  compactInputElement: { width: "100%", minWidth: 0 },
});

const NUMBER_FIELDS = ["start", "target", "current"] as const;

export interface KeyResultFieldsProps {
  index: number;
  keyResult: KeyResultForm;
  canRemove: boolean;
  onChange: (patch: Partial<KeyResultForm>, paths: string[]) => void;
  onRemove: () => void;
  feedbackFor: (path: string) => FieldFeedback;
}

export function KeyResultFields({ index, keyResult, canRemove, onChange, onRemove, feedbackFor }: KeyResultFieldsProps) {
  const styles = useStyles();
  const { t } = useTranslator();
  const path = `keyResults.${index}`;
  const name = t("keyResultForm.name", { number: index + 1 });
  return (
    <fieldset className={styles.root} aria-label={name}>
      <div className={styles.header}>
        <Text weight="semibold">{name}</Text>
        {canRemove && (
          <Button appearance="subtle" size="small" icon={<DeleteRegular />} onClick={onRemove} aria-label={t("keyResultForm.remove.label", { number: index + 1 })}>
            {t("keyResultForm.remove")}
          </Button>
        )}
      </div>
      <Field label={t("keyResultForm.title")} required {...feedbackFor(`${path}.title`)}>
        <Input value={keyResult.title} maxLength={200} onChange={(_event, data) => onChange({ title: data.value }, [`${path}.title`])} />
      </Field>
      <Field label={t("keyResultForm.kind")} {...feedbackFor(`${path}.kind`)}>
        <RadioGroup
          layout="horizontal"
          value={keyResult.kind}
          onChange={(_event, data) => onChange({ kind: data.value === "milestone" ? "milestone" : "number" }, [path])}
        >
          <Radio value="number" label={t("keyResultForm.kind.number")} />
          <Radio value="milestone" label={t("keyResultForm.kind.milestone")} />
        </RadioGroup>
      </Field>
      {keyResult.kind === "number" ? (
        <div className={styles.numbers}>
          {NUMBER_FIELDS.map((field) => (
            <Field key={field} label={t(`keyResultForm.${field}`)} required {...feedbackFor(`${path}.${field}`)}>
              <Input
                className={styles.compactInput}
                input={{ className: styles.compactInputElement }}
                type="number"
                inputMode="decimal"
                value={keyResult[field]}
                onChange={(_event, data) => onChange({ [field]: data.value }, [`${path}.${field}`])}
              />
            </Field>
          ))}
          <Field label={t("keyResultForm.unit")} {...feedbackFor(`${path}.unit`)}>
            <Input
              className={styles.compactInput}
              input={{ className: styles.compactInputElement }}
              value={keyResult.unit}
              maxLength={20}
              placeholder={t("keyResultForm.unit.placeholder")}
              onChange={(_event, data) => onChange({ unit: data.value }, [`${path}.unit`])}
            />
          </Field>
        </div>
      ) : (
        <Checkbox
          label={t("keyResultForm.done")}
          checked={keyResult.done}
          onChange={(_event, data) => onChange({ done: data.checked === true }, [`${path}.done`])}
        />
      )}
    </fieldset>
  );
}
