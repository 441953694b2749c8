/** Import files for tests: the Cascade template and a Viva Goals Explorer export as CSV, and any
 * table of cells as an .xlsx workbook written with exceljs. */
import ExcelJS from "exceljs";
import { TEMPLATE_HEADER_ROW } from "../../functions/src/contracts/import-template.js";
import type { Person } from "../../functions/src/domain/types.js";

export const CSV = "text/csv";
export const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export type Table = Array<Array<string | number | Date | null>>;

const quote = (cell: string | number | Date | null) => {
  const text = cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell ?? "");
  return /[",;\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export function toCsv(table: Table, delimiter = ","): string {
  return table.map((row) => row.map(quote).join(delimiter)).join("\r\n") + "\r\n";
}

export async function toXlsx(table: Table): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Goals");
  for (const row of table) sheet.addRow(row);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export const TEMPLATE_HEADER = [...TEMPLATE_HEADER_ROW];

/** A company goal, a team goal aligned to it with two key results, and a draft of another person. */
export function buildTemplateTable(people: { ceo: Person; manager: Person; alice: Person }, cycleName: string, prefix = "t"): Table {
  return [
    TEMPLATE_HEADER,
    [`${prefix}-team`, "goal", "Make checkout faster", "Customers abandon slow checkouts; a faster one keeps them buying.", people.manager.mail, cycleName, `${prefix}-company`, "active", null, null, null, null, null, "2027-03-15"],
    [`${prefix}-company`, "goal", "Grow online revenue", "The company's first goal.", people.ceo.mail!.toUpperCase(), cycleName, null, "active", null, null, null, null, null, null],
    [`${prefix}-kr1`, "key result", "Median checkout time", null, null, null, `${prefix}-team`, null, "decrease", 90, 30, 60, "s", null],
    [`${prefix}-kr2`, "key result", "New checkout live", null, null, null, `${prefix}-team`, null, "milestone", null, null, 1, null, null],
    [`${prefix}-draft`, "goal", "Write the checkout guide", null, people.alice.mail, cycleName, `${prefix}-team`, "draft", null, null, null, null, null, null],
  ];
}

export const VIVA_HEADER = ["Id", "Title", "Team", "Creator", "Owner", "Period", "Start Date", "End Date", "Description", "Aligned To (weight, Objective ID)", "Metric Name", "Unit", "Target", "Object Type", "Goal Type", "Start", "Created At", "Last Check-in", "Progress %", "Actual Progress", "Status", "Last Check-in Note", "Score", "Checkins", ""];

/** An objective with a key result and an initiative under the key result, as Viva Goals exported them. */
export function buildVivaTable(people: { vp: Person; alice: Person }, period: string): Table {
  const checkin = "Checkin Date: 2026-11-02; User: someone; Note: Good week,\nmore to do; Metric Name: Progress; Status: On Track; Current Value: 35; Activity Date: 2026-11-02 10:00 UTC;";
  return [
    VIVA_HEADER,
    ["4210001", "Win the enterprise market", "Sales; Marketing", people.vp.displayName, people.vp.displayName, period, "2027-01-01", "2027-03-31", "Grow enterprise accounts.", "", "", "", "", "Objective", "Team", "", "2026-10-01", "", "40", "", "On Track", "", "", "", ""],
    ["4210002", "Enterprise pipeline", "Sales", people.vp.displayName, `${people.alice.displayName}, ${people.vp.displayName}`, period, "2027-01-01", "2027-03-31", "", "Win the enterprise market(weight: 100%, Id: 4210001)", "Progress", "%", "100", "Key result", "Team", "0", "2026-10-01", "2026-11-02", "35", "35", "Behind", "Good week", "", checkin, "older check-in"],
    ["4210003", "Hire two account executives", "Sales", people.vp.displayName, people.alice.displayName, period, "2027-01-01", "2027-02-28", "", "Enterprise pipeline(weight: 100%, Id: 4210002)", "", "", "", "Initiative", "Team", "", "2026-10-01", "", "100", "", "Closed", "", "0.9", "", ""],
  ];
}
