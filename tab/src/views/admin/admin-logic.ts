/** Plain-language pieces of the Admin view, kept pure so they are tested without a browser. */
import type { AdminJob, AdminSettingsInput, AdminSettingsView, JobProgress } from "../../api/admin-types.js";
import type { MessageId, Translator } from "../../i18n/translator.js";

/** Sunday first, as the API counts them. */
export const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6] as const;

export function toSettingsInput(view: AdminSettingsView): AdminSettingsInput {
  return {
    isApprovalRequired: view.isApprovalRequired,
    organisationGoalOwnerIds: [...view.organisationGoalOwnerIds],
    isProactiveInstallEnabled: view.isProactiveInstallEnabled,
    defaultLocale: view.defaultLocale,
    reminders: { ...view.reminders },
  };
}

/** A language's name as its speakers write it ("Deutsch", "日本語"), from the browser's own data. */
export function nameLanguageInItself(locale: string): string {
  const name = new Intl.DisplayNames([locale], { type: "language" }).of(locale) ?? locale;
  return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
}

/** What the install setting does, in the state it is in. */
export function describeAppInstall(isEnabled: boolean, tr: Translator): string {
  return tr.t(isEnabled ? "admin.appInstall.on" : "admin.appInstall.off");
}

/** "On 3 Feb 2027, 10:00 Microsoft Graph refused (403). Grant …" */
export function describeInstallProblem(problem: NonNullable<AdminSettingsView["appInstall"]["lastProblem"]>, tr: Translator): string {
  return tr.t("admin.appInstall.problem", { when: tr.formatDateTime(problem.at), status: problem.status, fix: problem.fix });
}

/** "Every Monday at 09:00 (Europe/Berlin)", or "Off". */
export function describeCadence(reminders: AdminSettingsView["reminders"], tr: Translator): string {
  if (!reminders.isEnabled) return tr.t("admin.cadence.off");
  const values = { time: tr.formatHour(reminders.hour), zone: reminders.defaultTimeZone, day: tr.formatWeekday(reminders.dayOfWeek) };
  return tr.t(reminders.cadence === "daily" ? "admin.cadence.daily" : "admin.cadence.weekly", values);
}

export interface ProgressView {
  label: string;
  /** 0–1 when the total is known; undefined shows an indeterminate bar. */
  value: number | undefined;
}

const PHASES = {
  starting: "admin.phase.starting",
  reading: "admin.phase.reading",
  writing: "admin.phase.writing",
  done: "admin.phase.people",
  people: "admin.phase.people",
  goals: "admin.phase.goals",
  tables: "admin.phase.tables",
} as const satisfies Record<string, MessageId>;

export function describeProgress(progress: JobProgress, tr: Translator): ProgressView {
  const phase = Object.hasOwn(PHASES, progress.phase) ? tr.t(PHASES[progress.phase as keyof typeof PHASES]) : progress.phase;
  const done = tr.formatNumber(progress.done);
  if (progress.total === null || progress.total <= 0) {
    return { label: progress.done > 0 ? tr.t("admin.progress.soFar", { phase, done }) : tr.t("admin.progress.starting", { phase }), value: undefined };
  }
  return { label: tr.t("admin.progress.of", { phase, done, total: tr.formatNumber(progress.total) }), value: Math.min(1, progress.done / progress.total) };
}

/** "people 1,000 · managers changed 3" from a job's result counts: the API's own field names, for admins. */
export function describeResult(result: AdminJob["result"], tr: Translator): string {
  if (!result) return "";
  return Object.entries(result)
    .map(([key, value]) => `${key.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase()} ${typeof value === "number" ? tr.formatNumber(value) : String(value)}`)
    .join(" · ");
}

/** The erase dialog asks for the person's name typed out; spacing and letter case do not matter,
 * every letter does. */
export function isConfirmationMatch(typed: string, expected: string): boolean {
  const normalize = (text: string) => text.normalize("NFC").trim().replace(/\s+/g, " ").toLowerCase();
  return expected.trim() !== "" && normalize(typed) === normalize(expected);
}

export function buildExportFileName(tenantId: string, at: Date): string {
  return `cascade-export-${tenantId.slice(0, 8)}-${at.toISOString().slice(0, 10)}.json`;
}

export function validateCycleInput(input: { name: string; startDate: string; endDate: string }, tr: Translator): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!input.name.trim()) errors.name = tr.t("admin.cycle.error.name");
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.startDate)) errors.startDate = tr.t("admin.cycle.error.start");
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.endDate)) errors.endDate = tr.t("admin.cycle.error.end");
  else if (input.startDate && input.endDate < input.startDate) errors.endDate = tr.t("admin.cycle.error.order");
  return errors;
}
