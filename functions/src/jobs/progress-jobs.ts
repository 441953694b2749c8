/** Runs the reminder, digest or close-out job for some tenants; the timers and the local "run a job
 * now" route come here. */
import type { ProgressDeps } from "../bot/progress-ports.js";
import type { JobRunOptions, JobRunResult } from "./reminder-job.js";

export type JobName = "reminders" | "digests" | "close-outs";

type TenantRun = (progress: ProgressDeps, tenantId: string, now: Date, options: JobRunOptions) => Promise<JobRunResult>;

/** The job's code and its card builders load with its first run, not with the instance. */
async function loadJob(job: JobName): Promise<TenantRun> {
  if (job === "reminders") return (await import("./reminder-job.js")).runReminderJob;
  if (job === "digests") return (await import("./digest-job.js")).runDigestJob;
  // Close-out cards follow the cycles' dates, not a person's slot: the options do not apply.
  const { runCloseOutJob } = await import("./close-out-job.js");
  return (progress, tenantId, now) => runCloseOutJob(progress, tenantId, now);
}

export async function runProgressJob(progress: ProgressDeps, job: JobName, now: Date, options: JobRunOptions, tenantIds: readonly string[]): Promise<JobRunResult[]> {
  const run = await loadJob(job);
  const results: JobRunResult[] = [];
  for (const tenantId of tenantIds) {
    results.push(await run(progress, tenantId, now, options));
  }
  return results;
}
