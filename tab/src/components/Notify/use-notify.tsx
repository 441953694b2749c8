/** Short confirmations ("Goal saved") and failures ("Goal not deleted", and why) shown in the shell's
 * toaster and said in the page's live regions: politely when it went well, at once when it failed. */
import { Toast, ToastBody, ToastTitle, useToastController, type ToastIntent } from "@fluentui/react-components";
import { useCallback } from "react";
import { describeError } from "../../i18n/describe-error.js";
import { useTranslator } from "../../i18n/use-translator.js";
import { useAnnounce } from "../Announcer/announcer-context.js";
import { TOASTER_ID } from "./toaster-id.js";

export type Notify = (title: string, options?: { intent?: ToastIntent; body?: string }) => void;

export function useNotify(): Notify {
  const { dispatchToast } = useToastController(TOASTER_ID);
  const announce = useAnnounce();
  return useCallback(
    (title, options = {}) => {
      const isFailure = options.intent === "error";
      dispatchToast(
        <Toast>
          <ToastTitle>{title}</ToastTitle>
          {options.body && <ToastBody>{options.body}</ToastBody>}
        </Toast>,
        { intent: options.intent ?? "success", timeout: isFailure ? 8000 : 4000 },
      );
      // Said here rather than by the toaster, which reads the toast's text run together and
      // treats every success as urgent.
      announce(options.body ? `${title} ${options.body}` : title, isFailure || options.intent === "warning" ? "assertive" : "polite");
    },
    [dispatchToast, announce],
  );
}

/** What did not happen (the title) and why, in the person's language: the one way the tab reports a failed action. */
export type NotifyFailure = (title: string, error: unknown) => void;

export function useNotifyFailure(): NotifyFailure {
  const notify = useNotify();
  const tr = useTranslator();
  return useCallback((title, error) => notify(title, { intent: "error", body: describeError(error, tr) }), [notify, tr]);
}
