/** Offline JSON-schema validation with the schemas that @microsoft/app-manifest ships. */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { AppManifestUtils, type TeamsManifest } from "@microsoft/app-manifest";

const SCHEMA_URL = /^https:\/\/developer\.microsoft\.com\/(?:[a-z]{2}-[a-z]{2}\/)?json-schemas\/teams\/v([0-9.]+|DevPreview)\/MicrosoftTeams\.schema\.json$/;

function findBundledSchemaDir(): string {
  const packageJson = createRequire(import.meta.url).resolve("@microsoft/app-manifest/package.json");
  return join(dirname(packageJson), "build", "json-schemas", "teams");
}

export function listBundledSchemaVersions(): string[] {
  return readdirSync(findBundledSchemaDir()).map((folder) => folder.replace(/^v/, ""));
}

function readBundledSchema(version: string): object | undefined {
  const file = join(findBundledSchemaDir(), `v${version}`, "MicrosoftTeams.schema.json");
  if (!existsSync(file)) return undefined;
  // Same clean-up the package does when it loads a schema: two escapes JSON.parse rejects.
  return JSON.parse(readFileSync(file, "utf8").replace(/\\a/g, "\\u0007").replace(/\\v/g, "\\u000b"));
}

/**
 * Validates against the bundled schema named by `$schema`, never fetching over the network:
 * the package would otherwise download schemas it does not ship.
 */
export async function validateAgainstBundledSchema(manifest: Record<string, unknown>): Promise<string[]> {
  const url = String(manifest.$schema ?? "");
  const version = SCHEMA_URL.exec(url)?.[1];
  if (!version) {
    return [`$schema must be https://developer.microsoft.com/json-schemas/teams/v<version>/MicrosoftTeams.schema.json; got '${url}'`];
  }
  const expectedVersion = version === "DevPreview" ? "devPreview" : version;
  if (manifest.manifestVersion !== expectedVersion) {
    return [`manifestVersion must be "${expectedVersion}" to match $schema; got '${String(manifest.manifestVersion)}'`];
  }
  const schema = readBundledSchema(version);
  if (!schema) {
    const bundled = listBundledSchemaVersions().join(", ");
    return [`$schema v${version} is not bundled with the installed @microsoft/app-manifest (it has ${bundled}); pick one of those`];
  }
  const errors = await AppManifestUtils.validateAgainstSchema(manifest as unknown as TeamsManifest, schema as never);
  return errors.map((error) => `schema v${version}: ${error.trim()}`);
}

/** Validates a localisation file against the Localization schema bundled beside the manifest schema of `version`. */
export async function validateLocalizationAgainstBundledSchema(file: Record<string, unknown>, version: string, name: string): Promise<string[]> {
  const path = join(findBundledSchemaDir(), `v${version}`, "MicrosoftTeams.Localization.schema.json");
  // The manifest's own check already says when its schema version is not bundled.
  if (!existsSync(path)) return [];
  const schema = JSON.parse(readFileSync(path, "utf8")) as { patternProperties?: Record<string, unknown> };
  // A few of the shipped patterns (activity types, which Cascade does not localise) are not valid
  // Unicode regular expressions, which the validator requires; they are left out rather than failing every file.
  schema.patternProperties = Object.fromEntries(Object.entries(schema.patternProperties ?? {}).filter(([pattern]) => isUnicodePattern(pattern)));
  const errors = await AppManifestUtils.validateAgainstSchema(file as unknown as TeamsManifest, schema as never);
  return errors.map((error) => `${name}: ${error.trim()}`);
}

function isUnicodePattern(pattern: string): boolean {
  try {
    new RegExp(pattern, "u");
    return true;
  } catch {
    return false;
  }
}
