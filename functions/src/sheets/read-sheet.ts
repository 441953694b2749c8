/** Reads an uploaded CSV or Excel workbook as rows of cells, streaming: csv-parse for CSV (BOM,
 * quoted newlines, comma, semicolon or tab as the delimiter), exceljs's streaming reader for .xlsx
 * (the first worksheet), the workbook's parts first put in the order it reads them (workbook-parts.ts). */
import { Readable } from "node:stream";
import { parse } from "csv-parse";
import ExcelJS from "exceljs";
import { AppError } from "../domain/errors.js";
import { describeError } from "../domain/logger.js";
import type { Cell, SheetRow } from "../domain/import/import-fields.js";
import { orderWorkbookParts } from "./workbook-parts.js";

export const CSV_TYPE = "text/csv";
export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The delimiter is whichever of , ; or tab occurs most in the header line, outside quotes. */
export function detectDelimiter(text: string): string {
  const counts = new Map([[",", 0], [";", 0], ["\t", 0]]);
  let isQuoted = false;
  for (const char of text.slice(0, 64 * 1024)) {
    if (char === '"') isQuoted = !isQuoted;
    else if (!isQuoted && (char === "\n" || char === "\r")) break;
    else if (!isQuoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  const [best, count] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
  return count > 0 ? best : ",";
}

function unreadable(kind: string, error: unknown): AppError {
  const detail = describeError(error);
  return new AppError("validation_failed", `The ${kind} could not be read: ${detail}`, { errors: [{ path: "body", message: detail }] });
}

export async function* readCsv(bytes: Uint8Array): AsyncIterable<SheetRow> {
  const text = new TextDecoder("utf-8").decode(bytes.subarray(0, 64 * 1024)).replace(/^\uFEFF/, "");
  const parser = Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]).pipe(
    parse({ bom: true, delimiter: detectDelimiter(text), relax_column_count: true, skip_empty_lines: true, info: true }),
  );
  let lastLine = 0;
  let lastEmpty = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number; empty_lines: number } }>) {
      // csv-parse reports where a record ends; a record starts after the previous one and any empty lines.
      const line = lastLine + 1 + (info.empty_lines - lastEmpty);
      lastLine = info.lines;
      lastEmpty = info.empty_lines;
      yield { line, cells: record };
    }
  } catch (error) {
    throw unreadable("CSV file", error);
  }
}

function toCell(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean" || value instanceof Date) return value;
  if ("richText" in value) return value.richText.map((part) => part.text).join("");
  if ("text" in value) return String(value.text);
  if ("result" in value) return toCell((value.result ?? null) as ExcelJS.CellValue);
  return null;
}

export async function* readXlsx(bytes: Uint8Array): AsyncIterable<SheetRow> {
  const ordered = orderWorkbookParts(bytes);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(ordered.buffer, ordered.byteOffset, ordered.byteLength)]), { sharedStrings: "cache", hyperlinks: "ignore", styles: "cache", worksheets: "emit" });
  try {
    for await (const worksheet of reader) {
      for await (const row of worksheet) {
        const values = row.values as ExcelJS.CellValue[];
        // exceljs numbers columns from 1; index 0 is always empty.
        yield { line: row.number, cells: Array.from(values.slice(1), toCell) };
      }
      return;
    }
  } catch (error) {
    throw unreadable("workbook", error);
  }
}

/** The reader for the body's media type; anything else is refused. */
export function readSheetBody(contentType: string, bytes: Uint8Array): AsyncIterable<SheetRow> {
  const type = contentType.split(";")[0]!.trim().toLowerCase();
  if (type === CSV_TYPE) return readCsv(bytes);
  if (type === XLSX_TYPE) return readXlsx(bytes);
  throw new AppError("unsupported_media_type", `Send the file as ${CSV_TYPE} or ${XLSX_TYPE}.`);
}
