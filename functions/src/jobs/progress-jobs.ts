/** Runs the reminder or the digest job for some tenants; the timer and the local "run a job now" route
 * both come here. */
import type { ProgressDeps } from "../bot/progress-ports.js";
import type { JobRunOptions, JobRunResult } from "./reminder-job.js";

export type JobName = "reminders" | "digests";

/** The job's code and its card builders load with its first run, not with the instance. */
export async function runProgressJob(progress: ProgressDeps, job: JobName, now: Date, options: JobRunOptions, tenantIds: readonly string[]): Promise<JobRunResult[]> {
  const run = job === "reminders" ? (await import("./reminder-job.js")).runReminderJob : (await import("./digest-job.js")).runDigestJob;
  const results: JobRunResult[] = [];
  for (const tenantId of tenantIds) {
    results.push(await run(progress, tenantId, now, options));
  }
  return results;
}
