/** Shapes of the admin API as the tab reads them. */
import type { AdminJob, JobKind as AnyJobKind, JobProgress } from "../../../functions/src/domain/admin-jobs.js";
import type { AppInstallStatus } from "../../../functions/src/bot/proactive-install.js";
import type { ReminderSettings } from "../../../functions/src/domain/reminders.js";
import type { ColumnMapping, ImportField } from "../../../functions/src/domain/import/import-fields.js";
import type { ImportStatus } from "../../../functions/src/domain/import/import-jobs.js";
import type { ImportPreview } from "../../../functions/src/domain/import/import-service.js";
import type { PersonSummary } from "./types.js";

export type { AdminJob, AppInstallStatus, ColumnMapping, ImportField, ImportPreview, ImportStatus, JobProgress, ReminderSettings };

/** A sheet to import and how to read it: the column mapping the admin confirmed, if any. */
export interface ImportRequest {
  file: File;
  mapping: ColumnMapping | null;
}

/** Jobs the Admin view starts with a JSON body and follows at one path; imports have their own routes. */
export type JobKind = Exclude<AnyJobKind, "import">;

export interface AdminSettingsView {
  isApprovalRequired: boolean;
  organisationGoalOwnerIds: string[];
  organisationGoalOwners: Array<{ id: string; displayName: string | null; jobTitle: string | null }>;
  /** Cascade installs its Teams app for people a card must reach who have not added it. */
  isProactiveInstallEnabled: boolean;
  /** Whether this deployment can do that, and the last time Microsoft Graph refused. */
  appInstall: AppInstallStatus;
  reminders: ReminderSettings;
}

export interface AdminSettingsInput {
  isApprovalRequired: boolean;
  organisationGoalOwnerIds: string[];
  isProactiveInstallEnabled?: boolean;
  reminders: Partial<ReminderSettings>;
}

export interface VersionedSettings {
  settings: AdminSettingsView;
  etag: string;
}

export interface JobStatusView {
  isAvailable?: boolean;
  isRunning: boolean;
  job: AdminJob | null;
  lastFinished: AdminJob | null;
}

export interface DirectoryPerson extends PersonSummary {
  department: string | null;
  mail: string | null;
  isEnabled: boolean;
}

export interface AdminLogEntry {
  id: string;
  at: string;
  actorId: string;
  action: string;
  details: Record<string, string | number | boolean | null>;
}

export interface ExportPage {
  format: string;
  tenantId: string;
  sections: Record<string, unknown[]>;
  nextCursor: string | null;
}

export interface CycleInput {
  name: string;
  startDate: string;
  endDate: string;
}
