/** The directory sync an admin runs on demand: Microsoft Graph in Azure, the demo organisation
 * locally. Both report progress in the admin jobs' terms. */
import type { Config } from "../config.js";
import { seedDemoDirectory } from "../directory/demo-directory.js";
import { DEMO_PEOPLE } from "../directory/demo-org.js";
import type { SyncProgress } from "../directory/graph-sync.js";
import type { JobProgress } from "../domain/admin-jobs.js";
import type { DirectorySyncRunner } from "../domain/directory-sync-job.js";
import type { DirectoryChange, DirectoryWriter } from "../domain/ports.js";
import type { TableDirectory } from "../store/directory-store.js";
import type { SyncStateStore } from "../store/sync-state-store.js";

/** Local development has no Graph: a sync reloads the demo organisation. */
export function createDemoSyncRunner(directory: DirectoryWriter): DirectorySyncRunner {
  return async (tenantId, report) => {
    report({ phase: "people", done: 0, total: DEMO_PEOPLE.length });
    await seedDemoDirectory(directory, tenantId);
    report({ phase: "people", done: DEMO_PEOPLE.length, total: DEMO_PEOPLE.length });
    return { source: "demo", people: DEMO_PEOPLE.length };
  };
}

export function toJobProgress(progress: SyncProgress): JobProgress {
  return { phase: progress.phase, done: progress.usersSeen, total: null };
}

export interface GraphSyncOptions {
  config: Pick<Config, "entra" | "graphBaseUrl">;
  directory: TableDirectory;
  syncState: SyncStateStore;
  onChanges(tenantId: string, changes: DirectoryChange[]): Promise<void>;
}

/** Null without the app's credential: Graph cannot be read, and the Admin view says so. The Graph
 * client and MSAL load with the first sync, so starting an instance does not pay for them. */
export function createGraphSyncRunner(options: GraphSyncOptions): DirectorySyncRunner | null {
  const { entra, graphBaseUrl } = options.config;
  if (!entra.clientId || !entra.clientSecret) return null;
  return async (tenantId, report) => {
    const { syncDirectory } = await import("../directory/graph-sync.js");
    const result = await syncDirectory({
      tenantId,
      clientId: entra.clientId,
      clientSecret: entra.clientSecret!,
      authorityHost: entra.authorityHost,
      graphBaseUrl,
      directory: options.directory,
      syncState: options.syncState,
      onChanges: options.onChanges,
      onProgress: (progress) => report(toJobProgress(progress)),
    });
    return { mode: result.mode, usersSeen: result.usersSeen, written: result.written, removed: result.removed, changes: result.changes.length, anomalies: result.anomalies.length, seconds: result.seconds };
  };
}
