/** A short text to send: a comment or a thank-you. Checks what it can before sending, and puts the
 * API's field errors on the field and anything else above it. Ctrl+Enter sends from the keyboard. */
import { Button, Field, MessageBar, MessageBarBody, Spinner, Text, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { SendRegular } from "@fluentui/react-icons";
import { useRef, useState, type FormEvent, type KeyboardEvent, type ReactElement } from "react";
import { ApiError } from "../../api/client.js";
import { describeError } from "../../i18n/describe-error.js";
import type { Translator } from "../../i18n/translator.js";
import { mapFeedbackProblem, validateFeedbackText, type FeedbackErrors } from "../../logic/goal-feedback.js";
import { useTranslator } from "../../i18n/use-translator.js";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  footer: { display: "flex", flexWrap: "wrap", alignItems: "center", justifyContent: "flex-end", gap: tokens.spacingHorizontalM },
  count: { color: tokens.colorNeutralForeground3, fontVariantNumeric: "tabular-nums" },
  over: { color: tokens.colorPaletteRedForeground1 },
});

const NO_ERRORS: FeedbackErrors = { fieldError: null, generalError: null };

export interface FeedbackFormProps {
  label: string;
  hint: string;
  /** The body field the API names in its errors. */
  field: "text" | "message";
  max: number;
  emptyMessage: string;
  submitLabel: string;
  icon?: ReactElement;
  onSend: (text: string) => Promise<void>;
}

function mapSendFailure(error: unknown, field: string, tr: Translator): FeedbackErrors {
  if (error instanceof ApiError && error.status === 400) return mapFeedbackProblem(error.problem, field);
  return { fieldError: null, generalError: describeError(error, tr) };
}

export function FeedbackForm({ label, hint, field, max, emptyMessage, submitLabel, icon, onSend }: FeedbackFormProps) {
  const styles = useStyles();
  const tr = useTranslator();
  const [value, setValue] = useState("");
  const [errors, setErrors] = useState<FeedbackErrors>(NO_ERRORS);
  const [isSending, setIsSending] = useState(false);
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const length = value.trim().length;

  const send = async () => {
    if (isSending) return;
    const problem = validateFeedbackText(value, max, emptyMessage, tr);
    if (problem) {
      setErrors({ fieldError: problem, generalError: null });
      inputRef.current?.focus();
      return;
    }
    setIsSending(true);
    setErrors(NO_ERRORS);
    try {
      await onSend(value.trim());
      setValue("");
    } catch (error) {
      const mapped = mapSendFailure(error, field, tr);
      setErrors(mapped);
      if (mapped.fieldError) inputRef.current?.focus();
    } finally {
      setIsSending(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void send();
  };

  const sendOnCtrlEnter = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void send();
    }
  };

  return (
    <form className={styles.root} onSubmit={submit} noValidate>
      {errors.generalError && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{errors.generalError}</MessageBarBody>
        </MessageBar>
      )}
      <Field label={label} hint={tr.t("feedback.hint", { hint })} validationMessage={errors.fieldError ?? undefined} validationState={errors.fieldError ? "error" : "none"}>
        <Textarea
          ref={inputRef}
          value={value}
          resize="vertical"
          onChange={(_event, data) => {
            setValue(data.value);
            if (errors.fieldError) setErrors(NO_ERRORS);
          }}
          onKeyDown={sendOnCtrlEnter}
        />
      </Field>
      <div className={styles.footer}>
        <Text size={200} className={length > max ? styles.over : styles.count}>
          {tr.t("feedback.count", { length, max })}
        </Text>
        <Button type="submit" appearance="primary" disabled={isSending} icon={isSending ? <Spinner size="tiny" /> : (icon ?? <SendRegular />)}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
