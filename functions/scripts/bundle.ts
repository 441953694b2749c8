/**
 * `npm run build:functions`: bundles the Function App into functions/dist and zips it for deployment.
 *
 * Output is ESM (`"type": "module"`): the Functions Node.js worker imports ESM entry points, and ESM keeps
 * `import.meta.url` working for code that finds files next to main.js (the tab). Everything is bundled,
 * including @azure/functions, because Azure does not provide it; only `@azure/functions-core` stays
 * external, since the worker supplies that module at run time by intercepting `require`.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { build, type BuildOptions, type Metafile } from "esbuild";
import { createZip } from "../../appPackage/scripts/zip.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const FUNCTIONS = join(ROOT, "functions");
const DIST = join(FUNCTIONS, "dist");
const TAB_DIST = join(ROOT, "tab", "dist");
const ZIP_NAME = "cascade-functions.zip";
const START_CASCADE = join(FUNCTIONS, "dev", "start-cascade.ts");
/** Left out of the deploy zip: local-only files and the zip itself. */
const NOT_DEPLOYED = ["local-host.js", "local-host.js.map", "main.js.map", ZIP_NAME, ".funcignore"];
const TARGET_BYTES = 10 * 1024 * 1024;

/** Bundled CommonJS code still calls require() for Node built-ins and the worker's core module. */
const ESM_REQUIRE_BANNER = 'import { createRequire as __cascadeCreateRequire } from "node:module"; const require = __cascadeCreateRequire(import.meta.url);';

class BundleError extends Error {}

function requireFile(path: string, hint: string): void {
  if (!existsSync(path)) throw new BundleError(`${relative(ROOT, path)} not found: ${hint}`);
}

/**
 * Entry of local-host.js: the same local host `npm start` uses, on a given port, without demo data,
 * printing one JSON line once it listens. Storage comes from STORAGE_CONNECTION_STRING (cold-start.ts
 * starts Azurite itself so emulator start-up is not counted as app start-up).
 */
const LOCAL_HOST_SOURCE = `
import { parseArgs } from "node:util";
import { startCascade } from "./functions/dev/start-cascade.ts";
const { values } = parseArgs({ options: { port: { type: "string", default: "0" }, seed: { type: "boolean", default: false } } });
const cascade = await startCascade({ env: process.env, port: Number(values.port), isSeeded: values.seed });
console.log(JSON.stringify({ url: cascade.url }));
const stop = () => void cascade.stop().then(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
`;

function makeOptions(entry: string, outfile: string, target: string): BuildOptions {
  return {
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target,
    banner: { js: ESM_REQUIRE_BANNER },
    external: ["@azure/functions-core"],
    minify: true,
    keepNames: true,
    sourcemap: "external",
    metafile: true,
    logLevel: "warning",
  };
}

/** Catches a broken bundle (for example a clash with the banner) at build time rather than on Azure. */
function checkSyntax(file: string): void {
  const result = spawnSync(process.execPath, ["--check", file], { encoding: "utf8" });
  if (result.status !== 0) throw new BundleError(`${relative(ROOT, file)} does not parse:\n${result.stderr}`);
}

function listFiles(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path, base) : [relative(base, path).split("\\").join("/")];
  });
}

function describeLargestInputs(metafile: Metafile): string {
  const sizes = Object.entries(metafile.outputs).flatMap(([, output]) => Object.entries(output.inputs));
  return sizes
    .sort(([, a], [, b]) => b.bytesInOutput - a.bytesInOutput)
    .slice(0, 8)
    .map(([input, { bytesInOutput }]) => `  ${(bytesInOutput / 1024).toFixed(0).padStart(6)} kB  ${input}`)
    .join("\n");
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
  const { entryPoints: _unused, ...options } = makeOptions("", join(DIST, "local-host.js"), "node20");
  try {
    await build({
      ...options,
      stdin: { contents: LOCAL_HOST_SOURCE, resolveDir: ROOT, sourcefile: "local-host-entry.ts", loader: "ts" },
      // Azurite is a local emulator started from node_modules, never part of the app.
      external: [...(options.external ?? []), "azurite"],
    });
    checkSyntax(join(DIST, "local-host.js"));
  } catch (error) {
    console.error(`warning: local-host.js (used only by cold-start.ts) was not built: ${(error as Error).message.split("\n")[0]}`);
  }
}

function writeZip(): number {
  const files = listFiles(DIST).filter((file) => !NOT_DEPLOYED.includes(file)).sort();
  const zip = createZip(files.map((name) => ({ name, data: readFileSync(join(DIST, name)) })));
  writeFileSync(join(DIST, ZIP_NAME), zip);
  return zip.length;
}

export async function bundleFunctions(): Promise<void> {
  requireFile(join(FUNCTIONS, "src", "main.ts"), "it is the Azure Functions entry point that registers every handler with app.http/app.timer");
  requireFile(join(TAB_DIST, "index.html"), "build the tab first with `npm run build:tab` (or run `npm run build`, which builds both)");
  rmSync(DIST, { recursive: true, force: true });
  mkdirSync(DIST, { recursive: true });
  const { metafile } = await build(makeOptions(join(FUNCTIONS, "src", "main.ts"), join(DIST, "main.js"), "node22"));
  writePackageFiles();
  checkSyntax(join(DIST, "main.js"));
  await bundleLocalHost();
  const bytes = writeZip();
  console.log(JSON.stringify({ artifact: "functions", bytes, mb: Number((bytes / 1024 / 1024).toFixed(2)) }));
  if (bytes > TARGET_BYTES) {
    console.error(`warning: ${ZIP_NAME} is over the 10 MB target. Largest inputs of main.js:\n${describeLargestInputs(metafile!)}`);
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
