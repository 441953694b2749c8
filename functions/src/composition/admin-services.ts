/** Wires the admin operations: settings (policy + reminder settings under one ETag), admin jobs,
 * the directory sync an admin can run on demand, and the tenant's data for export and erasure. */
import type { JobDeps } from "../domain/admin-jobs.js";
import type { AdminLogDeps } from "../domain/admin-log.js";
import type { PolicyPort, ReminderSettingsPort, SettingsViewDeps } from "../domain/admin.js";
import type { AppInstallStatus } from "../contracts/admin.js";
import type { CycleAdminDeps } from "../domain/cycles.js";
import type { DirectorySyncDeps, DirectorySyncRunner } from "../domain/directory-sync-job.js";
import type { ErasureDeps, ErasureMarks } from "../domain/erasure.js";
import type { GoalDeps } from "../domain/goal-context.js";
import type { ImportDeps, ImportGoalWriter } from "../domain/import/import-service.js";
import type { ImportViewDeps } from "../domain/import/import-views.js";
import type { DirectoryChange, DirectoryReader, DirectoryWriter } from "../domain/ports.js";
import type { Person } from "../domain/types.js";
import type { Logger } from "../domain/logger.js";
import { createAdminStore, type AdminStore } from "../store/admin-store.js";
import { createImportGoalWriter } from "../store/import-goal-writes.js";
import { createImportIds } from "../store/import-ids.js";
import { withStorageTimeout } from "../store/storage-timeout.js";
import type { TableFactory } from "../store/tables.js";
import type { TenantDataStore } from "../store/tenant-data.js";
import { createTenantDataRegistry, listExportSources } from "../store/tenant-data-registry.js";
import { createTenantExport, type TenantExport } from "../store/tenant-export.js";

/** The directory sync's deps are the admin services' own `jobs` and `runSync` (read at each call, so
 * a test may replace the runner). */
export interface AdminServices extends DirectorySyncDeps {
  store: AdminStore;
  settings: SettingsViewDeps;
  /** What admins did, for the Admin view. */
  adminLog: AdminLogDeps;
  /** Creating and closing cycles. */
  cycles: CycleAdminDeps;
  jobs: JobDeps;
  /** Every store that holds tenant data. */
  tenantData: readonly TenantDataStore[];
  export: TenantExport;
  erasure: ErasureDeps;
  /** Goals brought in from a spreadsheet or a Viva Goals export. */
  imports: ImportDeps;
}

export interface AdminOptions {
  tables: TableFactory;
  goalDeps: GoalDeps;
  policy: PolicyPort;
  reminders: ReminderSettingsPort;
  directory: DirectoryReader & DirectoryWriter;
  /** Who was erased; the same marks the token check reads. */
  erased: ErasureMarks;
  onDirectoryChanges(tenantId: string, changes: readonly DirectoryChange[]): Promise<unknown>;
  log: Logger;
  runSync: DirectorySyncRunner | null;
  /** Whether this deployment can install the app for people (the bot knows). */
  describeAppInstall(tenantId: string): Promise<AppInstallStatus>;
  listPeople(tenantId: string): AsyncIterable<Person>;
  /** What an import brings up to date after writing goals in bulk. */
  importViews: ImportViewDeps;
}

/** Each storage request of an import may take this long: a job nobody waits on sends many full
 * transactions and partition queries at once, which a busy host answers slowly. */
const IMPORT_STORAGE_TIMEOUT_MS = 30_000;
const longWaits = <A extends unknown[], R>(work: (...args: A) => Promise<R>) => (...args: A) => withStorageTimeout(IMPORT_STORAGE_TIMEOUT_MS, () => work(...args));

function withLongWaits(writer: ImportGoalWriter): ImportGoalWriter {
  return { writeGoals: longWaits((tenantId, writes, written) => writer.writeGoals(tenantId, writes, written)) };
}

function withLongViewWaits(views: ImportViewDeps): ImportViewDeps {
  return {
    cascadeIndex: { indexGoal: longWaits((goal, placement) => views.cascadeIndex.indexGoal(goal, placement)), indexNewGoals: longWaits((tenantId, entries) => views.cascadeIndex.indexNewGoals(tenantId, entries)) },
    rebuildRollUps: longWaits((tenantId, people) => views.rebuildRollUps(tenantId, people)),
  };
}

/** Creates the admin store (the caller ensures its tables) and the admin dependencies. */
export function createAdminServices(options: AdminOptions): AdminServices & { tables: string[] } {
  const store = createAdminStore(options.tables);
  const tenantData = createTenantDataRegistry(options.tables);
  const importIds = createImportIds(options.tables);
  const { clock, ids } = options.goalDeps;
  const adminLog: AdminLogDeps = { entries: store, clock, ids };
  return {
    tables: [...store.tables, ...importIds.tables],
    store,
    settings: { policy: options.policy, reminders: options.reminders, versions: store, directory: options.directory, adminLog, describeAppInstall: options.describeAppInstall },
    adminLog,
    cycles: { cycles: options.goalDeps.cycles, clock, ids, adminLog },
    jobs: { jobs: store, clock, ids, log: options.log },
    runSync: options.runSync,
    tenantData,
    export: createTenantExport(options.tables, listExportSources(tenantData)),
    erasure: {
      ...options.goalDeps,
      directory: options.directory,
      erased: options.erased,
      stores: tenantData,
      onDirectoryChanges: options.onDirectoryChanges,
      addLogEntry: (tenantId, entry) => store.addLogEntry(tenantId, entry),
    },
    imports: { goals: { getGoal: longWaits((t, id) => options.goalDeps.goals.getGoal(t, id)), listGoalsByOwner: longWaits((t, owner, filter) => options.goalDeps.goals.listGoalsByOwner(t, owner, filter)) }, writer: withLongWaits(createImportGoalWriter(options.tables)), views: withLongViewWaits(options.importViews), cycles: options.goalDeps.cycles, mappings: { listMappings: longWaits((t) => importIds.listMappings(t)), addMappings: (t, m) => withStorageTimeout(IMPORT_STORAGE_TIMEOUT_MS, () => importIds.addMappings(t, m)) }, listPeople: options.listPeople, clock, ids },
  };
}
