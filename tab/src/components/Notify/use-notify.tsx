/** Short confirmations ("Goal saved") shown in the shell's toaster. */
import { Toast, ToastBody, ToastTitle, useToastController, type ToastIntent } from "@fluentui/react-components";
import { useCallback } from "react";
import { TOASTER_ID } from "./toaster-id.js";

export type Notify = (title: string, options?: { intent?: ToastIntent; body?: string }) => void;

export function useNotify(): Notify {
  const { dispatchToast } = useToastController(TOASTER_ID);
  return useCallback(
    (title, options = {}) =>
      dispatchToast(
        <Toast>
          <ToastTitle>{title}</ToastTitle>
          {options.body && <ToastBody>{options.body}</ToastBody>}
        </Toast>,
        { intent: options.intent ?? "success", timeout: options.intent === "error" ? 8000 : 4000 },
      ),
    [dispatchToast],
  );
}
