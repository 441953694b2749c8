import { readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { PassThrough } from "node:stream";
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

  /** Temporary files this process has left behind (the reader's name for them starts this way). */
  const leftFiles = () => readdirSync(tmpdir()).filter((name) => name.startsWith(`tmp-${process.pid}-`));

  async function firstRow(rows: AsyncIterable<SheetRow>): Promise<SheetRow | undefined> {
    for await (const row of rows) return row;
    return undefined;
  }

  test("a workbook whose workbook part comes last is read whole every time, also when reading stops at its first row", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Goals").addRows([["id", "title"], ["g1", "One"], ["g2", 2]]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const before = leftFiles().length;
    for (let i = 0; i < 100; i++) {
      expect(await firstRow(readSheetBody(XLSX_TYPE, bytes))).toEqual({ line: 1, cells: ["id", "title"] });
      expect((await collect(readSheetBody(XLSX_TYPE, bytes))).map((row) => row.cells)).toEqual([["id", "title"], ["g1", "One"], ["g2", 2]]);
    }
    expect(leftFiles().length).toBe(before);
  }, 30_000);

  test("a workbook without shared strings is read without temporary files", async () => {
    const sink = new PassThrough();
    const chunks: Buffer[] = [];
    sink.on("data", (chunk: Buffer) => chunks.push(chunk));
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useSharedStrings: false });
    const sheet = writer.addWorksheet("Goals");
    sheet.addRow(["id", "title"]).commit();
    sheet.addRow(["g1", "Inline text"]).commit();
    await sheet.commit();
    await writer.commit();
    const bytes = new Uint8Array(Buffer.concat(chunks));
    const before = leftFiles().length;
    expect(await firstRow(readSheetBody(XLSX_TYPE, bytes))).toEqual({ line: 1, cells: ["id", "title"] });
    expect((await collect(readSheetBody(XLSX_TYPE, bytes))).map((row) => row.cells)).toEqual([["id", "title"], ["g1", "Inline text"]]);
    expect(leftFiles().length).toBe(before);
  });

  test("a workbook cut short is a 400", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Goals").addRows([["id", "title"], ["g1", "One"]]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    await expect(collect(readSheetBody(XLSX_TYPE, bytes.subarray(0, Math.floor(bytes.byteLength / 2))))).rejects.toMatchObject({ code: "validation_failed" });
  });

  test("bytes that are not a workbook are a 400", async () => {
    await expect(collect(readSheetBody(XLSX_TYPE, new TextEncoder().encode("id,title")))).rejects.toMatchObject({ code: "validation_failed" });
  });
});
