/** Checks the two icons a Teams package must carry: size, format, and the outline icon's colours. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { decodePng, readPngHeader, type Raster } from "./png.js";

export interface IconFile {
  /** File name inside the package, as the manifest names it. */
  name: string;
  data: Buffer;
}

export interface IconCheck {
  problems: string[];
  files: IconFile[];
}

const ICONS = [
  { key: "color", size: 192 },
  { key: "outline", size: 32 },
] as const;

/** Anti-aliasing tools sometimes leave near-white edge pixels; anything this close to white counts. */
const NEAR_WHITE = 245;

function findOffColourPixel(raster: Raster): { x: number; y: number; rgba: number[] } | undefined {
  for (let i = 0; i < raster.data.length; i += 4) {
    const [r, g, b, a] = raster.data.subarray(i, i + 4);
    if (a! > 0 && (r! < NEAR_WHITE || g! < NEAR_WHITE || b! < NEAR_WHITE)) {
      const pixel = i / 4;
      return { x: pixel % raster.width, y: Math.floor(pixel / raster.width), rgba: [r!, g!, b!, a!] };
    }
  }
  return undefined;
}

function checkOutlineColours(name: string, png: Buffer): string[] {
  let raster: Raster;
  try {
    raster = decodePng(png);
  } catch (error) {
    return [`icons.outline '${name}': ${(error as Error).message}; save it as a 32-bit RGBA PNG`];
  }
  const alphas = Array.from({ length: raster.width * raster.height }, (_, i) => raster.data[i * 4 + 3]!);
  const problems: string[] = [];
  const offColour = findOffColourPixel(raster);
  if (offColour) {
    problems.push(
      `icons.outline '${name}' must be white on a transparent background; pixel (${offColour.x}, ${offColour.y}) is rgba(${offColour.rgba.join(", ")})`,
    );
  }
  if (!alphas.some((alpha) => alpha === 0)) problems.push(`icons.outline '${name}' has no transparent pixels: its background must be transparent`);
  if (!alphas.some((alpha) => alpha > 0)) problems.push(`icons.outline '${name}' is fully transparent: draw the symbol in white`);
  return problems;
}

function checkIcon(dir: string, key: "color" | "outline", size: number, name: unknown): { problems: string[]; file?: IconFile } {
  if (typeof name !== "string" || !/^[\w.-]+\.png$/.test(name)) {
    return { problems: [`icons.${key} must name a .png file at the package root, e.g. ${key}.png; got '${String(name)}'`] };
  }
  let data: Buffer;
  try {
    data = readFileSync(join(dir, name));
  } catch {
    return { problems: [`icons.${key} '${name}' not found in ${dir}: run \`npx tsx appPackage/scripts/make-icons.ts\` or add the file`] };
  }
  let header;
  try {
    header = readPngHeader(data);
  } catch (error) {
    return { problems: [`icons.${key} '${name}': ${(error as Error).message}`] };
  }
  if (header.width !== size || header.height !== size) {
    return { problems: [`icons.${key} '${name}' must be ${size}x${size} pixels; got ${header.width}x${header.height}`] };
  }
  const problems = key === "outline" ? checkOutlineColours(name, data) : [];
  return { problems, file: { name, data } };
}

export function checkIcons(manifest: Record<string, unknown>, dir: string): IconCheck {
  const icons = (manifest.icons ?? {}) as Record<string, unknown>;
  const results = ICONS.map(({ key, size }) => checkIcon(dir, key, size, icons[key]));
  return {
    problems: results.flatMap((result) => result.problems),
    files: results.flatMap((result) => (result.file ? [result.file] : [])),
  };
}
