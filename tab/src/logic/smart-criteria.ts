/** The SMART check as a checklist: every criterion, met or not, in the order a form is filled. */
import type { SmartCode, SmartIssue, SmartResult } from "../../../functions/src/contracts/smart.js";
import type { Translator } from "../i18n/translator.js";

export interface SmartCriterion {
  code: SmartCode;
  label: string;
  isMet: boolean;
  message: string | null;
}

const CRITERIA: readonly SmartCode[] = ["specific_title", "description", "measurable_key_result", "due_date_in_cycle", "alignment"];

/** The server's hint is English; the tab says the same in the person's language, by code. */
function describeIssue(issue: SmartIssue, tr: Translator): string {
  return (CRITERIA as readonly string[]).includes(issue.code) ? tr.t(`smart.${issue.code}.hint`) : issue.message;
}

export function listSmartCriteria(result: SmartResult, tr: Translator): SmartCriterion[] {
  return CRITERIA.map((code) => {
    const issue = result.missing.find((candidate) => candidate.code === code);
    return { code, label: tr.t(`smart.${code}`), isMet: !issue, message: issue ? describeIssue(issue, tr) : null };
  });
}

/** The first unmet SMART hint per form field, for inline hints next to the inputs. */
export function indexSmartHints(result: SmartResult, tr: Translator): Partial<Record<SmartIssue["field"], string>> {
  const hints: Partial<Record<SmartIssue["field"], string>> = {};
  for (const issue of result.missing) hints[issue.field] ??= describeIssue(issue, tr);
  return hints;
}

export function describeMissingCount(result: SmartResult, tr: Translator): string {
  return tr.t("smart.missingCount", { count: result.missing.length });
}
