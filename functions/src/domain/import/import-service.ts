/** The import operations: a dry run that reads a sheet and plans, and the run that writes the plan.
 * The run writes the file-id mappings first, then the goals in bulk (each whole, with its key results
 * and an "imported" audit entry in one transaction; an owner's goals share transactions), then brings
 * the cascade index, roll-ups and dashboards up to date for the goals written. A failure stops the
 * run and leaves every goal it wrote complete, remembered and in the views; running the same file
 * again resumes: written goals are recognised and skipped, the rest are created with the ids planned
 * before. */
import { AppError, isAppError } from "../errors.js";
import type { JobProgress, JobResult } from "../admin-jobs.js";
import type { Clock, CycleRepository, GoalRepository, IdGenerator, Versioned } from "../ports.js";
import { runLimited } from "../run-limited.js";
import type { AuditEntry, Goal, Person, Principal } from "../types.js";
import { buildOwnerIndex, type OwnerIndex } from "./import-owners.js";
import { refreshImportViews, type ImportViewDeps } from "./import-views.js";
import { planImport, type ImportMapping, type ImportPlan } from "./import-plan.js";
import { readSheet, type ReadSheet } from "./import-read.js";
import type { ColumnMapping, SheetFormat, SheetRow } from "./import-fields.js";

export interface ImportMappingStore {
  listMappings(tenantId: string): Promise<Map<string, ImportMapping>>;
  /** Adds mappings for file ids seen for the first time (fails if one exists already). */
  addMappings(tenantId: string, mappings: ImportMapping[]): Promise<void>;
}

export interface ImportGoalWrite {
  goal: Goal;
  previous: Goal | null;
  /** The stored goal's ETag for an update; null for a create. */
  etag: string | null;
  audit: AuditEntry;
}

export interface ImportGoalWriter {
  /** Writes the goals with their audit entries, in transactions per owner; `written` hears of each
   * transaction that succeeded. Throws the first failure once the transactions under way are done. */
  writeGoals(tenantId: string, writes: readonly ImportGoalWrite[], written: (goals: Goal[]) => void): Promise<void>;
}

export interface ImportDeps {
  /** Reads stored goals; the import writes through `writer`. */
  goals: Pick<GoalRepository, "getGoal" | "listGoalsByOwner">;
  writer: ImportGoalWriter;
  views: Omit<ImportViewDeps, "clock">;
  cycles: CycleRepository;
  mappings: ImportMappingStore;
  listPeople(tenantId: string): AsyncIterable<Person>;
  clock: Clock;
  ids: IdGenerator;
}

export interface ImportOptions {
  /** Field → header, for a sheet that is neither the template nor a Viva Goals export. */
  mapping: ColumnMapping | null;
  /** Owner as written in the file → person id, for owners the directory does not match by itself. */
  owners: Record<string, string>;
}

/** What the preview and the job report list at most; the counts always cover every row. */
export const MAX_LISTED_ERRORS = 1000;
const READ_CONCURRENCY = 32;
/** Partition queries cost storage more than point reads; fewer go at once. */
const PARTITION_READ_CONCURRENCY = 8;

import type { ImportPreview } from "../../contracts/admin.js";
export type { ImportPreview };

const ID_LIKE = /^[A-Za-z0-9-]{1,100}$/;
const ATTEMPTS = 3;
const RETRY_DELAY_MS = 1000;

/** A long import meets storage that is briefly too busy to answer in time; reads, and creates whose
 * ids are the import's own, are safe to send again. */
export async function retryWhenBusy<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= ATTEMPTS || !isAppError(error) || error.code !== "storage_unavailable") throw error;
      await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS * attempt));
    }
  }
}

/** Stored goals the plan needs: those the file's ids map to, and goals rows name as their parent.
 * A goal the file imported before is most likely still its file owner's: each such owner's partition
 * is read in one query (rather than one read per goal); the goals not found there, and parents named
 * by id, are read one by one. */
async function readGoals(deps: ImportDeps, tenantId: string, sheet: ReadSheet, mappings: Map<string, ImportMapping>, owners: OwnerIndex, ownerChoices: Record<string, string>): Promise<Map<string, Versioned<Goal>>> {
  const ids = new Set<string>();
  const fileIds = new Set(sheet.rows.map((r) => r.id));
  const ownerTextOf = new Map(sheet.rows.filter((r) => r.type === "goal").map((r) => [r.id, r.owner]));
  const ownerOf = (text: string | undefined): string | null => {
    if (text === undefined) return null;
    const chosen = ownerChoices[text];
    if (chosen && owners.has(chosen)) return chosen;
    const match = owners.resolve(text);
    return "personId" in match ? match.personId : null;
  };
  const byOwner = new Map<string, Set<string>>();
  for (const row of sheet.rows) {
    const mapped = mappings.get(row.id);
    if (mapped) {
      ids.add(mapped.goalId);
      const ownerId = ownerOf(ownerTextOf.get(row.type === "goal" ? row.id : row.parent));
      if (ownerId) byOwner.set(ownerId, (byOwner.get(ownerId) ?? new Set()).add(mapped.goalId));
    }
    if (row.type === "goal" && row.parent !== "" && !fileIds.has(row.parent)) {
      const parent = mappings.get(row.parent);
      if (parent) ids.add(parent.goalId);
      else if (ID_LIKE.test(row.parent)) ids.add(row.parent);
    }
  }
  const found = new Map<string, Versioned<Goal>>();
  await runLimited([...byOwner], PARTITION_READ_CONCURRENCY, async ([ownerId, wanted]) => {
    for (const stored of await retryWhenBusy(() => deps.goals.listGoalsByOwner(tenantId, ownerId, {}))) if (wanted.has(stored.value.id)) found.set(stored.value.id, stored);
  });
  const rest = await runLimited([...ids].filter((id) => !found.has(id)), READ_CONCURRENCY, (id) => retryWhenBusy(() => deps.goals.getGoal(tenantId, id)));
  for (const stored of rest) if (stored) found.set(stored.value.id, stored);
  return found;
}

async function readPeople(deps: ImportDeps, tenantId: string): Promise<Person[]> {
  const people: Person[] = [];
  for await (const person of deps.listPeople(tenantId)) people.push(person);
  return people;
}

async function prepare(deps: ImportDeps, principal: Principal, source: AsyncIterable<SheetRow>, options: ImportOptions) {
  const tenantId = principal.tenantId;
  const [sheet, mappings, cycles, people] = await Promise.all([readSheet(source, options.mapping), retryWhenBusy(() => deps.mappings.listMappings(tenantId)), retryWhenBusy(() => deps.cycles.listCycles(tenantId)), retryWhenBusy(() => readPeople(deps, tenantId))]);
  const owners = buildOwnerIndex(people);
  const goals = sheet.format === "unknown" ? new Map<string, Versioned<Goal>>() : await readGoals(deps, tenantId, sheet, mappings, owners, options.owners);
  const plan = planImport({ tenantId, actorId: principal.userId, now: deps.clock.now().toISOString(), rowCount: sheet.rowCount, rows: sheet.rows, rowErrors: sheet.errors, owners, ownerChoices: options.owners, cycles, mappings, goals, newId: () => deps.ids.newId() });
  return { sheet, plan, people, owners };
}

export async function previewImport(deps: ImportDeps, principal: Principal, source: AsyncIterable<SheetRow>, options: ImportOptions): Promise<ImportPreview> {
  const { sheet, plan } = await prepare(deps, principal, source, options);
  return { format: sheet.format, headers: sheet.headers, mapping: sheet.mapping, rows: plan.rows, goals: plan.goals, keyResults: plan.keyResults, unchanged: plan.unchanged, unknownOwners: plan.unknownOwners, errors: plan.errors.slice(0, MAX_LISTED_ERRORS), errorCount: plan.errors.length };
}

function importedAudit(deps: ImportDeps, principal: Principal, write: ImportPlan["writes"][number], format: SheetFormat): AuditEntry {
  const source = format === "viva" ? "a Viva Goals export" : "a spreadsheet";
  const changes: AuditEntry["changes"] = {};
  const before = write.previous?.value;
  if (before && before.status !== write.goal.status) changes["status"] = { from: before.status, to: write.goal.status };
  if (before && before.title !== write.goal.title) changes["title"] = { from: before.title, to: write.goal.title };
  return { id: deps.ids.newId(), goalId: write.goal.id, at: deps.clock.now().toISOString(), actorId: principal.userId, action: "imported", comment: `Imported from ${source}, line ${write.line}.`, changes };
}

/** Goals already written stay (each complete); the message says how far the run got and how to go on. */
function describeWriteFailure(error: unknown, written: number, total: number): AppError {
  const resume = `${written} of ${total} goals were written, each complete; upload the same file again to continue where this stopped.`;
  if (error instanceof AppError) return new AppError(error.code, `The goals could not all be written: ${error.message} ${resume}`);
  return new AppError("unavailable", `The goals could not all be written because storage failed. ${resume}`);
}

/** Checks the sheet can run at all before a job starts: a sheet of unknown shape needs a mapping first. */
export function assertRunnable<T extends { format: SheetFormat | "unknown" }>(preview: T): asserts preview is T & { format: SheetFormat } {
  if (preview.format === "unknown") throw new AppError("validation_failed", "The columns were not recognised; map them in the preview first.", { errors: [{ path: "mapping", message: "Map at least id, type and title." }] });
}

/** What a run keeps of its plan while it writes: the goals to write and, per goal, what it counts for.
 * The sheet's rows and the plan itself are left behind once this is made, so a large file's rows are
 * not held in memory while the goals are written. */
interface RunPlan {
  rows: number;
  unchanged: number;
  errors: Array<{ line: number; message: string }>;
  errorCount: number;
  newMappings: ImportMapping[];
  writes: ImportGoalWrite[];
  /** Goal id → the rows it changes and how they count. */
  tally: Map<string, { rows: number; isUpdate: boolean; keyResults: { create: number; update: number } }>;
  people: Person[];
  owners: OwnerIndex;
}

async function prepareRun(deps: ImportDeps, principal: Principal, source: AsyncIterable<SheetRow>, options: ImportOptions): Promise<RunPlan> {
  const { sheet, plan, people, owners } = await prepare(deps, principal, source, options);
  assertRunnable(sheet);
  const format = sheet.format;
  return {
    rows: plan.rows,
    unchanged: plan.unchanged,
    errors: plan.errors.slice(0, MAX_LISTED_ERRORS).map((e) => ({ line: e.line, message: e.message })),
    errorCount: plan.errors.length,
    newMappings: plan.newMappings,
    writes: plan.writes.map((w): ImportGoalWrite => ({ goal: w.goal, previous: w.previous?.value ?? null, etag: w.previous?.etag ?? null, audit: importedAudit(deps, principal, w, format) })),
    tally: new Map(plan.writes.map((w) => [w.goal.id, { rows: w.rows, isUpdate: w.previous !== null, keyResults: w.keyResults }])),
    people,
    owners,
  };
}

export async function runImport(deps: ImportDeps, principal: Principal, source: AsyncIterable<SheetRow>, options: ImportOptions, report: (progress: JobProgress) => void): Promise<JobResult> {
  report({ phase: "planning", done: 0, total: null });
  const tenantId = principal.tenantId;
  const run = await prepareRun(deps, principal, source, options);
  const { rows: total, errors, errorCount, tally, people, owners } = run;
  const counts = { processed: run.unchanged + errorCount, created: 0, updated: 0 };
  const detail = (): JobResult => ({ ...counts, skipped: counts.processed - counts.created - counts.updated, errors, errorCount });
  report({ phase: "remembering ids", done: counts.processed, total, detail: detail() });
  await retryWhenBusy(() => deps.mappings.addMappings(tenantId, run.newMappings));
  run.newMappings = [];
  const writes = run.writes;
  run.writes = [];
  const created = new Set(writes.filter((w) => !w.etag).map((w) => w.goal.id));
  const written: Goal[] = [];
  let failure: AppError | null = null;
  try {
    await deps.writer.writeGoals(tenantId, writes, (goals) => {
      for (const goal of goals) {
        const write = tally.get(goal.id)!;
        written.push(goal);
        counts.processed += write.rows;
        if (write.isUpdate) {
          counts.updated += 1 + write.keyResults.update;
          counts.created += write.keyResults.create;
        } else counts.created += write.rows;
      }
      report({ phase: "writing goals", done: counts.processed, total, detail: detail() });
    });
  } catch (error) {
    failure = describeWriteFailure(error, written.length, writes.length);
  }
  writes.length = 0;
  // The goals written are brought into the views even when the run stopped part way.
  const viewStep = (part: string) => report({ phase: `updating views: ${part}`, done: counts.processed, total, detail: detail() });
  await retryWhenBusy(() => refreshImportViews({ ...deps.views, clock: deps.clock }, tenantId, written, created, people, owners, viewStep));
  if (failure) throw failure;
  counts.processed = total;
  return detail();
}
