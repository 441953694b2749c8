/** The SMART check as a checklist: every criterion, met or not, in the order a form is filled. */
import type { SmartCode, SmartIssue, SmartResult } from "../../../functions/src/domain/smart.js";

export interface SmartCriterion {
  code: SmartCode;
  label: string;
  isMet: boolean;
  message: string | null;
}

const CRITERIA: ReadonlyArray<{ code: SmartCode; label: string }> = [
  { code: "specific_title", label: "A specific title" },
  { code: "description", label: "Why it matters and what done looks like" },
  { code: "measurable_key_result", label: "At least one measurable result" },
  { code: "due_date_in_cycle", label: "A due date inside the cycle" },
  { code: "alignment", label: "Aligned to a goal above yours" },
];

export function listSmartCriteria(result: SmartResult): SmartCriterion[] {
  return CRITERIA.map(({ code, label }) => {
    const issue = result.missing.find((candidate) => candidate.code === code);
    return { code, label, isMet: !issue, message: issue?.message ?? null };
  });
}

/** The first unmet SMART hint per form field, for inline hints next to the inputs. */
export function indexSmartHints(result: SmartResult): Partial<Record<SmartIssue["field"], string>> {
  const hints: Partial<Record<SmartIssue["field"], string>> = {};
  for (const issue of result.missing) hints[issue.field] ??= issue.message;
  return hints;
}

export function describeMissingCount(result: SmartResult): string {
  const count = result.missing.length;
  if (count === 0) return "Ready to send for approval";
  return count === 1 ? "1 thing to finish before you can send it for approval" : `${count} things to finish before you can send it for approval`;
}
