/** Shapes of the admin API as the tab reads them: the API contract's. */
import type { ColumnMapping, JobKind as AnyJobKind } from "../../../functions/src/contracts/index.js";

export type {
  AdminJob,
  AdminLogEntry,
  AdminSettingsInput,
  AdminSettingsView,
  AppInstallStatus,
  ColumnMapping,
  CycleInput,
  DirectoryPerson,
  ExportPage,
  ImportField,
  ImportPreview,
  ImportStatus,
  JobProgress,
  JobStatusView,
  ReminderSettings,
  VersionedSettings,
} from "../../../functions/src/contracts/index.js";

/** A sheet to import and how to read it: the column mapping the admin confirmed, if any. */
export interface ImportRequest {
  file: File;
  mapping: ColumnMapping | null;
}

/** Jobs the Admin view starts with a JSON body and follows at one path; imports have their own routes. */
export type JobKind = Exclude<AnyJobKind, "import">;
