import { describe, expect, test } from "vitest";
import { describeJobs, readJobStatus, startJob, STALE_AFTER_MS, type AdminJob, type JobDeps, type JobKind, type JobPort, type JobRecord } from "./admin-jobs.js";
import { AppError } from "./errors.js";

function createMemoryJobs(): JobPort & { writes: number } {
  const rows = new Map<string, { record: JobRecord; etag: string }>();
  let version = 0;
  return {
    writes: 0,
    async readJobs(tenantId: string, kind: JobKind) {
      const row = rows.get(`${tenantId}|${kind}`);
      return row ? { record: structuredClone(row.record), etag: row.etag } : { record: { latest: null, lastFinished: null }, etag: null };
    },
    async writeJobs(tenantId: string, kind: JobKind, record: JobRecord, etag: string | null) {
      const key = `${tenantId}|${kind}`;
      if ((rows.get(key)?.etag ?? null) !== etag) throw new AppError("precondition_failed", "stale");
      this.writes++;
      const next = `v${++version}`;
      rows.set(key, { record: structuredClone(record), etag: next });
      return next;
    },
  };
}

function buildDeps(now = () => new Date("2027-02-01T10:00:00Z")) {
  const jobs = createMemoryJobs();
  const logged: unknown[] = [];
  let n = 0;
  const deps: JobDeps = { jobs, clock: { now }, ids: { newId: () => `job-${++n}` }, log: (...args) => logged.push(args) };
  return { deps, jobs, logged };
}

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe("admin jobs", () => {
  test("a job runs after it is started and records its result", async () => {
    const { deps } = buildDeps();
    const gate = deferred();
    const { job, done } = await startJob(deps, "t1", "sync", "admin-1", async (report) => {
      report({ phase: "people", done: 5, total: 10 });
      await gate.promise;
      return { people: 10 };
    });
    expect(job).toMatchObject({ id: "job-1", kind: "sync", state: "running", requestedBy: "admin-1" });
    expect((await readJobStatus(deps, "t1", "sync")).isRunning).toBe(true);
    gate.resolve();
    const finished = await done;
    expect(finished).toMatchObject({ state: "succeeded", result: { people: 10 }, progress: { phase: "people", done: 5, total: 10 } });
    const status = await readJobStatus(deps, "t1", "sync");
    expect(status).toMatchObject({ isRunning: false, job: { state: "succeeded" }, lastFinished: { id: "job-1" } });
  });

  test("only one job of a kind runs at a time per tenant", async () => {
    const { deps } = buildDeps();
    const gate = deferred();
    const first = await startJob(deps, "t1", "sync", "admin-1", async () => (await gate.promise, {}));
    await expect(startJob(deps, "t1", "sync", "admin-2", async () => ({}))).rejects.toMatchObject({ code: "conflict" });
    const other = await startJob(deps, "t2", "sync", "admin-3", async () => ({}));
    const erase = await startJob(deps, "t1", "erase", "admin-1", async () => ({}));
    gate.resolve();
    await Promise.all([first.done, other.done, erase.done]);
    const next = await startJob(deps, "t1", "sync", "admin-2", async () => ({ again: true }));
    expect((await next.done).state).toBe("succeeded");
    expect((await readJobStatus(deps, "t1", "sync")).lastFinished?.result).toEqual({ again: true });
  });

  test("a failure is recorded without the error's own text, which may name people", async () => {
    const { deps, logged } = buildDeps();
    const { done } = await startJob(deps, "t1", "sync", "admin-1", async () => {
      throw new Error("Graph said no for ada@contoso.example");
    });
    const failed = await done;
    expect(failed.state).toBe("failed");
    expect(failed.error).not.toContain("ada");
    expect(logged).toHaveLength(1);
  });

  test("an app error's message is shown as it is meant for people", async () => {
    const { deps } = buildDeps();
    const { done } = await startJob(deps, "t1", "sync", "admin-1", async () => {
      throw new AppError("unavailable", "Microsoft Graph is not reachable.");
    });
    expect((await done).error).toBe("Microsoft Graph is not reachable.");
  });

  test("a running job whose heartbeat stopped shows as interrupted and can be replaced", async () => {
    const running: AdminJob = { id: "old", kind: "sync", state: "running", requestedBy: "a", startedAt: "2027-02-01T09:00:00Z", updatedAt: "2027-02-01T09:00:00Z", finishedAt: null, progress: { phase: "people", done: 1, total: null }, result: null, error: null };
    const now = new Date(Date.parse(running.updatedAt) + STALE_AFTER_MS + 1000);
    expect(describeJobs({ latest: running, lastFinished: null }, now)).toMatchObject({ isRunning: false, job: { id: "old", state: "interrupted" } });
    expect(describeJobs({ latest: running, lastFinished: null }, new Date(Date.parse(running.updatedAt) + 1000)).isRunning).toBe(true);
    const { deps, jobs } = buildDeps(() => now);
    await jobs.writeJobs("t1", "sync", { latest: running, lastFinished: null }, null);
    const { done } = await startJob(deps, "t1", "sync", "admin-1", async () => ({}));
    await done;
    expect((await readJobStatus(deps, "t1", "sync")).lastFinished?.state).toBe("succeeded");
  });

  test("progress is written at most about once a second, however often it is reported", async () => {
    const { deps, jobs } = buildDeps();
    const { done } = await startJob(deps, "t1", "sync", "admin-1", async (report) => {
      for (let i = 0; i < 500; i++) report({ phase: "people", done: i, total: 500 });
      return {};
    });
    const finished = await done;
    expect(finished.progress.done).toBe(499);
    expect(jobs.writes).toBeLessThanOrEqual(3);
  });
});
