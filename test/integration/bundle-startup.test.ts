/** What a cold instance of the Function App loads: the bundle is built with the deploy settings, and the
 * code main.js imports statically must leave out the SDKs that only some requests need. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build, type Metafile } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBuildOptions } from "../../functions/scripts/bundle-config.js";
import { findOutput, listStartupInputs, measureStartupBytes } from "../../functions/scripts/bundle-report.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
/** Loaded on first use: the Teams SDK, the Graph client, MSAL, @azure/identity, request validation (zod),
 * token checks (jose) and the XML parser of the Tables client. */
const LAZY_PACKAGES = ["@microsoft/teams.apps", "@microsoft/teams.api", "@microsoft/microsoft-graph-client", "@azure/msal-node", "@azure/identity", "zod", "jose", "fast-xml-parser"];
/** Our own code that only some requests need: route handlers, card builders, the bot's card logic, the jobs.
 * The verbs and the locale matching (which reads every request's Accept-Language) are small and load at start. */
const LAZY_SOURCES = [/^functions\/src\/http\/(goals|admin|checkins|feedback|dashboard)\.ts$/, /^cards\/src\/(?!verbs\.ts$|i18n\/locales\.ts$)/, /^functions\/src\/bot\/(bot-assembly|card-actions|approval-notifier)\.ts$/, /^functions\/src\/jobs\/(reminder|digest)-job\.ts$/];

/** Nothing is written there: the build keeps its output in memory. */
const OUTDIR = join(tmpdir(), "cascade-bundle-check");
let metafile: Metafile;
let mainOutput: string;

beforeAll(async () => {
  const options = createBuildOptions({ entryPoints: [join(ROOT, "functions", "src", "main.ts")], workingDir: ROOT, outdir: OUTDIR, chunkPrefix: "", target: "node22" });
  metafile = (await build({ ...options, write: false, logLevel: "silent" })).metafile!;
  mainOutput = findOutput(metafile, ROOT, join(OUTDIR, "main.js"))!;
});

function packagesIn(inputs: string[]): Set<string> {
  return new Set(inputs.flatMap((input) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input)?.slice(1) ?? []));
}

describe("the Function App bundle", () => {
  it("starts without the SDKs that only the bot, the directory sync or managed identity need", () => {
    const startupPackages = packagesIn(listStartupInputs(metafile, mainOutput));
    expect(startupPackages.has("@azure/data-tables")).toBe(true);
    for (const name of LAZY_PACKAGES) expect(startupPackages.has(name), `${name} is loaded at start-up`).toBe(false);
  });

  it("still ships the lazily loaded SDKs, in chunks of their own", () => {
    const allPackages = packagesIn(Object.values(metafile.outputs).flatMap((output) => Object.keys(output.inputs)));
    for (const name of LAZY_PACKAGES) expect(allPackages.has(name), `${name} is missing from the bundle`).toBe(true);
  });

  it("starts without the route handlers, card builders and jobs, which load with their first request", () => {
    const startupInputs = listStartupInputs(metafile, mainOutput);
    for (const pattern of LAZY_SOURCES) expect(startupInputs.filter((input) => pattern.test(input)), String(pattern)).toEqual([]);
    const allInputs = Object.values(metafile.outputs).flatMap((output) => Object.keys(output.inputs));
    for (const pattern of LAZY_SOURCES) expect(allInputs.some((input) => pattern.test(input)), `${pattern} is missing from the bundle`).toBe(true);
  });

  it("leaves zod's translations out and keeps its English messages", () => {
    const allInputs = new Set(Object.values(metafile.outputs).flatMap((output) => Object.keys(output.inputs)));
    const zodLocales = [...allInputs].filter((input) => input.includes("node_modules/zod/v4/locales/"));
    expect(zodLocales.map((input) => input.split("/").pop())).toEqual(["en.js"]);
  });

  it("keeps the start-up code well below the whole bundle", () => {
    const totalBytes = Object.entries(metafile.outputs).reduce((sum, [file, output]) => sum + (file.endsWith(".js") ? output.bytes : 0), 0);
    const startupBytes = measureStartupBytes(metafile, mainOutput);
    expect(startupBytes).toBeLessThan(1024 * 1024);
    expect(startupBytes).toBeLessThan(totalBytes / 3);
  });
});

describe("the Tables client's XML support in the bundle", () => {
  const dir = mkdtempSync(join(tmpdir(), "cascade-xml-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function loadBundledCoreXml(): Promise<typeof import("@azure/core-xml")> {
    const entry = join(dir, "entry.ts");
    writeFileSync(entry, 'export { parseXML, stringifyXML } from "@azure/core-xml";\n');
    const options = createBuildOptions({ entryPoints: [entry], workingDir: ROOT, outdir: join(dir, "out"), chunkPrefix: "", target: "node22" });
    await build({ ...options, nodePaths: [join(ROOT, "node_modules")], logLevel: "silent" });
    writeFileSync(join(dir, "out", "package.json"), '{ "type": "module" }\n');
    return (await import(pathToFileURL(join(dir, "out", "entry.js")).href)) as typeof import("@azure/core-xml");
  }

  it("parses an XML answer, loading the parser on first use, and refuses to write XML with a clear message", async () => {
    const { parseXML, stringifyXML } = await loadBundledCoreXml();
    await expect(parseXML('<?xml version="1.0"?><Error><Code>AuthorizationFailure</Code></Error>')).resolves.toEqual({ Code: "AuthorizationFailure" });
    await expect(parseXML("")).rejects.toThrow("Document is empty");
    expect(() => stringifyXML({ a: 1 })).toThrow("no XML request bodies");
  });
});
