/** Fills the manifest template for one environment, validates it offline, and writes the Teams app zip. */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { checkIcons } from "./icon-rules.js";
import { readLocalizationFiles } from "./localization.js";
import { checkManifestRules, isHostName, mapPlaceholderFields } from "./manifest-rules.js";
import { fillPlaceholders, PlaceholderError, readEnvFile } from "./placeholders.js";
import { validateAgainstBundledSchema } from "./schema.js";
import { createZip, readZip } from "./zip.js";

export interface BuildOptions {
  /** Environment name: reads env/.env.<env> and writes build/cascade-<env>.zip. */
  env: string;
  /** Folder holding manifest.template.json and the icons; defaults to appPackage/. */
  appPackageDir?: string;
  /** Overrides env/.env.<env>, e.g. to use a file the Agents Toolkit filled in. */
  envFile?: string;
  /** Defaults to <appPackageDir>/build. */
  outDir?: string;
}

export interface BuildResult {
  zipPath: string;
  bytes: number;
  manifest: Record<string, unknown>;
}

export class AppPackageError extends Error {
  constructor(
    readonly env: string,
    readonly problems: string[],
  ) {
    super(`App package '${env}' cannot be built. Fix these and run again:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "AppPackageError";
  }
}

export const DEFAULT_APP_PACKAGE_DIR = fileURLToPath(new URL("..", import.meta.url));

function showPath(path: string): string {
  const shown = relative(process.cwd(), path);
  return shown && !shown.startsWith("..") ? shown : path;
}

function parseJson(text: string, what: string, env: string): Record<string, unknown> {
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch (error) {
    throw new AppPackageError(env, [`${what} is not valid JSON: ${(error as Error).message}`]);
  }
}

function fillTemplate(template: string, envFile: string, env: string): { filled: string; tabDomain: string } {
  try {
    const variables = readEnvFile(envFile);
    const tabDomain = variables.TAB_DOMAIN ?? "";
    if (tabDomain && !isHostName(tabDomain)) {
      throw new PlaceholderError([
        `TAB_DOMAIN in ${showPath(envFile)} must be a host name such as cascade.contoso.com (no https://, no path, no trailing slash); got '${tabDomain}'`,
      ]);
    }
    return { filled: fillPlaceholders(template, variables, showPath(envFile)), tabDomain };
  } catch (error) {
    if (error instanceof PlaceholderError) throw new AppPackageError(env, error.problems);
    throw error;
  }
}

/** Reads the zip back: Teams rejects packages whose files sit in a folder or are missing. */
function verifyZip(zip: Buffer, expected: string[], env: string): void {
  const names = readZip(zip).map((entry) => entry.name);
  if (names.join() !== expected.join()) {
    throw new AppPackageError(env, [`zip must hold ${expected.join(", ")} at its root; it holds ${names.join(", ")}`]);
  }
}

export async function buildAppPackage(options: BuildOptions): Promise<BuildResult> {
  const { env } = options;
  if (!/^[a-z0-9][a-z0-9-]*$/.test(env)) throw new AppPackageError(env, [`--env must be a name like dev or prod; got '${env}'`]);
  const dir = resolve(options.appPackageDir ?? DEFAULT_APP_PACKAGE_DIR);
  const envFile = resolve(options.envFile ?? join(dir, "env", `.env.${env}`));
  const templatePath = join(dir, "manifest.template.json");
  const template = readFileSync(templatePath, "utf8");
  const sources = mapPlaceholderFields(parseJson(template, showPath(templatePath), env));
  const { filled, tabDomain } = fillTemplate(template, envFile, env);
  const manifest = parseJson(filled, `the filled ${showPath(templatePath)}`, env);
  const icons = checkIcons(manifest, dir);
  const localization = await readLocalizationFiles(manifest, dir);
  const problems = [
    ...(await validateAgainstBundledSchema(manifest)),
    ...checkManifestRules(manifest, { tabDomain, sources, envFile: showPath(envFile) }),
    ...icons.problems,
    ...localization.problems,
  ];
  if (problems.length > 0) throw new AppPackageError(env, problems);
  const entries = [{ name: "manifest.json", data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`) }, ...icons.files, ...localization.files];
  const zip = createZip(entries);
  verifyZip(zip, entries.map((entry) => entry.name), env);
  const outDir = resolve(options.outDir ?? join(dir, "build"));
  mkdirSync(outDir, { recursive: true });
  const zipPath = join(outDir, `cascade-${env}.zip`);
  writeFileSync(zipPath, zip);
  return { zipPath, bytes: zip.length, manifest };
}
