/** esbuild settings of the Function App bundle: shared by bundle.ts and the test that guards what a cold
 * start loads. */
import type { BuildOptions, Plugin } from "esbuild";

/** Bundled CommonJS code still calls require() for Node built-ins and the worker's core module. */
const ESM_REQUIRE_BANNER = 'import { createRequire as __cascadeCreateRequire } from "node:module"; const require = __cascadeCreateRequire(import.meta.url);';

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

export const LOCAL_HOST_ENTRY = "cascade:local-host";

/** Serves the local host's entry source, so it is split into chunks like main.js. */
export function createLocalHostEntryPlugin(resolveDir: string): Plugin {
  return {
    name: "local-host-entry",
    setup(builder) {
      builder.onResolve({ filter: /^cascade:local-host$/ }, () => ({ path: "local-host-entry.ts", namespace: "local-host" }));
      builder.onLoad({ filter: /.*/, namespace: "local-host" }, () => ({ contents: LOCAL_HOST_SOURCE, resolveDir, loader: "ts" }));
    },
  };
}

/**
 * Leaves zod's translated error messages out. `import { z } from "zod"` is a namespace that also carries
 * `z.locales` (and `z.core.locales`), which defeats tree shaking and puts some 40 translations, ~260 kB,
 * in the code every cold start parses. Cascade's messages are English, zod's built-in default (its
 * `locales/en.js` is imported directly and stays); `z.locales` becomes an empty namespace.
 */
export const zodWithoutTranslations: Plugin = {
  name: "zod-without-translations",
  setup(builder) {
    const importers = /[\\/]node_modules[\\/]zod[\\/]v4[\\/](classic[\\/]external|core[\\/]index)\.js$/;
    builder.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) => (importers.test(args.importer) ? { path: "zod-locales", namespace: "zod-without-translations" } : undefined));
    builder.onLoad({ filter: /.*/, namespace: "zod-without-translations" }, () => ({ contents: "export {};", loader: "js" }));
  },
};

/** What `@azure/core-xml` exports in the bundle: the parser (and fast-xml-parser under it, ~60 kB) loads
 * with the first XML answer, which a table service rarely sends. The writer is left out: only XML request
 * bodies need it (table access policies, service properties), and Cascade sends none. */
const LAZY_CORE_XML = `
export { XML_ATTRKEY, XML_CHARKEY } from "./xml.common.js";
let xml = null;
export async function parseXML(text, options) {
  xml ??= import("./xml.js").catch((error) => { xml = null; throw error; });
  return (await xml).parseXML(text, options);
}
export function stringifyXML() {
  throw new Error("Cascade sends no XML request bodies, so the bundle has no XML writer (see bundle-config.ts).");
}
`;

/** Replaces `@azure/core-xml`'s entry with LAZY_CORE_XML, so a cold start does not parse the XML parser
 * that the Tables client imports for the few operations that speak XML. */
export const xmlParserOnFirstUse: Plugin = {
  name: "xml-parser-on-first-use",
  setup(builder) {
    builder.onLoad({ filter: /[\\/]@azure[\\/]core-xml[\\/]dist[\\/]esm[\\/]index\.js$/ }, () => ({ contents: LAZY_CORE_XML, loader: "js" }));
  },
};

export interface BundleTarget {
  entryPoints: BuildOptions["entryPoints"];
  /** Metafile paths are relative to this folder (the repository root). */
  workingDir: string;
  outdir: string;
  /** Prefix of chunk file names, so two bundles can share one folder. */
  chunkPrefix: string;
  target: string;
}

/**
 * Split ESM: each entry holds what every start needs, and code behind a dynamic `import()` (the Teams SDK,
 * the Graph client and MSAL, @azure/identity) goes to chunks beside it that load on first use. All chunks
 * sit in one folder, so `import.meta.url` means the same folder in every one of them.
 */
export function createBuildOptions(bundle: BundleTarget): BuildOptions {
  return {
    entryPoints: bundle.entryPoints,
    absWorkingDir: bundle.workingDir,
    outdir: bundle.outdir,
    splitting: true,
    chunkNames: `${bundle.chunkPrefix}[name]-[hash]`,
    bundle: true,
    platform: "node",
    format: "esm",
    target: bundle.target,
    banner: { js: ESM_REQUIRE_BANNER },
    external: ["@azure/functions-core"],
    plugins: [zodWithoutTranslations, xmlParserOnFirstUse],
    // Names are not minified, so functions and classes keep their own names (error names, SDK logs) without
    // esbuild's keepNames, whose per-function calls every cold start would run.
    minifyWhitespace: true,
    minifySyntax: true,
    sourcemap: "external",
    metafile: true,
    logLevel: "warning",
  };
}

/** The local host bundled like main.js, into `outdir` with chunks named `local-host-…`: what cold-start.ts
 * times and the bundled-app test runs. Azurite stays outside it: a local emulator, never part of the app. */
export function createLocalHostBuildOptions(workingDir: string, outdir: string): BuildOptions {
  const options = createBuildOptions({ entryPoints: [{ in: LOCAL_HOST_ENTRY, out: "local-host" }], workingDir, outdir, chunkPrefix: "local-host-", target: "node20" });
  return { ...options, plugins: [...(options.plugins ?? []), createLocalHostEntryPlugin(workingDir)], external: [...(options.external ?? []), "azurite"] };
}
