import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_APP_PACKAGE_DIR } from "./build-package.js";
import { drawColorIcon, drawOutlineIcon } from "./icon-art.js";
import { checkIcons } from "./icon-rules.js";
import { createRaster, decodePng, encodePng, type Raster } from "./png.js";

const ICONS = { icons: { color: "color.png", outline: "outline.png" } };

function writeIcons(color: Raster, outline: Raster): string {
  const dir = mkdtempSync(join(tmpdir(), "cascade-icons-"));
  writeFileSync(join(dir, "color.png"), encodePng(color));
  writeFileSync(join(dir, "outline.png"), encodePng(outline));
  return dir;
}

describe("committed icons", { timeout: 30_000 }, () => {
  it.each([
    ["color.png", drawColorIcon],
    ["outline.png", drawOutlineIcon],
  ])("%s matches the drawing (run `npx tsx appPackage/scripts/make-icons.ts` after changing icon-art.ts)", (file, draw) => {
    const committed = decodePng(readFileSync(join(DEFAULT_APP_PACKAGE_DIR, file)));
    expect(Buffer.from(committed.data).equals(Buffer.from(draw().data))).toBe(true);
  });

  it("pass the Teams icon rules", () => {
    const result = checkIcons(ICONS, DEFAULT_APP_PACKAGE_DIR);
    expect(result.problems).toEqual([]);
    expect(result.files.map((f) => f.name)).toEqual(["color.png", "outline.png"]);
  });

  it("outline has a transparent background and a white mark", () => {
    const outline = drawOutlineIcon();
    const alphas = Array.from({ length: 32 * 32 }, (_, i) => outline.data[i * 4 + 3]!);
    expect(alphas[0]).toBe(0);
    expect(alphas.filter((a) => a === 255).length).toBeGreaterThan(100);
  });
});

describe("icon rules", { timeout: 30_000 }, () => {
  it("names the expected size when an icon has the wrong one", () => {
    const dir = writeIcons(createRaster(96, 96), drawOutlineIcon());
    expect(checkIcons(ICONS, dir).problems).toEqual(["icons.color 'color.png' must be 192x192 pixels; got 96x96"]);
  });

  it("points at the first pixel of an outline that is not white", () => {
    const outline = drawOutlineIcon();
    outline.data.set([255, 0, 0, 255], (3 * 32 + 2) * 4);
    expect(checkIcons(ICONS, writeIcons(drawColorIcon(), outline)).problems).toEqual([
      "icons.outline 'outline.png' must be white on a transparent background; pixel (2, 3) is rgba(255, 0, 0, 255)",
    ]);
  });

  it("requires a transparent background on the outline", () => {
    const opaque = createRaster(32, 32);
    opaque.data.fill(255);
    expect(checkIcons(ICONS, writeIcons(drawColorIcon(), opaque)).problems).toEqual([
      "icons.outline 'outline.png' has no transparent pixels: its background must be transparent",
    ]);
  });

  it("says how to get a missing icon and rejects icons in folders", () => {
    const dir = mkdtempSync(join(tmpdir(), "cascade-icons-"));
    const problems = checkIcons({ icons: { color: "color.png", outline: "img/outline.png" } }, dir).problems;
    expect(problems[0]).toMatch(/^icons.color 'color.png' not found in .*: run `npx tsx appPackage\/scripts\/make-icons.ts` or add the file$/);
    expect(problems[1]).toBe("icons.outline must name a .png file at the package root, e.g. outline.png; got 'img/outline.png'");
  });
});
