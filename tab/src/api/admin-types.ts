/** Shapes of the admin API as the tab reads them: the API contract's. */
import type { JobKind as AnyJobKind } from "../../../functions/src/contracts/index.js";

export type {
  AdminJob,
  AdminLogEntry,
  AdminSettingsInput,
  AdminSettingsView,
  AppInstallStatus,
  CycleInput,
  DirectoryPerson,
  ExportPage,
  JobProgress,
  JobStatusView,
  ReminderSettings,
  VersionedSettings,
} from "../../../functions/src/contracts/index.js";

/** Jobs the Admin view starts with a JSON body and follows at one path; imports have their own routes. */
export type JobKind = Exclude<AnyJobKind, "import">;
