/** Reads a sheet's rows into import rows: the first non-empty row is the header, the rest are checked
 * one by one. Rows that are entirely empty are not counted. */
import { readText } from "./import-cells.js";
import { recogniseSheet, type ColumnMapping, type SheetFormat, type SheetRow } from "./import-fields.js";
import { isRowError, readValues, validateRow, type ImportRow, type RowError } from "./import-rows.js";

export interface ReadSheet {
  format: SheetFormat | "unknown";
  headers: string[];
  /** The mapping in effect (or, for an unknown sheet, the columns recognised so far). */
  mapping: ColumnMapping;
  rowCount: number;
  rows: ImportRow[];
  errors: RowError[];
}

const isEmpty = (row: SheetRow) => row.cells.every((cell) => readText(cell) === "");

/** Texts that repeat from row to row (owners, cycles, dates, units, and the goal ids key results name
 * as their parent) are kept once, so a large file's rows hold one copy of each. */
function sharedTexts(): (row: ImportRow) => ImportRow {
  const texts = new Map<string, string>();
  const one = (text: string): string => {
    const known = texts.get(text);
    if (known !== undefined) return known;
    texts.set(text, text);
    return text;
  };
  return (row) => {
    if (row.type === "goal") {
      row.id = one(row.id);
      row.owner = one(row.owner);
      row.cycle = one(row.cycle);
      if (row.due !== null) row.due = one(row.due);
    } else if (row.keyResult?.kind === "number" && row.keyResult.unit !== null) row.keyResult.unit = one(row.keyResult.unit);
    row.parent = one(row.parent);
    return row;
  };
}

export async function readSheet(source: AsyncIterable<SheetRow>, mapping: ColumnMapping | null): Promise<ReadSheet> {
  const share = sharedTexts();
  const sheet: ReadSheet = { format: "unknown", headers: [], mapping: {}, rowCount: 0, rows: [], errors: [] };
  let recognised: ReturnType<typeof recogniseSheet> | null = null;
  for await (const row of source) {
    if (isEmpty(row)) continue;
    if (!recognised) {
      sheet.headers = row.cells.map((cell) => readText(cell));
      recognised = recogniseSheet(sheet.headers, mapping);
      sheet.format = recognised.format;
      if (recognised.format === "unknown") {
        sheet.mapping = recognised.suggested;
        sheet.errors.push({ line: row.line, message: `The columns were not recognised: map ${recognised.missing.join(", ")} to columns of the file.` });
      } else if (recognised.format !== "viva") {
        for (const [field, column] of Object.entries(recognised.columns)) sheet.mapping[field as keyof ColumnMapping] = sheet.headers[column];
      }
      continue;
    }
    sheet.rowCount++;
    if (recognised.format === "unknown") continue;
    const checked = validateRow(row.line, readValues(recognised, row.cells));
    if (isRowError(checked)) sheet.errors.push(checked);
    else sheet.rows.push(share(checked));
  }
  if (!recognised) sheet.errors.push({ line: 1, message: "The file is empty: it needs a header row and one row per goal or key result." });
  return sheet;
}

/** Reads only the header row: a run is refused before its job starts when the sheet cannot be read. */
export async function readSheetFormat(source: AsyncIterable<SheetRow>, mapping: ColumnMapping | null): Promise<SheetFormat | "unknown"> {
  for await (const row of source) {
    if (!isEmpty(row)) return recogniseSheet(row.cells.map((cell) => readText(cell)), mapping).format;
  }
  return "unknown";
}
