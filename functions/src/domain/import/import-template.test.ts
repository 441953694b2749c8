import { describe, expect, test } from "vitest";
import { readSheet } from "./import-read.js";
import { buildTemplateCsv, TEMPLATE_HEADER_ROW } from "../../contracts/import-template.js";
import type { SheetRow } from "./import-fields.js";

async function* rowsOf(csv: string): AsyncIterable<SheetRow> {
  const lines = csv.replace(/^\uFEFF/, "").trimEnd().split("\r\n");
  for (const [index, line] of lines.entries()) yield { line: index + 1, cells: line.split(",") };
}

describe("the import template", () => {
  test("is read back as the Cascade template: one goal and its key result, without errors", async () => {
    const csv = buildTemplateCsv();
    expect(csv.startsWith("\uFEFFid,type,title,description,owner,cycle,parent,status,kr type,")).toBe(true);
    const sheet = await readSheet(rowsOf(csv), null);
    expect(sheet).toMatchObject({ format: "cascade", headers: [...TEMPLATE_HEADER_ROW], rowCount: 2, errors: [] });
    expect(sheet.rows.map((row) => [row.id, row.type, row.parent])).toEqual([["g1", "goal", ""], ["kr1", "key result", "g1"]]);
    expect(sheet.rows[1]!.keyResult).toEqual({ kind: "number", start: 90, target: 30, current: 60, unit: "s" });
  });
});
