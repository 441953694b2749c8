/** The message box of the local Teams chat: what a person types to Cascade in Teams, such as
 * "my goals", goes to /api/messages as a message activity. */
import { Button, Field, Input } from "@fluentui/react-components";
import { SendRegular } from "@fluentui/react-icons";
import { useState, type FormEvent } from "react";

export interface ChatComposerProps {
  onSend: (text: string) => Promise<void>;
}

export function ChatComposer({ onSend }: ChatComposerProps) {
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
      setError(cause instanceof Error ? cause.message : "The message was not sent. Try again.");
    } finally {
      setIsSending(false);
    }
  };

  const sendButton = <Button type="submit" appearance="transparent" size="small" icon={<SendRegular />} aria-label="Send" disabled={isSending || text.trim() === ""} />;
  return (
    <form onSubmit={(event) => void submit(event)}>
      <Field label="Message to Cascade" hint='Try "my goals", "pending approvals" or "help".' validationMessage={error ?? undefined}>
        <Input value={text} onChange={(_event, data) => setText(data.value)} placeholder="Type a message" maxLength={500} contentAfter={sendButton} />
      </Field>
    </form>
  );
}
