/** Input ids of the approval card and the parser that turns a submitted action back into the
 * body of POST /goals/{id}/decision. Works for Action.Execute data and the Action.Submit fallback. */
import type { CardIntl } from "./i18n/card-intl.js";
import type { MessageId } from "./i18n/catalogues.js";
import type { Decision } from "./types.js";
import { VERBS, type Verb } from "./verbs.js";

export const COMMENT_MAX_LENGTH = 1000;

/** Each comment box lives in its own show-card, and input ids must be unique across the card. */
export const COMMENT_INPUT_IDS = {
  requestChanges: "requestChangesComment",
  reject: "rejectComment",
} as const;

/** Plain-language prompts for the required comments; the card shows them as error messages too. */
export const COMMENT_PROMPTS = {
  requestChanges: "approval.prompt.requestChanges",
  reject: "approval.prompt.reject",
} as const satisfies Record<string, MessageId>;

interface DecisionMapping {
  decision: Decision;
  comment: { inputId: string; prompt: MessageId } | null;
}

const DECISION_BY_VERB: Partial<Record<Verb, DecisionMapping>> = {
  [VERBS.approve]: { decision: "approve", comment: null },
  [VERBS.requestChanges]: {
    decision: "request_changes",
    comment: { inputId: COMMENT_INPUT_IDS.requestChanges, prompt: COMMENT_PROMPTS.requestChanges },
  },
  [VERBS.reject]: { decision: "reject", comment: { inputId: COMMENT_INPUT_IDS.reject, prompt: COMMENT_PROMPTS.reject } },
};

export interface ParsedDecision {
  goalId: string;
  version: string;
  decision: Decision;
  comment: string | null;
}

export type DecisionParseResult = { ok: true; value: ParsedDecision } | { ok: false; errors: string[] };

function readText(data: Record<string, unknown>, key: string): string {
  const value = data[key];
  return typeof value === "string" ? value.trim() : "";
}

export function parseDecisionInputs(verb: string, data: Record<string, unknown>, intl: CardIntl): DecisionParseResult {
  const mapping = DECISION_BY_VERB[verb as Verb];
  if (!mapping) return { ok: false, errors: [intl.t("approval.error.notDecision")] };
  const goalId = readText(data, "goalId");
  const version = readText(data, "version");
  const errors: string[] = [];
  if (!goalId || !version) errors.push(intl.t("bot.error.missingGoal"));
  const comment = mapping.comment ? readText(data, mapping.comment.inputId) : "";
  // Older clients submit without checking isRequired, so the rule is enforced here too.
  if (mapping.comment && !comment) errors.push(intl.t(mapping.comment.prompt));
  if (comment.length > COMMENT_MAX_LENGTH) errors.push(intl.t("approval.error.commentLength", { max: COMMENT_MAX_LENGTH }));
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { goalId, version, decision: mapping.decision, comment: comment || null } };
}
