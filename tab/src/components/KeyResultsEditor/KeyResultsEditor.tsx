/** The 1–5 results that say whether the goal was reached. */
import { Button, Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import { AddRegular, WarningFilled } from "@fluentui/react-icons";
import { useId } from "react";
import { MAX_KEY_RESULTS, MIN_KEY_RESULTS, type KeyResultForm } from "../../logic/goal-form.js";
import { addKeyResult, removeKeyResult, updateKeyResult } from "../../logic/goal-form-edits.js";
import type { GoalEditorState } from "../GoalEditor/use-goal-editor.js";
import { KeyResultFields } from "../KeyResultFields/KeyResultFields.js";
import { useTranslator } from "../../i18n/use-translator.js";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  footer: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalM },
  error: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS, color: tokens.colorPaletteRedForeground1 },
  warning: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS, color: tokens.colorPaletteDarkOrangeForeground1 },
});

export interface KeyResultsEditorProps {
  editor: GoalEditorState;
}

export function KeyResultsEditor({ editor }: KeyResultsEditorProps) {
  const styles = useStyles();
  const headingId = useId();
  const { t } = useTranslator();
  const { form, change, feedbackFor } = editor;
  const count = form.keyResults.length;
  const feedback = feedbackFor("keyResults", "keyResults");
  const changeAt = (index: number) => (patch: Partial<KeyResultForm>, paths: string[]) =>
    change((current) => updateKeyResult(current, index, patch), ["keyResults", ...paths]);

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Subtitle2 as="h3" id={headingId} className={styles.heading}>
        {t("keyResultsEditor.heading")}
      </Subtitle2>
      <Text size={200} className={styles.muted}>
        {t("keyResultsEditor.intro", { min: MIN_KEY_RESULTS, max: MAX_KEY_RESULTS })}
      </Text>
      {feedback.validationMessage && (
        <Text size={200} role={feedback.validationState === "error" ? "alert" : undefined} className={feedback.validationState === "error" ? styles.error : styles.warning}>
          <WarningFilled aria-hidden /> {feedback.validationMessage}
        </Text>
      )}
      <div className={styles.list}>
        {form.keyResults.map((keyResult, index) => (
          <KeyResultFields
            key={keyResult.key}
            index={index}
            keyResult={keyResult}
            canRemove={count > MIN_KEY_RESULTS}
            onChange={changeAt(index)}
            onRemove={() => change((current) => removeKeyResult(current, index), ["keyResults"])}
            feedbackFor={(path) => feedbackFor(path)}
          />
        ))}
      </div>
      <div className={styles.footer}>
        <Button icon={<AddRegular />} disabled={count >= MAX_KEY_RESULTS} onClick={() => change((current) => addKeyResult(current), ["keyResults"])}>
          {t("keyResultsEditor.add")}
        </Button>
        <Text size={200} className={styles.muted}>
          {t("keyResultsEditor.count", { count, max: MAX_KEY_RESULTS })}
        </Text>
      </div>
    </section>
  );
}
