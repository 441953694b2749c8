import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { toCsv, toCsvCell } from "./csv.js";

/** A small RFC 4180 reader, to check that what we write reads back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [], cell = "", i = 0, isQuoted = false;
  while (i < text.length) {
    const ch = text[i]!;
    if (isQuoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i += 2; continue; }
      if (ch === '"') { isQuoted = false; i++; continue; }
      cell += ch; i++; continue;
    }
    if (ch === '"') { isQuoted = true; i++; continue; }
    if (ch === ",") { row.push(cell); cell = ""; i++; continue; }
    if (ch === "\r" && text[i + 1] === "\n") { row.push(cell); rows.push(row); row = []; cell = ""; i += 2; continue; }
    cell += ch; i++;
  }
  return rows;
}

describe("CSV cells", () => {
  test("quotes commas, quotes and line breaks", () => {
    expect(toCsvCell('Say "hi", then\nleave')).toBe('"Say ""hi"", then\nleave"');
    expect(toCsvCell(3.5)).toBe("3.5");
    expect(toCsvCell(null)).toBe("");
    expect(toCsvCell(true)).toBe("true");
  });

  test("defuses text a spreadsheet would run as a formula", () => {
    for (const evil of ["=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\r=1"]) {
      expect(toCsvCell(evil).replace(/^"/, "").startsWith("'")).toBe(true);
    }
    expect(toCsvCell(-5)).toBe("-5");
  });

  test("a semicolon, the separator in comma-decimal locales, is defused at the start and quoted anywhere", () => {
    expect(toCsvCell(";=1+1")).toBe(`"';=1+1"`);
    expect(toCsvCell("a;b")).toBe(`"a;b"`);
    for (const start of ["=", "+", "-", "@", "\t", "\r", ";"]) {
      const cell = toCsvCell(`${start}cmd|' /C calc'!A0`);
      expect(cell.replace(/^"/, "").startsWith("'"), JSON.stringify(start)).toBe(true);
    }
  });

  test("property: any table of text reads back the same (with formula starts prefixed)", () => {
    const text = fc.string({ unit: fc.constantFrom("a", "b", ",", '"', "\n", "\r", "=", "+", "-", "@", " ", "é", "\t", ";") , maxLength: 12 });
    fc.assert(fc.property(fc.array(fc.array(text, { minLength: 3, maxLength: 3 }), { maxLength: 6 }), (rows) => {
      const parsed = parseCsv(toCsv(["x", "y", "z"], rows));
      expect(parsed[0]).toEqual(["x", "y", "z"]);
      const expected = rows.map((r) => r.map((v) => (/^[=+\-@\t\r;]/.test(v) ? `'${v}` : v)));
      expect(parsed.slice(1)).toEqual(expected);
      for (const row of parsed.slice(1)) for (const cell of row) expect(/^[=+\-@\t\r;]/.test(cell)).toBe(false);
    }));
  });
});
