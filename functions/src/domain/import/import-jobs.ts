/** Imports run as admin jobs (one at a time per tenant); their status is read back by the job's id. */
import { describeJobs, startJob, type AdminJob, type JobDeps, type JobResult } from "../admin-jobs.js";
import { assertAdmin } from "../admin.js";
import { notFound } from "../errors.js";
import type { Principal } from "../types.js";
import type { SheetRow } from "./import-fields.js";
import { readSheetFormat } from "./import-read.js";
import { assertRunnable, runImport, type ImportDeps, type ImportOptions } from "./import-service.js";

import type { ImportStatus } from "../../contracts/admin.js";
export type { ImportStatus };

const numberOf = (detail: JobResult | undefined | null, key: string) => (typeof detail?.[key] === "number" ? detail[key] : 0);

export function toImportStatus(job: AdminJob): ImportStatus {
  const detail = job.result ?? job.progress.detail;
  const errors = Array.isArray(detail?.["errors"]) ? (detail["errors"] as ImportStatus["errors"]) : [];
  const interrupted = "The import stopped because its process ended. The goals written before are complete; upload the same file again to continue.";
  return {
    id: job.id,
    status: job.state === "running" ? "running" : job.state === "succeeded" ? "done" : "failed",
    phase: job.progress.phase,
    total: job.progress.total,
    processed: numberOf(detail, "processed"),
    created: numberOf(detail, "created"),
    updated: numberOf(detail, "updated"),
    skipped: numberOf(detail, "skipped"),
    errors,
    errorCount: numberOf(detail, "errorCount"),
    failure: job.state === "failed" ? job.error : job.state === "interrupted" ? interrupted : null,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
  };
}

export async function startImport(deps: ImportDeps & { jobs: JobDeps }, principal: Principal, openSheet: () => AsyncIterable<SheetRow>, options: ImportOptions): Promise<{ job: AdminJob; done: Promise<AdminJob> }> {
  assertAdmin(principal, "import goals");
  assertRunnable({ format: await readSheetFormat(openSheet(), options.mapping) });
  return startJob(deps.jobs, principal.tenantId, "import", principal.userId, (report) => runImport(deps, principal, openSheet(), options, report));
}

export async function readImportStatus(jobs: JobDeps, principal: Principal, id: string): Promise<ImportStatus> {
  assertAdmin(principal, "see imports");
  const status = describeJobs((await jobs.jobs.readJobs(principal.tenantId, "import")).record, jobs.clock.now());
  const job = [status.job, status.lastFinished].find((j) => j?.id === id);
  if (!job) throw notFound("The import");
  return toImportStatus(job);
}
