import ExcelJS from "exceljs";
import { describe, expect, test } from "vitest";
import type { SheetRow } from "../domain/import/import-fields.js";
import { detectDelimiter, readSheetBody, CSV_TYPE, XLSX_TYPE } from "./read-sheet.js";

async function collect(rows: AsyncIterable<SheetRow>): Promise<SheetRow[]> {
  const all: SheetRow[] = [];
  for await (const row of rows) all.push(row);
  return all;
}

const csv = (text: string) => collect(readSheetBody(`${CSV_TYPE}; charset=utf-8`, new TextEncoder().encode(text)));

describe("reading CSV", () => {
  test("drops the byte-order mark and keeps quoted newlines and commas in one cell", async () => {
    const rows = await csv('\uFEFFid,title,description\n1,"Grow, fast","line one\nline two"\n2,Ship,x\n');
    expect(rows).toEqual([
      { line: 1, cells: ["id", "title", "description"] },
      { line: 2, cells: ["1", "Grow, fast", "line one\nline two"] },
      { line: 4, cells: ["2", "Ship", "x"] },
    ]);
  });

  test("reads semicolon- and tab-separated files and reports lines after empty lines", async () => {
    expect(await csv("id;title\r\n1;A\r\n\r\n2;B\r\n")).toEqual([
      { line: 1, cells: ["id", "title"] },
      { line: 2, cells: ["1", "A"] },
      { line: 4, cells: ["2", "B"] },
    ]);
    expect(detectDelimiter('id\ttitle\t"a;b;c"')).toBe("\t");
    expect(detectDelimiter('"a,b,c";x;y\n1,2,3,4,5')).toBe(";");
  });

  test("a broken quote is a 400 naming the problem, not a crash", async () => {
    await expect(csv('id,title\n1,"open\n')).rejects.toMatchObject({ code: "validation_failed" });
  });

  test("other media types are refused", () => {
    expect(() => readSheetBody("application/json", new Uint8Array())).toThrow(expect.objectContaining({ code: "unsupported_media_type" }));
  });
});

describe("reading a workbook", () => {
  test("the first worksheet's rows come with their numbers, dates as dates and formulas as their results", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Goals");
    sheet.addRow(["id", "title", "due", "target"]);
    sheet.addRow(["g1", { richText: [{ text: "Grow " }, { text: "revenue" }] }, new Date(Date.UTC(2027, 2, 31)), { formula: "40*2", result: 80 }]);
    sheet.addRow([]);
    sheet.addRow(["g2", "Sparse"]);
    workbook.addWorksheet("Ignored").addRow(["x"]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const rows = await collect(readSheetBody(XLSX_TYPE, bytes));
    expect(rows.map((r) => r.line)).toEqual([1, 2, 4]);
    expect(rows[1]!.cells).toEqual(["g1", "Grow revenue", new Date(Date.UTC(2027, 2, 31)), 80]);
    expect(rows[2]!.cells).toEqual(["g2", "Sparse"]);
  });

  test("bytes that are not a workbook are a 400", async () => {
    await expect(collect(readSheetBody(XLSX_TYPE, new TextEncoder().encode("id,title")))).rejects.toMatchObject({ code: "validation_failed" });
  });
});
