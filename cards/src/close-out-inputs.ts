/** Input ids of the close-out form on the close-out card, and the parser that turns a submitted form
 * back into the body of POST /goals/{id}/close-out. Ids carry the goal id because one card holds a
 * form per goal and every input of the card is submitted together. */
import type { CardIntl } from "./i18n/card-intl.js";
import type { CloseOutBody, CloseOutOutcome } from "./types.js";

export const REFLECTION_MAX_LENGTH = 2000;
export const CLOSE_OUT_OUTCOMES: readonly CloseOutOutcome[] = ["achieved", "partly", "missed"];

export const closeOutInputIds = {
  score: (goalId: string) => `${goalId}.closeOut.score`,
  outcome: (goalId: string) => `${goalId}.closeOut.outcome`,
  reflection: (goalId: string) => `${goalId}.closeOut.reflection`,
};

export type CloseOutParseResult = { ok: true; value: CloseOutBody } | { ok: false; errors: Array<{ inputId: string; message: string }> };

/** Teams submits every input value as a string; other hosts may send numbers. */
function readScore(value: unknown): number | null {
  const number = typeof value === "number" ? value : typeof value === "string" && /^\s*\d{1,3}\s*$/.test(value) ? Number(value) : NaN;
  return Number.isInteger(number) && number >= 0 && number <= 100 ? number : null;
}

export function parseCloseOutInputs(goalId: string, data: Record<string, unknown>, intl: CardIntl): CloseOutParseResult {
  const errors: Array<{ inputId: string; message: string }> = [];
  const score = readScore(data[closeOutInputIds.score(goalId)]);
  if (score === null) errors.push({ inputId: closeOutInputIds.score(goalId), message: intl.t("closeOut.error.score") });
  const outcome = data[closeOutInputIds.outcome(goalId)];
  if (!CLOSE_OUT_OUTCOMES.includes(outcome as CloseOutOutcome)) errors.push({ inputId: closeOutInputIds.outcome(goalId), message: intl.t("closeOut.error.outcome") });
  const raw = data[closeOutInputIds.reflection(goalId)];
  const reflection = typeof raw === "string" ? raw.trim() : "";
  if (!reflection || reflection.length > REFLECTION_MAX_LENGTH) errors.push({ inputId: closeOutInputIds.reflection(goalId), message: intl.t("closeOut.error.reflection", { max: REFLECTION_MAX_LENGTH }) });
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { score: score!, outcome: outcome as CloseOutOutcome, reflection } };
}
