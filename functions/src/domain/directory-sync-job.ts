/** The directory sync an admin runs on demand, as an admin job (one at a time per tenant). Where the
 * deployment cannot read the org chart (no Graph credentials), the sync is unavailable. */
import type { JobProgress, JobResult, JobStatusView, AdminJob } from "../contracts/admin.js";
import { readJobStatus, startJob, type JobDeps } from "./admin-jobs.js";
import { AppError } from "./errors.js";
import type { Principal } from "./types.js";

/** Runs one directory sync for a tenant, reporting progress as it goes; resolves with counts. */
export type DirectorySyncRunner = (tenantId: string, report: (progress: JobProgress) => void) => Promise<JobResult>;

export interface DirectorySyncDeps {
  jobs: JobDeps;
  /** Null when this deployment has no way to sync (no Graph credentials configured). */
  runSync: DirectorySyncRunner | null;
}

export async function readDirectorySyncStatus(deps: DirectorySyncDeps, tenantId: string): Promise<JobStatusView & { isAvailable: boolean }> {
  return { isAvailable: deps.runSync !== null, ...(await readJobStatus(deps.jobs, tenantId, "sync")) };
}

/** Starts a sync without waiting for it; conflict while one is running. */
export async function startDirectorySync(deps: DirectorySyncDeps, admin: Principal): Promise<AdminJob> {
  const runSync = deps.runSync;
  if (!runSync) throw new AppError("unavailable", "Directory sync is not configured: set AAD_APP_CLIENT_ID and the app's credential so Cascade can read the org chart from Microsoft Graph.");
  const { job } = await startJob(deps.jobs, admin.tenantId, "sync", admin.userId, (report) => runSync(admin.tenantId, report));
  return job;
}
