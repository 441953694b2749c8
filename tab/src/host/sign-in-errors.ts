/** Turns what MSAL or Entra ID reports into one plain sentence for the person signing in. MSAL's errors
 * carry an `errorCode` (its own, or the OAuth error Entra ID sent back) and an `errorMessage`. */

interface CodedError {
  errorCode?: unknown;
  errorMessage?: unknown;
  message?: unknown;
}

const MESSAGES: Record<string, string> = {
  user_cancelled: "Sign-in was cancelled. Choose Sign in with Microsoft to try again.",
  access_denied: "Sign-in was cancelled or refused. Choose Sign in with Microsoft to try again.",
  consent_required: "Your organisation has not allowed Cascade to sign you in yet. Ask your admin to grant consent to Cascade.",
  interaction_in_progress: "A sign-in is already under way in this browser. Finish it, or close the other Cascade tabs and try again.",
  no_network_connectivity: "Cascade could not reach Microsoft sign-in. Check your connection and try again.",
  endpoints_resolution_error: "Cascade could not reach Microsoft sign-in. Check your connection and try again.",
  post_request_failed: "Cascade could not reach Microsoft sign-in. Check your connection and try again.",
};

export function describeSignInError(error: unknown): string {
  const coded = (typeof error === "object" && error !== null ? error : {}) as CodedError;
  const code = typeof coded.errorCode === "string" ? coded.errorCode : "";
  const known = MESSAGES[code];
  if (known) return known;
  const detail = typeof coded.errorMessage === "string" && coded.errorMessage ? coded.errorMessage : typeof coded.message === "string" ? coded.message : "";
  // Entra ID's own description starts with an AADSTS code the admin can look up; keep its first line.
  const firstLine = detail.split(/\r?\n/)[0]?.trim();
  return firstLine ? `Microsoft sign-in did not complete: ${firstLine}` : "Microsoft sign-in did not complete. Try again.";
}
