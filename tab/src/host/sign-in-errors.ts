/** Turns what MSAL or Entra ID reports into one plain sentence for the person signing in. MSAL's errors
 * carry an `errorCode` (its own, or the OAuth error Entra ID sent back) and an `errorMessage`. */
import type { MessageId, Translator } from "../i18n/translator.js";

interface CodedError {
  errorCode?: unknown;
  errorMessage?: unknown;
  message?: unknown;
}

const MESSAGES = {
  user_cancelled: "signInError.cancelled",
  access_denied: "signInError.refused",
  consent_required: "signInError.consent",
  interaction_in_progress: "signInError.inProgress",
  no_network_connectivity: "signInError.network",
  endpoints_resolution_error: "signInError.network",
  post_request_failed: "signInError.network",
} as const satisfies Record<string, MessageId>;

export function describeSignInError(error: unknown, tr: Translator): string {
  const coded = (typeof error === "object" && error !== null ? error : {}) as CodedError;
  const code = typeof coded.errorCode === "string" ? coded.errorCode : "";
  if (Object.hasOwn(MESSAGES, code)) return tr.t(MESSAGES[code as keyof typeof MESSAGES]);
  const detail = typeof coded.errorMessage === "string" && coded.errorMessage ? coded.errorMessage : typeof coded.message === "string" ? coded.message : "";
  // Entra ID's own description starts with an AADSTS code the admin can look up; keep its first line.
  const firstLine = detail.split(/\r?\n/)[0]?.trim();
  return firstLine ? tr.t("signInError.withDetail", { detail: firstLine }) : tr.t("signInError.other");
}
