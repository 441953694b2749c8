/** The Cascade import template: its header for each field, the fields every row needs, and the file an
 * admin downloads (the headers in field order, then one example goal and one of its key results). */
import { IMPORT_FIELDS, type ImportField } from "./admin.js";

/** The template's header for each field; headers are matched case-insensitively. */
export const TEMPLATE_HEADERS: Record<ImportField, string> = {
  id: "id",
  type: "type",
  title: "title",
  description: "description",
  owner: "owner",
  cycle: "cycle",
  parent: "parent",
  status: "status",
  krType: "kr type",
  start: "start",
  target: "target",
  current: "current",
  unit: "unit",
  due: "due",
};

/** Fields without which no row can be read. */
export const REQUIRED_FIELDS: readonly ImportField[] = ["id", "type", "title"];

export const TEMPLATE_FILE_NAME = "cascade-import-template.csv";

/** The template's header row, in the order of the import model's fields. */
export const TEMPLATE_HEADER_ROW: readonly string[] = IMPORT_FIELDS.map((field) => TEMPLATE_HEADERS[field]);

const EXAMPLE_ROWS: ReadonlyArray<Partial<Record<ImportField, string>>> = [
  { id: "g1", type: "goal", title: "Make checkout faster", description: "Customers abandon slow checkouts.", owner: "someone@example.com", cycle: "FY27 Q1", status: "active", due: "2027-03-31" },
  { id: "kr1", type: "key result", title: "Median checkout time", parent: "g1", krType: "decrease", start: "90", target: "30", current: "60", unit: "s" },
];

const quote = (text: string) => (/[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/** CRLF line ends and a byte-order mark, so Excel opens the file as UTF-8 with its columns split. */
export function buildTemplateCsv(): string {
  const lines = [TEMPLATE_HEADER_ROW, ...EXAMPLE_ROWS.map((row) => IMPORT_FIELDS.map((field) => row[field] ?? ""))];
  return "\uFEFF" + lines.map((cells) => cells.map(quote).join(",")).join("\r\n") + "\r\n";
}
