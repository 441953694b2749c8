/**
 * Cascade's own rules for a filled manifest, beyond the JSON schema: the things that made earlier
 * Teams app templates fail after upload (SSO domain mismatches, tabs outside validDomains, bad ids).
 */

/** JSON path of a field → the `${{NAME}}` variables it was filled from, for messages that say what to change. */
export type FieldSources = ReadonlyMap<string, readonly string[]>;

export interface RuleContext {
  /** The TAB_DOMAIN value the package was built for. */
  tabDomain: string;
  sources: FieldSources;
  /** Where the variables came from, e.g. appPackage/env/.env.dev. */
  envFile: string;
}

interface Tab {
  entityId?: unknown;
  scopes?: unknown;
  contentUrl?: unknown;
  websiteUrl?: unknown;
  configurationUrl?: unknown;
}

const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
const HOST = /^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*(:[0-9]{1,5})?$/;

/** A validDomains-style host: name with optional `*.` prefix and port, no scheme or path. */
export function isHostName(value: string): boolean {
  return HOST.test(value);
}

/** Walks a parsed template and records which placeholders feed each string field. */
export function mapPlaceholderFields(template: unknown, path = ""): Map<string, string[]> {
  const found = new Map<string, string[]>();
  if (typeof template === "string") {
    const names = [...template.matchAll(/\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g)].map((m) => m[1]!);
    if (names.length > 0) found.set(path, names);
  } else if (template && typeof template === "object") {
    for (const [key, value] of Object.entries(template)) {
      const childPath = Array.isArray(template) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
      for (const [field, names] of mapPlaceholderFields(value, childPath)) found.set(field, names);
    }
  }
  return found;
}

function describeSource(path: string, context: RuleContext): string {
  const names = context.sources.get(path);
  return names ? ` (it comes from ${names.join(" and ")} in ${context.envFile})` : "";
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function asTabs(value: unknown): Tab[] {
  return asArray(value).map((tab) => asRecord(tab) as Tab);
}

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function checkGuids(manifest: Record<string, unknown>, context: RuleContext): string[] {
  const fields: [string, unknown][] = [
    ["id", manifest.id],
    ["webApplicationInfo.id", asRecord(manifest.webApplicationInfo).id],
    ...asArray(manifest.bots).map((bot, i): [string, unknown] => [`bots[${i}].botId`, asRecord(bot).botId]),
  ];
  return fields
    .filter(([, value]) => typeof value !== "string" || !GUID.test(value))
    .map(([path, value]) => `${path} must be a GUID like 00000000-0000-0000-0000-000000000000${describeSource(path, context)}; got '${String(value)}'`);
}

function isHostAllowed(host: string, validDomains: string[]): boolean {
  return validDomains.some((domain) => {
    const pattern = domain.toLowerCase();
    return pattern.startsWith("*.") ? host.endsWith(pattern.slice(1)) && host.length > pattern.length - 1 : host === pattern;
  });
}

function listTabUrls(manifest: Record<string, unknown>): [string, unknown][] {
  const urls: [string, unknown][] = [];
  asTabs(manifest.staticTabs).forEach((tab, i) => {
    if (tab.contentUrl !== undefined) urls.push([`staticTabs[${i}].contentUrl`, tab.contentUrl]);
    if (tab.websiteUrl !== undefined) urls.push([`staticTabs[${i}].websiteUrl`, tab.websiteUrl]);
  });
  asTabs(manifest.configurableTabs).forEach((tab, i) => urls.push([`configurableTabs[${i}].configurationUrl`, tab.configurationUrl]));
  return urls;
}

function checkTabUrls(manifest: Record<string, unknown>, context: RuleContext): string[] {
  const validDomains = asArray(manifest.validDomains).map(String);
  const problems: string[] = [];
  for (const [path, value] of listTabUrls(manifest)) {
    let url: URL;
    try {
      url = new URL(String(value));
    } catch {
      problems.push(`${path} must be an absolute https URL${describeSource(path, context)}; got '${String(value)}'`);
      continue;
    }
    if (url.protocol !== "https:") problems.push(`${path} must use https (Teams loads tabs over https only); got '${url.href}'`);
    if (!isHostAllowed(url.host, validDomains)) {
      problems.push(`${path} host '${url.host}' is not in validDomains [${validDomains.join(", ")}]: add it to validDomains`);
    }
    if (url.host !== context.tabDomain) {
      problems.push(
        `${path} must be served from TAB_DOMAIN '${context.tabDomain}' (Teams single sign-on needs the tab and webApplicationInfo.resource on one domain); got host '${url.host}'`,
      );
    }
  }
  return problems;
}

function checkValidDomains(manifest: Record<string, unknown>, context: RuleContext): string[] {
  const domains = asArray(manifest.validDomains);
  return domains.flatMap((domain, i) => {
    const path = `validDomains[${i}]`;
    if (typeof domain === "string" && isHostName(domain)) return [];
    return [`${path} must be a host name such as cascade.contoso.com, with no https:// and no path${describeSource(path, context)}; got '${String(domain)}'`];
  });
}

function checkResource(manifest: Record<string, unknown>, context: RuleContext): string[] {
  const info = asRecord(manifest.webApplicationInfo);
  const expected = `api://${context.tabDomain}/${String(info.id)}`;
  if (info.resource === expected) return [];
  return [
    `webApplicationInfo.resource must be api://<TAB_DOMAIN>/<AAD_APP_CLIENT_ID>, here ${expected}, and the same value must be an Application ID URI of the Entra app; got '${String(info.resource)}'`,
  ];
}

function checkDeveloperUrls(manifest: Record<string, unknown>): string[] {
  const developer = asRecord(manifest.developer);
  return (["websiteUrl", "privacyUrl", "termsOfUseUrl"] as const)
    .filter((key) => !String(developer[key] ?? "").startsWith("https://"))
    .map((key) => `developer.${key} must be an https URL (the Teams admin center rejects http); got '${String(developer[key])}'`);
}

function checkEntityIds(manifest: Record<string, unknown>): string[] {
  const ids = asTabs(manifest.staticTabs).map((tab) => String(tab.entityId));
  const duplicates = [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
  return duplicates.map((id) => `staticTabs entityId '${id}' is used more than once: each tab needs its own entityId`);
}

/** Outlook and the Microsoft 365 app run a Teams personal tab from manifest 1.13 on. */
const FIRST_MICROSOFT_365_VERSION = [1, 13];

function isVersionAtLeast(version: unknown, minimum: number[]): boolean {
  const parts = String(version).split(".").map(Number);
  const [major = 0, minor = 0] = parts.some(Number.isNaN) ? [0, 0] : parts;
  return major > minimum[0]! || (major === minimum[0] && minor >= minimum[1]!);
}

/** The personal tab must open in Teams, Outlook and the Microsoft 365 app alike. */
function checkMicrosoft365Hosts(manifest: Record<string, unknown>): string[] {
  const problems: string[] = [];
  if (!isVersionAtLeast(manifest.manifestVersion, FIRST_MICROSOFT_365_VERSION)) {
    problems.push(`manifestVersion must be 1.13 or later for the personal tab to open in Outlook and the Microsoft 365 app; got '${String(manifest.manifestVersion)}'`);
  }
  asTabs(manifest.staticTabs).forEach((tab, i) => {
    if (tab.contentUrl !== undefined && !asArray(tab.scopes).includes("personal")) {
      problems.push(`staticTabs[${i}].scopes must include "personal": only personal tabs open in Outlook and the Microsoft 365 app`);
    }
  });
  return problems;
}

/** Every problem found, each phrased as what to change; empty when the manifest passes. */
export function checkManifestRules(manifest: Record<string, unknown>, context: RuleContext): string[] {
  return [
    ...checkGuids(manifest, context),
    ...checkValidDomains(manifest, context),
    ...checkTabUrls(manifest, context),
    ...checkResource(manifest, context),
    ...checkDeveloperUrls(manifest),
    ...checkEntityIds(manifest),
    ...checkMicrosoft365Hosts(manifest),
  ];
}
