/** The message box of the local Teams chat: what a person types to Cascade in Teams, such as
 * "my goals", goes to /api/messages as a message activity. */
import { Button, Field, Input } from "@fluentui/react-components";
import { SendRegular } from "@fluentui/react-icons";
import { useState, type FormEvent } from "react";
import { describeError } from "../../i18n/describe-error.js";
import { useTranslator } from "../../i18n/use-translator.js";

export interface ChatComposerProps {
  onSend: (text: string) => Promise<void>;
}

export function ChatComposer({ onSend }: ChatComposerProps) {
  const tr = useTranslator();
  const [text, setText] = useState("");
  const [isSending, setIsSending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const message = text.trim();
    if (!message || isSending) return;
    setIsSending(true);
    setError(null);
    try {
      await onSend(message);
      setText("");
    } catch (cause) {
      setError(describeError(cause, tr));
    } finally {
      setIsSending(false);
    }
  };

  const sendButton = <Button type="submit" appearance="transparent" size="small" icon={<SendRegular />} aria-label={tr.t("chat.send")} disabled={isSending || text.trim() === ""} />;
  return (
    <form onSubmit={(event) => void submit(event)}>
      <Field label={tr.t("chat.message")} hint={tr.t("chat.message.hint")} validationMessage={error ?? undefined}>
        <Input value={text} onChange={(_event, data) => setText(data.value)} placeholder={tr.t("chat.message.placeholder")} maxLength={500} contentAfter={sendButton} />
      </Field>
    </form>
  );
}
