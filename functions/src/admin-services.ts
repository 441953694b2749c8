/** Wires the admin operations: settings (policy + reminder settings under one ETag), admin jobs
 * and the directory sync an admin can run on demand. */
import type { JobDeps, JobProgress, JobResult } from "./domain/admin-jobs.js";
import type { PolicyPort, ReminderSettingsPort, SettingsDeps } from "./domain/admin.js";
import type { Clock, DirectoryReader, DirectoryWriter, IdGenerator } from "./domain/ports.js";
import { seedDemoDirectory } from "./directory/demo-directory.js";
import { DEMO_PEOPLE } from "./directory/demo-org.js";
import type { Logger } from "./logging.js";
import { createAdminStore, type AdminStore } from "./store/admin-store.js";
import type { TableFactory } from "./store/tables.js";

/** Runs one directory sync for a tenant, reporting progress as it goes; resolves with counts. */
export type DirectorySyncRunner = (tenantId: string, report: (progress: JobProgress) => void) => Promise<JobResult>;

export interface AdminServices {
  store: AdminStore;
  settings: SettingsDeps;
  jobs: JobDeps;
  /** Null when this deployment has no way to sync (no Graph credentials configured). */
  runSync: DirectorySyncRunner | null;
}

export interface AdminOptions {
  tables: TableFactory;
  policy: PolicyPort;
  reminders: ReminderSettingsPort;
  directory: DirectoryReader & DirectoryWriter;
  clock: Clock;
  ids: IdGenerator;
  log: Logger;
  runSync: DirectorySyncRunner | null;
}

/** Local development has no Graph: a sync reloads the demo organisation. */
export function createDemoSyncRunner(directory: DirectoryWriter): DirectorySyncRunner {
  return async (tenantId, report) => {
    report({ phase: "people", done: 0, total: DEMO_PEOPLE.length });
    await seedDemoDirectory(directory, tenantId);
    report({ phase: "people", done: DEMO_PEOPLE.length, total: DEMO_PEOPLE.length });
    return { source: "demo", people: DEMO_PEOPLE.length };
  };
}

/** Creates the admin store (the caller ensures its tables) and the admin dependencies. */
export function createAdminServices(options: AdminOptions): AdminServices & { tables: string[] } {
  const store = createAdminStore(options.tables);
  return {
    tables: store.tables,
    store,
    settings: { policy: options.policy, reminders: options.reminders, versions: store, directory: options.directory },
    jobs: { jobs: store, clock: options.clock, ids: options.ids, log: options.log },
    runSync: options.runSync,
  };
}
