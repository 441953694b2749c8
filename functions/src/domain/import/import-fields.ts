/** The import model: the fields a row can carry, the Cascade template's headers, and how a sheet's
 * header row is recognised (the template, a Viva Goals Explorer export, or an admin's mapping). */

import { IMPORT_FIELDS, type ColumnMapping, type ImportField, type SheetFormat } from "../../contracts/admin.js";
import { REQUIRED_FIELDS, TEMPLATE_HEADERS } from "../../contracts/import-template.js";

/** The fields, a mapping and the formats are the contract's: an import's options and preview name them. */
export { IMPORT_FIELDS, REQUIRED_FIELDS, TEMPLATE_HEADERS, type ColumnMapping, type ImportField, type SheetFormat };

/** A cell as the sheet readers hand it over: CSV gives text, a workbook also numbers, booleans and dates. */
export type Cell = string | number | boolean | Date | null;

export interface SheetRow {
  /** 1-based line (CSV) or row number (workbook) where the record starts. */
  line: number;
  cells: Cell[];
}

/** Viva Goals Explorer exports carry these; its other columns vary with the view the user exported. */
export const VIVA_HEADERS = {
  id: "id",
  title: "title",
  objectType: "object type",
  owner: "owner",
  period: "period",
  endDate: "end date",
  description: "description",
  alignedTo: "aligned to (weight, objective id)",
  unit: "unit",
  start: "start",
  target: "target",
  actual: "actual progress",
  progress: "progress %",
  status: "status",
  score: "score",
} as const;

export type VivaColumns = Partial<Record<keyof typeof VIVA_HEADERS, number>>;

export function normaliseHeader(header: string): string {
  return header.replace(/^\uFEFF/, "").trim().replace(/\s+/g, " ").toLowerCase();
}

/** Header text → column index; the first of two equal headers wins. */
export function indexHeaders(headers: readonly string[]): Map<string, number> {
  const index = new Map<string, number>();
  headers.forEach((header, column) => {
    const key = normaliseHeader(header);
    if (key !== "" && !index.has(key)) index.set(key, column);
  });
  return index;
}

export type Recognised =
  | { format: "cascade" | "mapped"; columns: Partial<Record<ImportField, number>> }
  | { format: "viva"; vivaColumns: VivaColumns }
  | { format: "unknown"; suggested: ColumnMapping; missing: ImportField[] };

function templateColumns(index: Map<string, number>, mapping: ColumnMapping | null): Partial<Record<ImportField, number>> {
  const columns: Partial<Record<ImportField, number>> = {};
  for (const field of IMPORT_FIELDS) {
    const header = mapping ? mapping[field] : TEMPLATE_HEADERS[field];
    const column = header === undefined ? undefined : index.get(normaliseHeader(header));
    if (column !== undefined) columns[field] = column;
  }
  return columns;
}

const missingOf = (columns: Partial<Record<ImportField, number>>) => REQUIRED_FIELDS.filter((f) => columns[f] === undefined);

/** A mapping the admin sent wins; otherwise the template, then a Viva Goals export, is recognised by its headers. */
export function recogniseSheet(headers: readonly string[], mapping: ColumnMapping | null): Recognised {
  const index = indexHeaders(headers);
  if (mapping) {
    const columns = templateColumns(index, mapping);
    const missing = missingOf(columns);
    return missing.length === 0 ? { format: "mapped", columns } : { format: "unknown", suggested: mapping, missing };
  }
  const template = templateColumns(index, null);
  if (missingOf(template).length === 0) return { format: "cascade", columns: template };
  if (index.has(VIVA_HEADERS.id) && index.has(VIVA_HEADERS.title) && index.has(VIVA_HEADERS.objectType)) {
    const vivaColumns: VivaColumns = {};
    for (const [key, header] of Object.entries(VIVA_HEADERS) as Array<[keyof typeof VIVA_HEADERS, string]>) {
      const column = index.get(header);
      if (column !== undefined) vivaColumns[key] = column;
    }
    return { format: "viva", vivaColumns };
  }
  const suggested: ColumnMapping = {};
  for (const field of IMPORT_FIELDS) if (template[field] !== undefined) suggested[field] = headers[template[field]!]!.trim();
  return { format: "unknown", suggested, missing: missingOf(template) };
}
