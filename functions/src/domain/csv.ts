/** CSV writing that spreadsheets read safely: RFC 4180 quoting, and text that a spreadsheet would
 * run as a formula is defused with a leading apostrophe. A semicolon is the field separator where
 * the decimal mark is a comma, so a cell holding one is quoted as well, and one starting with it is
 * defused like a formula. */

export type CsvValue = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r;]/;
const NEEDS_QUOTES = /[",;\r\n]/;

export function toCsvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "true" : "false";
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(header: string[], rows: CsvValue[][]): string {
  return [header, ...rows].map((row) => row.map(toCsvCell).join(",")).join("\r\n") + "\r\n";
}
