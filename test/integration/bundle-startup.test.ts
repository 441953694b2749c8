/** What a cold instance of the Function App loads: the bundle is built with the deploy settings, and the
 * code main.js imports statically must leave out the SDKs that only some requests need. */
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build, type Metafile } from "esbuild";
import { beforeAll, describe, expect, it } from "vitest";
import { createBuildOptions } from "../../functions/scripts/bundle-config.js";
import { findOutput, listStartupInputs, measureStartupBytes } from "../../functions/scripts/bundle-report.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
/** Loaded on first use: the Teams SDK, the Graph client, MSAL and @azure/identity. */
const LAZY_PACKAGES = ["@microsoft/teams.apps", "@microsoft/teams.api", "@microsoft/microsoft-graph-client", "@azure/msal-node", "@azure/identity"];

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

  it("leaves zod's translations out and keeps its English messages", () => {
    const startupInputs = listStartupInputs(metafile, mainOutput);
    const zodLocales = startupInputs.filter((input) => input.includes("node_modules/zod/v4/locales/"));
    expect(zodLocales.map((input) => input.split("/").pop())).toEqual(["en.js"]);
  });

  it("keeps the start-up code well below the whole bundle", () => {
    const totalBytes = Object.entries(metafile.outputs).reduce((sum, [file, output]) => sum + (file.endsWith(".js") ? output.bytes : 0), 0);
    const startupBytes = measureStartupBytes(metafile, mainOutput);
    expect(startupBytes).toBeLessThan(1024 * 1024);
    expect(startupBytes).toBeLessThan(totalBytes / 3);
  });
});
