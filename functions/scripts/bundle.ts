/**
 * `npm run build:functions`: bundles the Function App into functions/dist and zips it for deployment.
 *
 * Output is ESM (`"type": "module"`): the Functions Node.js worker imports ESM entry points, and ESM keeps
 * `import.meta.url` working for code that finds files next to main.js (the tab). Everything is bundled,
 * including @azure/functions, because Azure does not provide it; only `@azure/functions-core` stays
 * external, since the worker supplies that module at run time by intercepting `require`.
 *
 * The bundle is split into chunks (see bundle-config.ts), so a cold instance parses only what it needs to
 * answer; the rest loads on first use.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { build, type BuildOptions, type Metafile } from "esbuild";
import { createZip } from "../../appPackage/scripts/zip.js";
import { createBuildOptions, createLocalHostBuildOptions } from "./bundle-config.js";
import { describeLargestInputs, findOutput, listOutputFiles, measureStartupBytes } from "./bundle-report.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const FUNCTIONS = join(ROOT, "functions");
const DIST = join(FUNCTIONS, "dist");
const TAB_DIST = join(ROOT, "tab", "dist");
const ZIP_NAME = "cascade-functions.zip";
const START_CASCADE = join(FUNCTIONS, "dev", "start-cascade.ts");
/** The local host's entry and chunks share this prefix, so one pattern keeps them out of the deploy zip. */
const LOCAL_HOST_PREFIX = "local-host";
/** Left out of the deploy zip (gitignore syntax, as `func` reads .funcignore): local-only files, source maps and the zip itself. */
const NOT_DEPLOYED = [`${LOCAL_HOST_PREFIX}*`, "*.map", ZIP_NAME, ".funcignore"];
const TARGET_BYTES = 10 * 1024 * 1024;

class BundleError extends Error {}

function requireFile(path: string, hint: string): void {
  if (!existsSync(path)) throw new BundleError(`${relative(ROOT, path)} not found: ${hint}`);
}

function isDeployed(file: string): boolean {
  return !file.startsWith(LOCAL_HOST_PREFIX) && !file.endsWith(".map") && file !== ZIP_NAME && file !== ".funcignore";
}

function makeOptions(entryPoints: BuildOptions["entryPoints"], chunkPrefix: string, target: string): BuildOptions {
  return createBuildOptions({ entryPoints, workingDir: ROOT, outdir: DIST, chunkPrefix, target });
}

/** Catches a broken bundle (for example a clash with the banner) at build time rather than on Azure. */
function checkSyntax(file: string): void {
  const result = spawnSync(process.execPath, ["--check", file], { encoding: "utf8" });
  if (result.status !== 0) throw new BundleError(`${relative(ROOT, file)} does not parse:\n${result.stderr}`);
}

/** Every output is its own ES module, so each chunk is checked, not only the entry. */
function checkOutputs(metafile: Metafile): void {
  for (const file of listOutputFiles(metafile, ROOT)) checkSyntax(file);
}

function listFiles(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path, base) : [relative(base, path).split("\\").join("/")];
  });
}

function writePackageFiles(): void {
  const rootPackage = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
  const manifest = { name: "cascade-functions", version: rootPackage.version, private: true, type: "module", main: "main.js" };
  writeFileSync(join(DIST, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  cpSync(join(FUNCTIONS, "host.json"), join(DIST, "host.json"));
  cpSync(TAB_DIST, join(DIST, "tab"), { recursive: true });
  // For tools that zip the folder themselves (func, the Agents Toolkit).
  writeFileSync(join(DIST, ".funcignore"), `${NOT_DEPLOYED.join("\n")}\n`);
}

/**
 * The local host bundled like main.js, so cold-start.ts can time a fresh process on bundled code.
 * It is never deployed, so a failure here is reported without failing the deploy artifact.
 */
async function bundleLocalHost(): Promise<void> {
  if (!existsSync(START_CASCADE)) {
    console.error(`note: ${relative(ROOT, START_CASCADE)} not found, so local-host.js (used only by cold-start.ts) was not built`);
    return;
  }
  try {
    const { metafile } = await build(createLocalHostBuildOptions(ROOT, DIST));
    checkOutputs(metafile!);
  } catch (error) {
    console.error(`warning: local-host.js (used only by cold-start.ts) was not built: ${(error as Error).message.split("\n")[0]}`);
  }
}

function writeZip(): number {
  const files = listFiles(DIST).filter(isDeployed).sort();
  const zip = createZip(files.map((name) => ({ name, data: readFileSync(join(DIST, name)) })));
  writeFileSync(join(DIST, ZIP_NAME), zip);
  return zip.length;
}

export async function bundleFunctions(): Promise<void> {
  requireFile(join(FUNCTIONS, "src", "main.ts"), "it is the Azure Functions entry point that registers every handler with app.http/app.timer");
  requireFile(join(TAB_DIST, "index.html"), "build the tab first with `npm run build:tab` (or run `npm run build`, which builds both)");
  rmSync(DIST, { recursive: true, force: true });
  mkdirSync(DIST, { recursive: true });
  const { metafile } = await build(makeOptions([join(FUNCTIONS, "src", "main.ts")], "", "node22"));
  writePackageFiles();
  checkOutputs(metafile!);
  const mainOutput = findOutput(metafile!, ROOT, join(DIST, "main.js"));
  if (!mainOutput) throw new BundleError("esbuild wrote no main.js");
  await bundleLocalHost();
  const bytes = writeZip();
  const startupKb = Math.round(measureStartupBytes(metafile!, mainOutput) / 1024);
  console.log(JSON.stringify({ artifact: "functions", bytes, mb: Number((bytes / 1024 / 1024).toFixed(2)), chunks: listOutputFiles(metafile!, ROOT).length, startupKb }));
  if (bytes > TARGET_BYTES) {
    console.error(`warning: ${ZIP_NAME} is over the 10 MB target. Largest inputs:\n${describeLargestInputs(metafile!)}`);
  }
}

function isEsbuildFailure(error: unknown): error is { errors: unknown[] } {
  return typeof error === "object" && error !== null && Array.isArray((error as { errors?: unknown }).errors);
}

try {
  await bundleFunctions();
} catch (error) {
  if (error instanceof BundleError) console.error(`build:functions failed: ${error.message}`);
  // esbuild has already printed each error with its source location.
  else if (isEsbuildFailure(error)) console.error(`build:functions failed: esbuild reported ${error.errors.length} error(s), shown above`);
  else throw error;
  process.exitCode = 1;
}
