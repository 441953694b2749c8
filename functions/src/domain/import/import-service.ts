/** The import operations: a dry run that reads a sheet and plans, and the run that writes the plan.
 * Both first resolve every goal row (owner, cycle, parent, the goal's id) into a small record, then
 * build the goals a few owners at a time: each part reads the stored goals its file ids map to, builds
 * and compares, and (in a run) is written before the next is built, so a large file's goals are never
 * all held at once. The run remembers the goals' file ids first; each part then remembers its new key
 * results' ids, writes its goals in bulk (each whole, with its key results and an "imported" audit
 * entry in one transaction; an owner's goals share transactions) and puts them in the cascade index;
 * the roll-ups and dashboards are brought up to date at the end. A failure stops the run and leaves
 * every goal it wrote complete, remembered and in the views; running the same file again resumes:
 * written goals are recognised and skipped, the rest are created with the ids planned before. */
import { AppError, isAppError } from "../errors.js";
import type { JobProgress, JobResult } from "../admin-jobs.js";
import type { Clock, CycleRepository, GoalRepository, IdGenerator, Versioned } from "../ports.js";
import { runLimited } from "../run-limited.js";
import type { AuditEntry, Goal, Person, Principal } from "../types.js";
import { buildOwnerIndex, type OwnerIndex } from "./import-owners.js";
import { finishImportViews, indexImportedGoals, placementsOf, type ImportViewDeps } from "./import-views.js";
import { dropDuplicates, groupRows, type ImportMapping, type PlannedGoal, type UnknownOwner } from "./import-plan.js";
import { buildGoal, resolveGoals, type BuildInput, type GoalRows, type ResolvedGoal } from "./import-goals.js";
import { readSheet } from "./import-read.js";
import type { ColumnMapping, SheetFormat, SheetRow } from "./import-fields.js";
import type { RowError } from "./import-rows.js";

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
  views: ImportViewDeps;
  cycles: CycleRepository;
  mappings: ImportMappingStore;
  listPeople(tenantId: string): AsyncIterable<Person>;
  clock: Clock;
  ids: IdGenerator;
  /** Goals planned and written at a time (IMPORT_PART_GOALS unless set). */
  partGoals?: number;
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
/** Goals built (and, in a run, written) at a time: an owner's goals are never split. */
export const IMPORT_PART_GOALS = 2000;
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

/** An id made by joining pieces (as a random UUID is) can be held as the chain of its pieces, several
 * times its length in memory; the import keeps one id per row of a large file, so it keeps each as
 * one piece of text. */
export function flatCopy(id: string): string {
  return id.split("-").join("-");
}

async function readPeople(deps: ImportDeps, tenantId: string): Promise<Person[]> {
  const people: Person[] = [];
  for await (const person of deps.listPeople(tenantId)) people.push(person);
  return people;
}

/** Every goal row resolved, in parts of a few owners each; the rows each part builds its goals from. */
interface Prepared {
  format: SheetFormat | "unknown";
  headers: string[];
  mapping: ColumnMapping;
  rowCount: number;
  /** Rows that cannot be imported so far; building the parts may add some. */
  errors: RowError[];
  unknownOwners: UnknownOwner[];
  /** Goal file ids seen for the first time (key results' are found as each part is built). */
  goalMappings: ImportMapping[];
  parts: ResolvedGoal[][];
  /** Goal file id → its rows, let go once its part is built. */
  groups: Map<string, GoalRows>;
  build: BuildInput;
  /** Key-result file id → the key result it became, for the goals still to build. */
  keyResultMappings: Map<string, ImportMapping>;
  people: Person[];
  owners: OwnerIndex;
}

/** Goals rows name as their parent that are not in the file: by their file id imported before, or by their Cascade id. */
async function readParents(deps: ImportDeps, tenantId: string, rows: ReadonlyArray<{ id: string; type: string; parent: string }>, mappings: Map<string, ImportMapping>): Promise<Map<string, Versioned<Goal>>> {
  const named = new Set<string>();
  for (const row of rows) if (row.type === "goal" && row.parent !== "") named.add(row.parent);
  for (const row of rows) named.delete(row.id);
  const ids = new Set<string>();
  for (const parentId of named) {
    const parent = mappings.get(parentId);
    if (parent) ids.add(parent.goalId);
    else if (ID_LIKE.test(parentId)) ids.add(parentId);
  }
  const found = new Map<string, Versioned<Goal>>();
  const read = await runLimited([...ids], READ_CONCURRENCY, (id) => retryWhenBusy(() => deps.goals.getGoal(tenantId, id)));
  for (const stored of read) if (stored) found.set(stored.value.id, stored);
  return found;
}

/** Owners in the order the file resolves them, a part closed once it holds `size` goals. */
function toParts(resolved: readonly ResolvedGoal[], size: number): ResolvedGoal[][] {
  const byOwner = new Map<string, ResolvedGoal[]>();
  for (const goal of resolved) {
    const list = byOwner.get(goal.ownerId);
    if (list) list.push(goal);
    else byOwner.set(goal.ownerId, [goal]);
  }
  const parts: ResolvedGoal[][] = [];
  let part: ResolvedGoal[] = [];
  for (const list of byOwner.values()) {
    part.push(...list);
    if (part.length >= size) {
      parts.push(part);
      part = [];
    }
  }
  if (part.length > 0) parts.push(part);
  return parts;
}

async function prepare(deps: ImportDeps, principal: Principal, source: AsyncIterable<SheetRow>, options: ImportOptions): Promise<Prepared> {
  const tenantId = principal.tenantId;
  const [sheet, mappings, cycles, people] = await Promise.all([readSheet(source, options.mapping), retryWhenBusy(() => deps.mappings.listMappings(tenantId)), retryWhenBusy(() => deps.cycles.listCycles(tenantId)), retryWhenBusy(() => readPeople(deps, tenantId))]);
  const owners = buildOwnerIndex(people);
  const errors = [...sheet.errors];
  const parents = sheet.format === "unknown" ? new Map<string, Versioned<Goal>>() : await readParents(deps, tenantId, sheet.rows, mappings);
  const groups = groupRows(dropDuplicates(sheet.rows, errors), errors);
  sheet.rows = [];
  const now = deps.clock.now().toISOString();
  const newId = () => flatCopy(deps.ids.newId());
  const resolution = resolveGoals({ tenantId, now, owners, mappings, newId, actorId: principal.userId, ownerChoices: options.owners, cycles, goals: parents }, groups, errors);
  // Once the goals are resolved, only the remembered ids of their key results are looked up (and each
  // is let go when its goal is built): the tenant's other remembered ids are not held while the parts run.
  const keyResultMappings = new Map<string, ImportMapping>();
  for (const goal of resolution.resolved) {
    for (const row of groups.get(goal.fileId)!.keyResults) {
      const mapping = mappings.get(row.id);
      if (mapping) keyResultMappings.set(row.id, mapping);
    }
  }
  mappings.clear();
  const build: BuildInput = { tenantId, now, owners, mappings: keyResultMappings, newId };
  return { format: sheet.format, headers: sheet.headers, mapping: sheet.mapping, rowCount: sheet.rowCount, errors, unknownOwners: resolution.unknownOwners, goalMappings: resolution.newMappings, parts: toParts(resolution.resolved, deps.partGoals ?? IMPORT_PART_GOALS), groups, build, keyResultMappings, people, owners };
}

/** The stored goals a part's file ids map to. A goal the file imported before is most likely still its
 * file owner's: each such owner's partition is read in one query (rather than one read per goal); the
 * goals not found there are read one by one. */
async function readStored(deps: ImportDeps, tenantId: string, part: readonly ResolvedGoal[]): Promise<Map<string, Versioned<Goal>>> {
  const byOwner = new Map<string, Set<string>>();
  for (const goal of part) if (goal.isMapped) byOwner.set(goal.ownerId, (byOwner.get(goal.ownerId) ?? new Set()).add(goal.goalId));
  const found = new Map<string, Versioned<Goal>>();
  await runLimited([...byOwner], PARTITION_READ_CONCURRENCY, async ([ownerId, wanted]) => {
    for (const stored of await retryWhenBusy(() => deps.goals.listGoalsByOwner(tenantId, ownerId, {}))) if (wanted.has(stored.value.id)) found.set(stored.value.id, stored);
  });
  const missing = part.filter((g) => g.isMapped && !found.has(g.goalId)).map((g) => g.goalId);
  const rest = await runLimited(missing, READ_CONCURRENCY, (id) => retryWhenBusy(() => deps.goals.getGoal(tenantId, id)));
  for (const stored of rest) if (stored) found.set(stored.value.id, stored);
  return found;
}

interface PlannedPart {
  /** Parents first, then by line. */
  writes: PlannedGoal[];
  unchanged: number;
  newMappings: ImportMapping[];
  errors: RowError[];
}

/** Builds one part's goals against the goals stored for them; its rows are let go. */
async function planPart(deps: ImportDeps, tenantId: string, prepared: Prepared, part: readonly ResolvedGoal[]): Promise<PlannedPart> {
  const stored = await readStored(deps, tenantId, part);
  const planned: PlannedPart = { writes: [], unchanged: 0, newMappings: [], errors: [] };
  for (const resolved of part) {
    const group = prepared.groups.get(resolved.fileId)!;
    const built = buildGoal(prepared.build, group, resolved, resolved.isMapped ? (stored.get(resolved.goalId) ?? null) : null, planned.errors);
    prepared.groups.delete(resolved.fileId);
    for (const row of group.keyResults) prepared.keyResultMappings.delete(row.id);
    planned.unchanged += built.unchanged;
    if (built.write) planned.writes.push(built.write);
    planned.newMappings.push(...built.newMappings);
  }
  planned.writes.sort((a, b) => a.depth - b.depth || a.line - b.line);
  return planned;
}

const byLine = (a: RowError, b: RowError) => a.line - b.line;

export async function previewImport(deps: ImportDeps, principal: Principal, source: AsyncIterable<SheetRow>, options: ImportOptions): Promise<ImportPreview> {
  const prepared = await prepare(deps, principal, source, options);
  const preview: ImportPreview = { format: prepared.format, headers: prepared.headers, mapping: prepared.mapping, rows: prepared.rowCount, goals: { create: 0, update: 0 }, keyResults: { create: 0, update: 0 }, unchanged: 0, unknownOwners: prepared.unknownOwners, errors: [], errorCount: 0 };
  const errors = prepared.errors;
  for (const part of prepared.parts.splice(0)) {
    const planned = await planPart(deps, principal.tenantId, prepared, part);
    preview.unchanged += planned.unchanged;
    errors.push(...planned.errors);
    for (const write of planned.writes) {
      preview.goals[write.previous ? "update" : "create"]++;
      preview.keyResults.create += write.keyResults.create;
      preview.keyResults.update += write.keyResults.update;
    }
  }
  errors.sort(byLine);
  return { ...preview, errors: errors.slice(0, MAX_LISTED_ERRORS), errorCount: errors.length };
}

function importedAudit(deps: ImportDeps, principal: Principal, write: PlannedGoal, format: SheetFormat): AuditEntry {
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

/** The goals a run that stopped meant to write: those written and planned so far, and the rest of the
 * parts planned without writing (each resolved goal, when storage cannot be read any more). */
async function countPlanned(deps: ImportDeps, tenantId: string, prepared: Prepared, planned: number): Promise<number> {
  let total = planned;
  const parts = prepared.parts.splice(0);
  for (let i = 0; i < parts.length; i++) {
    try {
      total += (await planPart(deps, tenantId, prepared, parts[i]!)).writes.length;
    } catch {
      return total + parts.slice(i).reduce((sum, part) => sum + part.length, 0);
    }
  }
  return total;
}

export async function runImport(deps: ImportDeps, principal: Principal, source: AsyncIterable<SheetRow>, options: ImportOptions, report: (progress: JobProgress) => void): Promise<JobResult> {
  report({ phase: "planning", done: 0, total: null });
  const tenantId = principal.tenantId;
  const prepared = await prepare(deps, principal, source, options);
  assertRunnable(prepared);
  const format = prepared.format;
  const total = prepared.rowCount;
  const errors = prepared.errors.sort(byLine);
  const counts = { processed: errors.length, created: 0, updated: 0 };
  let listed = errors.slice(0, MAX_LISTED_ERRORS);
  const detail = (): JobResult => ({ ...counts, skipped: counts.processed - counts.created - counts.updated, errors: listed, errorCount: errors.length });
  report({ phase: "remembering ids", done: counts.processed, total, detail: detail() });
  await retryWhenBusy(() => deps.mappings.addMappings(tenantId, prepared.goalMappings));
  prepared.goalMappings = [];
  const placementOf = placementsOf(prepared.people);
  const owners = new Set<string>();
  let written = 0;
  let planned = 0;
  let failure: unknown = null;
  report({ phase: "writing goals", done: counts.processed, total, detail: detail() });
  while (prepared.parts.length > 0 && !failure) {
    const part = await retryWhenBusy(() => planPart(deps, tenantId, prepared, prepared.parts[0]!)).catch((error: unknown) => {
      failure = error;
      return null;
    });
    if (!part) break;
    prepared.parts.shift();
    planned += part.writes.length;
    counts.processed += part.unchanged + part.errors.length;
    if (part.errors.length > 0) {
      errors.push(...part.errors);
      errors.sort(byLine);
      listed = errors.slice(0, MAX_LISTED_ERRORS);
    }
    const tally = new Map(part.writes.map((w) => [w.goal.id, { rows: w.rows, isUpdate: w.previous !== null, keyResults: w.keyResults }]));
    const created = new Set(part.writes.filter((w) => !w.previous).map((w) => w.goal.id));
    const writes = part.writes.map((w): ImportGoalWrite => ({ goal: w.goal, previous: w.previous?.value ?? null, etag: w.previous?.etag ?? null, audit: importedAudit(deps, principal, w, format) }));
    part.writes = [];
    const done: Goal[] = [];
    try {
      await retryWhenBusy(() => deps.mappings.addMappings(tenantId, part.newMappings));
      await deps.writer.writeGoals(tenantId, writes, (goals) => {
        for (const goal of goals) {
          const write = tally.get(goal.id)!;
          done.push(goal);
          owners.add(goal.ownerId);
          counts.processed += write.rows;
          if (write.isUpdate) {
            counts.updated += 1 + write.keyResults.update;
            counts.created += write.keyResults.create;
          } else counts.created += write.rows;
        }
        report({ phase: "writing goals", done: counts.processed, total, detail: detail() });
      });
    } catch (error) {
      failure = error;
    }
    written += done.length;
    // The goals written are brought into the cascade index even when the run stops part way.
    await retryWhenBusy(() => indexImportedGoals(deps.views, tenantId, done, created, placementOf));
  }
  const viewStep = (step: string) => report({ phase: `updating views: ${step}`, done: counts.processed, total, detail: detail() });
  await retryWhenBusy(() => finishImportViews(deps.views, tenantId, owners, prepared.people, viewStep));
  if (failure) throw describeWriteFailure(failure, written, await countPlanned(deps, tenantId, prepared, planned));
  counts.processed = total;
  return detail();
}
