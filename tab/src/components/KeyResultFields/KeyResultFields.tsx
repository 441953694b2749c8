/** One measurable result: a number rising or falling from a baseline to a target, a line to keep
 * above or below, or a milestone that is done or not. */
import { Button, Checkbox, Field, Input, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import { TITLE_MAX, UNIT_MAX } from "../../../../functions/src/contracts/limits.js";
import type { KeyResultKind, UnitKind } from "../../api/types.js";
import { DeleteRegular } from "@fluentui/react-icons";
import type { KeyResultForm } from "../../logic/goal-form.js";
import type { FieldFeedback } from "../../logic/goal-form-edits.js";
import { useTranslator } from "../../i18n/use-translator.js";
import { useFitControlStyles } from "../FitControls/fit-controls.js";

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
  numbers: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(min(96px, 100%), 1fr))", gap: tokens.spacingHorizontalM, "& > *": { minWidth: 0 } },
  // Native inputs keep a default width of about 20 characters; let the grid decide instead.
  compactInput: { width: "100%", minWidth: 0 },
  compactInputElement: { width: "100%", minWidth: 0 },
});

const KINDS: readonly KeyResultKind[] = ["increase", "decrease", "keep_above", "keep_below", "milestone"];
const UNIT_KINDS: readonly UnitKind[] = ["text", "percent", "currency"];

function isKind(value: string): value is KeyResultKind {
  return (KINDS as readonly string[]).includes(value);
}

function isUnitKind(value: string): value is UnitKind {
  return (UNIT_KINDS as readonly string[]).includes(value);
}

/** The keep kinds hold a line rather than reach a target, so the second number is named for that. */
function listNumberFields(kind: KeyResultKind) {
  const isKeep = kind === "keep_above" || kind === "keep_below";
  return [
    { field: "start", label: "keyResultForm.start" },
    { field: "target", label: isKeep ? "keyResultForm.threshold" : "keyResultForm.target" },
    { field: "current", label: "keyResultForm.current" },
  ] as const;
}

export interface KeyResultFieldsProps {
  index: number;
  keyResult: KeyResultForm;
  canRemove: boolean;
  onChange: (patch: Partial<KeyResultForm>, paths: string[]) => void;
  onRemove: () => void;
  feedbackFor: (path: string) => FieldFeedback;
}

export function KeyResultFields({ index, keyResult, canRemove, onChange, onRemove, feedbackFor }: KeyResultFieldsProps) {
  const fit = useFitControlStyles();
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
        <Input value={keyResult.title} maxLength={TITLE_MAX} onChange={(_event, data) => onChange({ title: data.value }, [`${path}.title`])} />
      </Field>
      <Field label={t("keyResultForm.kind")} {...feedbackFor(`${path}.kind`)}>
        <Select className={fit.selectRoot} select={{ className: fit.select }} value={keyResult.kind} onChange={(_event, data) => isKind(data.value) && onChange({ kind: data.value }, [path])}>
          {KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`keyResultForm.kind.${kind}`)}
            </option>
          ))}
        </Select>
      </Field>
      {keyResult.kind !== "milestone" ? (
        <div className={styles.numbers}>
          {listNumberFields(keyResult.kind).map(({ field, label }) => (
            <Field key={field} label={t(label)} required {...feedbackFor(`${path}.${field}`)}>
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
          <Field label={t("keyResultForm.unitKind")} {...feedbackFor(`${path}.unitKind`)}>
            <Select className={fit.selectRoot} select={{ className: fit.select }} value={keyResult.unitKind} onChange={(_event, data) => isUnitKind(data.value) && onChange({ unitKind: data.value }, [`${path}.unit`, `${path}.currency`])}>
              {UNIT_KINDS.map((unitKind) => (
                <option key={unitKind} value={unitKind}>
                  {t(`keyResultForm.unitKind.${unitKind}`)}
                </option>
              ))}
            </Select>
          </Field>
          {keyResult.unitKind === "text" && (
            <Field label={t("keyResultForm.unit")} {...feedbackFor(`${path}.unit`)}>
              <Input
                className={styles.compactInput}
                input={{ className: styles.compactInputElement }}
                value={keyResult.unit}
                maxLength={UNIT_MAX}
                placeholder={t("keyResultForm.unit.placeholder")}
                onChange={(_event, data) => onChange({ unit: data.value }, [`${path}.unit`])}
              />
            </Field>
          )}
          {keyResult.unitKind === "currency" && (
            <Field label={t("keyResultForm.currency")} hint={t("keyResultForm.currency.hint")} required {...feedbackFor(`${path}.currency`)}>
              <Input
                className={styles.compactInput}
                input={{ className: styles.compactInputElement }}
                value={keyResult.currency}
                maxLength={3}
                placeholder="EUR"
                onChange={(_event, data) => onChange({ currency: data.value.toUpperCase() }, [`${path}.currency`])}
              />
            </Field>
          )}
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
