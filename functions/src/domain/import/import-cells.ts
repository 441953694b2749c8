/** Reading one cell's value the way spreadsheets write it: text or numbers from CSV, numbers, dates
 * and serial day numbers from Excel. Every reader returns a value or a message saying what is wrong. */
import type { Cell } from "./import-fields.js";

export type Parsed<T> = { value: T } | { error: string };

export function readText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return "";
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? "" : cell.toISOString().slice(0, 10);
  return String(cell).trim();
}

/** Plain decimal numbers; a trailing % and thousands separators are dropped ("1,250.5", "40 %"). */
export function readNumber(cell: Cell | undefined): Parsed<number | null> {
  if (typeof cell === "number") return Number.isFinite(cell) ? { value: cell } : { error: "is not a finite number" };
  const text = readText(cell).replace(/%$/, "").trim();
  if (text === "") return { value: null };
  const plain = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text) ? text.replace(/,/g, "") : text;
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(plain)) return { error: `"${text}" is not a number` };
  const value = Number(plain);
  return Math.abs(value) <= 1e12 ? { value } : { error: "is too large (at most 10^12)" };
}

/** Excel counts days from 1899-12-30 (its 1900 leap-year bug included), so serial 1 is 1899-12-31. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

function isRealDate(text: string): boolean {
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** YYYY-MM-DD, an ISO timestamp (its date is kept), an Excel date cell or an Excel serial day number. */
export function readDate(cell: Cell | undefined): Parsed<string | null> {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? { error: "is not a date" } : { value: cell.toISOString().slice(0, 10) };
  if (typeof cell === "number") {
    if (!Number.isInteger(cell) || cell < 1 || cell > 2_958_465) return { error: `${cell} is not a date` };
    return { value: new Date(EXCEL_EPOCH_MS + cell * DAY_MS).toISOString().slice(0, 10) };
  }
  const text = readText(cell);
  if (text === "") return { value: null };
  const day = /^(\d{4}-\d{2}-\d{2})(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.exec(text)?.[1];
  if (day && isRealDate(day)) return { value: day };
  if (/^\d{5}$/.test(text)) return readDate(Number(text));
  return { error: `"${text}" is not a date; write YYYY-MM-DD` };
}

const TRUE_WORDS = new Set(["true", "yes", "done", "x", "1", "completed", "achieved"]);
const FALSE_WORDS = new Set(["", "false", "no", "0", "not done", "open"]);

export function readDone(cell: Cell | undefined): Parsed<boolean> {
  if (typeof cell === "boolean") return { value: cell };
  if (typeof cell === "number") return { value: cell >= 1 };
  const text = readText(cell).toLowerCase();
  if (TRUE_WORDS.has(text)) return { value: true };
  if (FALSE_WORDS.has(text)) return { value: false };
  return { error: `"${readText(cell)}" is not done or not done; write 1 or 0` };
}
