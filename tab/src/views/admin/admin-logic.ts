/** Plain-language pieces of the Admin view, kept pure so they are tested without a browser. */
import type { AdminJob, AdminSettingsInput, AdminSettingsView, JobProgress } from "../../api/admin-types.js";

export const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;

export function formatHour(hour: number): string {
  return `${String(hour).padStart(2, "0")}:00`;
}

export function toSettingsInput(view: AdminSettingsView): AdminSettingsInput {
  return { isApprovalRequired: view.isApprovalRequired, organisationGoalOwnerIds: [...view.organisationGoalOwnerIds], isProactiveInstallEnabled: view.isProactiveInstallEnabled, reminders: { ...view.reminders } };
}

/** What the install setting does, in the state it is in. */
export function describeAppInstall(isEnabled: boolean): string {
  return isEnabled
    ? "When someone who has not added Cascade in Teams is due a card (an approval, a reminder), Cascade adds it for them once, and the card arrives in their chat."
    : "Cards for people who have not added Cascade in Teams wait in the tab (the Approvals view) until they add it.";
}

/** "On 3 Feb 2027, 10:00 Microsoft Graph refused (403). Grant …" */
export function describeInstallProblem(problem: NonNullable<AdminSettingsView["appInstall"]["lastProblem"]>, formatWhen: (iso: string) => string): string {
  return `On ${formatWhen(problem.at)} Microsoft Graph refused to install Cascade (${problem.status}). ${problem.fix}`;
}

/** "Every Monday at 09:00 (Europe/Berlin)", or "Off". */
export function describeCadence(reminders: AdminSettingsView["reminders"]): string {
  if (!reminders.isEnabled) return "Reminders are off";
  const when = reminders.cadence === "daily" ? "Every day" : `Every ${WEEKDAYS[reminders.dayOfWeek] ?? "week"}`;
  return `${when} at ${formatHour(reminders.hour)}, in each person's time zone (otherwise ${reminders.defaultTimeZone})`;
}

export interface ProgressView {
  label: string;
  /** 0–1 when the total is known; undefined shows an indeterminate bar. */
  value: number | undefined;
}

const PHASES: Record<string, string> = { starting: "Starting", reading: "People read from the directory", writing: "People saved", done: "People", people: "People", goals: "Goals", tables: "Rows checked" };

export function describeProgress(progress: JobProgress): ProgressView {
  const phase = PHASES[progress.phase] ?? progress.phase.charAt(0).toUpperCase() + progress.phase.slice(1);
  const count = progress.done.toLocaleString("en");
  if (progress.total === null || progress.total <= 0) return { label: progress.done > 0 ? `${phase}: ${count} so far` : `${phase}…`, value: undefined };
  return { label: `${phase}: ${count} of ${progress.total.toLocaleString("en")}`, value: Math.min(1, progress.done / progress.total) };
}

/** "people 1,000 · changed 3" from a job's result counts. */
export function describeResult(result: AdminJob["result"]): string {
  if (!result) return "";
  return Object.entries(result)
    .map(([key, value]) => `${key.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase()} ${typeof value === "number" ? value.toLocaleString("en") : String(value)}`)
    .join(" · ");
}

export const JOB_STATE_TEXT: Record<AdminJob["state"], string> = {
  running: "Running",
  succeeded: "Finished",
  failed: "Failed",
  interrupted: "Interrupted",
};

/** The erase dialog asks for the person's name typed out; spacing and letter case do not matter,
 * every letter does. */
export function isConfirmationMatch(typed: string, expected: string): boolean {
  const normalize = (text: string) => text.normalize("NFC").trim().replace(/\s+/g, " ").toLowerCase();
  return expected.trim() !== "" && normalize(typed) === normalize(expected);
}

export function buildExportFileName(tenantId: string, at: Date): string {
  return `cascade-export-${tenantId.slice(0, 8)}-${at.toISOString().slice(0, 10)}.json`;
}

export function validateCycleInput(input: { name: string; startDate: string; endDate: string }): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!input.name.trim()) errors.name = "Give the cycle a name, such as Q3 2027.";
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.startDate)) errors.startDate = "Choose the first day.";
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.endDate)) errors.endDate = "Choose the last day.";
  else if (input.startDate && input.endDate < input.startDate) errors.endDate = "The cycle must end after it starts.";
  return errors;
}
