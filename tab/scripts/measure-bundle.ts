/** Reports the JavaScript a first visit downloads before anything is lazy-loaded: the entry
 * scripts of tab/dist/index.html and every chunk they import statically, gzipped.
 * Usage: tsx tab/scripts/measure-bundle.ts [distDir] → {"bench":"tab-bundle","initialJsGzipKb":…} */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

export const INITIAL_JS_BUDGET_KB = 250;

export interface BundleFile {
  file: string;
  bytes: number;
  gzipBytes: number;
}

export interface BundleReport {
  files: BundleFile[];
  initialJsGzipKb: number;
}

const ENTRY_PATTERNS = [
  /<script\b[^>]*\btype=["']module["'][^>]*\bsrc=["']([^"']+)["']/g,
  /<link\b[^>]*\brel=["']modulepreload["'][^>]*\bhref=["']([^"']+)["']/g,
];
/** Static `import … from "x"`, `import "x"` and `export … from "x"`; dynamic `import("x")` is left out. */
const STATIC_IMPORT = /(?:^|[^.\w$])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+\.js)["']/g;

export function findEntryScripts(html: string): string[] {
  return ENTRY_PATTERNS.flatMap((pattern) => [...html.matchAll(pattern)].map((match) => match[1] ?? "")).filter(Boolean);
}

export function findStaticImports(code: string): string[] {
  return [...code.matchAll(STATIC_IMPORT)].map((match) => match[1] ?? "").filter(Boolean);
}

function resolveAsset(distDir: string, fromFile: string | null, specifier: string): string {
  if (specifier.startsWith("/")) return path.join(distDir, specifier);
  return path.resolve(fromFile ? path.dirname(fromFile) : distDir, specifier);
}

export async function measureInitialJs(distDir: string): Promise<BundleReport> {
  const html = await readFile(path.join(distDir, "index.html"), "utf8");
  const pending = findEntryScripts(html).map((src) => resolveAsset(distDir, null, src));
  const seen = new Set<string>();
  const files: BundleFile[] = [];
  while (pending.length > 0) {
    const file = pending.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const content = await readFile(file);
    files.push({ file: path.relative(distDir, file), bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length });
    pending.push(...findStaticImports(content.toString("utf8")).map((specifier) => resolveAsset(distDir, file, specifier)));
  }
  const totalGzip = files.reduce((sum, entry) => sum + entry.gzipBytes, 0);
  return { files, initialJsGzipKb: Math.round((totalGzip / 1024) * 10) / 10 };
}

async function main(): Promise<void> {
  const defaultDist = fileURLToPath(new URL("../dist", import.meta.url));
  const report = await measureInitialJs(process.argv[2] ?? defaultDist);
  console.log(
    JSON.stringify({
      bench: "tab-bundle",
      initialJsGzipKb: report.initialJsGzipKb,
      budgetKb: INITIAL_JS_BUDGET_KB,
      files: report.files.length,
    }),
  );
  if (report.initialJsGzipKb > INITIAL_JS_BUDGET_KB) process.exitCode = 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
