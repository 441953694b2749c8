/** Checks one row of the import model and turns it into an import row, or says, with its line, what
 * is wrong. Limits are the goal editor's, so an imported goal is one Cascade could have written. */
import { readDate, readDone, readNumber, readText, type Parsed } from "./import-cells.js";
import type { Cell, ImportField, Recognised } from "./import-fields.js";
import { readVivaRow } from "./import-viva.js";

export const IMPORT_STATUSES = ["draft", "active", "completed", "missed", "cancelled"] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export type ImportKeyResult =
  | { kind: "number"; start: number; target: number; current: number; unit: string | null }
  | { kind: "milestone"; done: boolean };

export interface ImportRow {
  line: number;
  id: string;
  type: "goal" | "key result";
  title: string;
  description: string;
  owner: string;
  cycle: string;
  parent: string;
  status: ImportStatus | null;
  keyResult: ImportKeyResult | null;
  due: string | null;
}

import type { RowError } from "../../contracts/admin.js";
export type { RowError };

export const LIMITS = { id: 100, title: 200, description: 4000, unit: 20 } as const;

/** Key-result types written in the template or by other tools; those that measure a number from a
 * start towards a target or a threshold are number key results. */
const NUMBER_TYPES = new Set(["number", "increase", "decrease", "keep above", "keep below", "reach", "increase from", "decrease from", "stay above", "stay below", "find a baseline", "metric", "percentage"]);

export type RowValues = Partial<Record<ImportField, Cell>>;

export function readValues(recognised: Exclude<Recognised, { format: "unknown" }>, cells: readonly Cell[]): RowValues {
  if (recognised.format === "viva") return readVivaRow(recognised.vivaColumns, cells);
  const values: RowValues = {};
  for (const [field, column] of Object.entries(recognised.columns) as Array<[ImportField, number]>) values[field] = cells[column] ?? null;
  return values;
}

function readType(text: string): "goal" | "key result" | null {
  const type = text.toLowerCase().replace(/[\s_-]+/g, " ");
  if (type === "goal" || type === "objective") return "goal";
  if (type === "key result" || type === "kr" || type === "keyresult") return "key result";
  return null;
}

function readStatus(text: string): Parsed<ImportStatus | null> {
  const status = text.toLowerCase();
  if (status === "") return { value: null };
  const known = IMPORT_STATUSES.find((s) => s === status);
  return known ? { value: known } : { error: `status "${text}" is not one of ${IMPORT_STATUSES.join(", ")}` };
}

function readKeyResult(values: RowValues, problems: string[]): ImportKeyResult | null {
  const type = readText(values.krType).toLowerCase().replace(/[_-]+/g, " ");
  if (type === "milestone") {
    const done = readDone(values.current);
    if ("error" in done) problems.push(`current: ${done.error}`);
    return { kind: "milestone", done: "value" in done && done.value };
  }
  if (type !== "" && !NUMBER_TYPES.has(type)) {
    problems.push(`kr type "${readText(values.krType)}" is not one of increase, decrease, keep above, keep below, milestone`);
    return null;
  }
  const [start, target, current] = [readNumber(values.start), readNumber(values.target), readNumber(values.current)];
  for (const [name, parsed] of [["start", start], ["target", target], ["current", current]] as const) if ("error" in parsed) problems.push(`${name} ${parsed.error}`);
  if (!("value" in target) || !("value" in start) || !("value" in current)) return null;
  if (target.value === null) {
    problems.push("a key result needs a target (or kr type milestone)");
    return null;
  }
  const unit = readText(values.unit);
  if (unit.length > LIMITS.unit) problems.push(`unit is longer than ${LIMITS.unit} characters`);
  const from = start.value ?? 0;
  return { kind: "number", start: from, target: target.value, current: current.value ?? from, unit: unit === "" ? null : unit };
}

/** One row of values → an import row, or the row's problems joined in one message. */
export function validateRow(line: number, values: RowValues): ImportRow | RowError {
  const problems: string[] = [];
  const id = readText(values.id);
  const type = readType(readText(values.type));
  const title = readText(values.title);
  const description = readText(values.description);
  if (id === "") problems.push("id is empty");
  else if (id.length > LIMITS.id) problems.push(`id is longer than ${LIMITS.id} characters`);
  if (type === null) problems.push(`type "${readText(values.type)}" is not goal or key result`);
  if (title === "") problems.push("title is empty");
  else if (title.length > LIMITS.title) problems.push(`title is longer than ${LIMITS.title} characters`);
  if (description.length > LIMITS.description) problems.push(`description is longer than ${LIMITS.description} characters`);
  const status = readStatus(readText(values.status));
  if ("error" in status) problems.push(status.error);
  const due = readDate(values.due);
  if ("error" in due) problems.push(`due ${due.error}`);
  const row = { line, id, title, description, owner: readText(values.owner), cycle: readText(values.cycle), parent: readText(values.parent) };
  if (type === "goal" && row.owner === "") problems.push("a goal needs an owner (mail or user principal name)");
  if (type === "goal" && row.cycle === "") problems.push("a goal needs a cycle (its name or id)");
  if (type === "key result" && row.parent === "") problems.push("a key result needs its goal's id in parent");
  const keyResult = type === "key result" ? readKeyResult(values, problems) : null;
  if (problems.length > 0 || type === null) return { line, message: capitalise(problems.join("; ")) + "." };
  // Written out whole in one order, so the rows of a large file share one shape.
  return { line, id, type, title, description, owner: row.owner, cycle: row.cycle, parent: row.parent, status: "value" in status ? status.value : null, keyResult, due: "value" in due ? due.value : null };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function isRowError(row: ImportRow | RowError): row is RowError {
  return !("id" in row);
}
