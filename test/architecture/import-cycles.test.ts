import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { findCycles, listSources, PRODUCT_FOLDERS, readImportGraph } from "./import-graph.js";

const root = fileURLToPath(new URL("../..", import.meta.url));

describe("import graph of the product code", () => {
  it("has no import cycle in functions/src, tab/src or cards/src", () => {
    const files = listSources(root, PRODUCT_FOLDERS);
    expect(files.length).toBeGreaterThan(100);
    const graph = readImportGraph(root, files);
    expect(findCycles(graph).map((cycle) => cycle.join(" ↔ "))).toEqual([]);
  }, 60_000);

  it("keeps test helpers out of src: no helper file there, and no product file imports from test/", () => {
    const files = listSources(root, PRODUCT_FOLDERS);
    expect(files.filter((file) => /(^|[/-])(test|testing|fixtures?)([/.-])/.test(file))).toEqual([]);
    const graph = readImportGraph(root, listSources(root, [...PRODUCT_FOLDERS, "test/support"]));
    const intoTests = [...graph].flatMap(([from, targets]) => (from.startsWith("test/") ? [] : targets.filter((to) => to.startsWith("test/")).map((to) => `${from} → ${to}`)));
    expect(intoTests).toEqual([]);
  }, 60_000);

  it("reports a loop through a type import and a lazy import, and not a chain", () => {
    const dir = mkdtempSync(join(tmpdir(), "cascade-cycles-"));
    try {
      writeFileSync(join(dir, "a.ts"), 'import type { B } from "./b.js";\nexport type A = B;\n');
      writeFileSync(join(dir, "b.ts"), 'export type B = string;\nexport const load = () => import("./c.js");\n');
      writeFileSync(join(dir, "c.ts"), 'import { load } from "./b.js";\nexport const again = load;\n');
      writeFileSync(join(dir, "d.ts"), 'import type { A } from "./a.js";\nexport type D = A;\n');
      const files = listSources(dir, ["."]);
      expect(files).toEqual(["a.ts", "b.ts", "c.ts", "d.ts"]);
      expect(findCycles(readImportGraph(dir, files))).toEqual([["b.ts", "c.ts"]]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
