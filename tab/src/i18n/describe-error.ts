/** An API failure in the person's language. The server's own words are English and meant for
 * developers, so the tab says what happened from the status and code it knows, and keeps the
 * server's detail only for a refused input, where it names the field. */
import { ApiError } from "../api/client.js";
import type { Translator } from "./translator.js";

export function describeError(error: unknown, tr: Translator): string {
  if (!(error instanceof ApiError)) return tr.t("error.unexpected");
  const { status, code } = error.problem;
  if (code === "network") return tr.t("error.network");
  if (code === "sso_failed" || code === "sign_in_failed") return error.problem.detail ?? tr.t("error.signIn");
  if (status === 401) return tr.t("error.signIn");
  if (status === 403) return tr.t("error.forbidden");
  if (status === 404) return tr.t("error.notFound");
  if (status === 409 || status === 412) return tr.t("error.conflict");
  if (status === 429) return tr.t("error.busy");
  if (status >= 500) return tr.t("error.unavailable");
  return error.problem.detail ?? tr.t("error.unexpected");
}
