/** Long admin operations (directory sync, erasing a person) run after the request that started them
 * has been answered. Their status lives in storage, so any instance can report it: one job of a
 * kind at a time per tenant, progress written at most once a second, and a heartbeat so that a job
 * whose process died shows as interrupted instead of running forever. */
import { AppError, isAppError } from "./errors.js";
import type { Clock, IdGenerator } from "./ports.js";
import type { Logger } from "./logger.js";
import type { AdminJob, JobKind, JobProgress, JobResult, JobStatus } from "../contracts/admin.js";

/** A job and its status as the admin API carries them. */
export type { AdminJob, JobKind, JobProgress, JobResult, JobState, JobStatus, JobValue } from "../contracts/admin.js";

export interface JobRecord {
  latest: AdminJob | null;
  lastFinished: AdminJob | null;
}

export interface JobPort {
  readJobs(tenantId: string, kind: JobKind): Promise<{ record: JobRecord; etag: string | null }>;
  /** Writes when the stored ETag still matches (null: only when nothing is stored); returns the new
   * ETag; throws precondition_failed otherwise. */
  writeJobs(tenantId: string, kind: JobKind, record: JobRecord, etag: string | null): Promise<string>;
}

export interface JobDeps {
  jobs: JobPort;
  clock: Clock;
  ids: IdGenerator;
  log: Logger;
}

export type JobWork = (report: (progress: JobProgress) => void) => Promise<JobResult>;

export const STALE_AFTER_MS = 2 * 60_000;
export const HEARTBEAT_MS = 20_000;
export const PROGRESS_EVERY_MS = 1_000;

/** A running job whose heartbeat stopped is reported as interrupted. */
export function describeJobs(record: JobRecord, now: Date): JobStatus {
  const latest = record.latest;
  if (latest?.state === "running" && now.getTime() - Date.parse(latest.updatedAt) > STALE_AFTER_MS) {
    return { isRunning: false, job: { ...latest, state: "interrupted" }, lastFinished: record.lastFinished };
  }
  return { isRunning: latest?.state === "running", job: latest, lastFinished: record.lastFinished };
}

export async function readJobStatus(deps: JobDeps, tenantId: string, kind: JobKind): Promise<JobStatus> {
  return describeJobs((await deps.jobs.readJobs(tenantId, kind)).record, deps.clock.now());
}

function describeFailure(error: unknown): string {
  return isAppError(error) ? error.message : "The job stopped because of an unexpected error; the logs have the details. Run it again.";
}

/** Claims the job slot and starts the work without waiting for it. `done` settles when the work
 * ends and never rejects. Throws conflict while another job of the kind is running. */
export async function startJob(deps: JobDeps, tenantId: string, kind: JobKind, requestedBy: string, work: JobWork): Promise<{ job: AdminJob; done: Promise<AdminJob> }> {
  const { record, etag } = await deps.jobs.readJobs(tenantId, kind);
  const status = describeJobs(record, deps.clock.now());
  if (status.isRunning) throw new AppError("conflict", `A ${kind} is already running; wait for it to finish.`, { extra: { job: status.job } });
  const now = deps.clock.now().toISOString();
  const job: AdminJob = { id: deps.ids.newId(), kind, state: "running", requestedBy, startedAt: now, updatedAt: now, finishedAt: null, progress: { phase: "starting", done: 0, total: null }, result: null, error: null };
  const previous = status.job && status.job.state !== "running" ? status.job : record.lastFinished;
  let written: string;
  try {
    written = await deps.jobs.writeJobs(tenantId, kind, { latest: job, lastFinished: previous }, etag);
  } catch (error) {
    if (isAppError(error) && error.code === "precondition_failed") throw new AppError("conflict", `A ${kind} was started by someone else just now.`);
    throw error;
  }
  return { job, done: runJob(deps, { tenantId, kind, job, lastFinished: previous, etag: written }, work) };
}

interface RunState {
  tenantId: string;
  kind: JobKind;
  job: AdminJob;
  lastFinished: AdminJob | null;
  etag: string;
}

async function runJob(deps: JobDeps, state: RunState, work: JobWork): Promise<AdminJob> {
  let latest = state.job;
  let etag = state.etag;
  let isLost = false;
  let lastWriteAt = 0;
  let writes = Promise.resolve();
  const persist = (job: AdminJob, lastFinished: AdminJob | null) => {
    writes = writes.then(async () => {
      if (isLost) return;
      try {
        etag = await deps.jobs.writeJobs(state.tenantId, state.kind, { latest: job, lastFinished }, etag);
      } catch (error) {
        isLost = isAppError(error) && error.code === "precondition_failed";
        deps.log("warn", "Could not record an admin job's status", { kind: state.kind, jobId: job.id, error });
      }
    });
  };
  const touch = (changes: Partial<AdminJob>) => (latest = { ...latest, ...changes, updatedAt: deps.clock.now().toISOString() });
  const heartbeat = setInterval(() => persist(touch({}), state.lastFinished), HEARTBEAT_MS);
  heartbeat.unref?.();
  const report = (progress: JobProgress) => {
    touch({ progress });
    if (Date.now() - lastWriteAt < PROGRESS_EVERY_MS) return;
    lastWriteAt = Date.now();
    persist(latest, state.lastFinished);
  };
  try {
    const result = await work(report);
    touch({ state: "succeeded", result, finishedAt: deps.clock.now().toISOString() });
  } catch (error) {
    deps.log("error", "An admin job failed", { kind: state.kind, jobId: latest.id, error });
    touch({ state: "failed", error: describeFailure(error), finishedAt: deps.clock.now().toISOString() });
  } finally {
    clearInterval(heartbeat);
  }
  persist(latest, latest);
  await writes;
  return latest;
}
