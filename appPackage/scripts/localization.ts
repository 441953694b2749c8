/** The manifest's localisation files: each language named in localizationInfo has a file in
 * appPackage/localization/, valid against the bundled Localization schema, whose keys name fields that
 * exist in the manifest; they go into the zip at its root, beside manifest.json. */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { validateLocalizationAgainstBundledSchema } from "./schema.js";

export interface LocalizationFile {
  name: string;
  data: Buffer;
}

interface LocalizationInfo {
  defaultLanguageTag?: string;
  additionalLanguages?: Array<{ languageTag?: string; file?: string }>;
}

/** Reads "staticTabs[2].name" in the manifest; undefined when the manifest has no such field. */
function readPath(manifest: Record<string, unknown>, path: string): unknown {
  let value: unknown = manifest;
  for (const part of path.split(/\.|\[(\d+)\]/).filter((piece) => piece !== undefined && piece !== "")) {
    if (typeof value !== "object" || value === null) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

export async function readLocalizationFiles(manifest: Record<string, unknown>, dir: string): Promise<{ files: LocalizationFile[]; problems: string[] }> {
  const info = manifest.localizationInfo as LocalizationInfo | undefined;
  const files: LocalizationFile[] = [];
  const problems: string[] = [];
  for (const language of info?.additionalLanguages ?? []) {
    const name = language.file ?? "";
    const path = join(dir, "localization", name);
    if (!/^[a-z]{2,3}(-[a-z0-9]+)*\.json$/i.test(name) || !existsSync(path)) {
      problems.push(`localizationInfo names ${name || "no file"} for ${language.languageTag}; put it in appPackage/localization/`);
      continue;
    }
    const text = readFileSync(path, "utf8");
    const json = JSON.parse(text) as Record<string, unknown>;
    problems.push(...(await validateLocalizationAgainstBundledSchema(json, String(manifest.manifestVersion), name)));
    for (const key of Object.keys(json).filter((key) => key !== "$schema")) {
      if (typeof readPath(manifest, key) !== "string") problems.push(`${name}: ${key} names no text in the manifest`);
    }
    files.push({ name, data: Buffer.from(text) });
  }
  return { files, problems };
}
