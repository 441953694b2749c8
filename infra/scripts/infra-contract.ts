/** What the compiled ARM template must agree with: the outputs the Agents Toolkit project and the guides
 * use, and the app settings that functions/src/config.ts reads and requires on Azure. Pure functions over
 * text and JSON, so they are tested without the Bicep CLI. */

/** Settings the Functions host and Azure read, not Cascade's own code. */
export const PLATFORM_SETTINGS = new Set(["AzureWebJobsStorage__accountName", "APPLICATIONINSIGHTS_CONNECTION_STRING", "languageWorkers__node__arguments"]);

/** Names the toolkit itself provides: the environment's name, the subscription and resource group it asks
 * for, and the scope id aadApp/update generates for a `*_PERMISSION_ID` placeholder. */
export const TOOLKIT_BUILT_INS = new Set(["TEAMSFX_ENV", "AZURE_SUBSCRIPTION_ID", "AZURE_RESOURCE_GROUP_NAME", "AAD_APP_ACCESS_AS_USER_PERMISSION_ID"]);

export interface AppSettings {
  /** Written on every deployment; values are literals or ARM expressions ("[...]"). */
  owned: Record<string, string>;
  /** Written only when the deployment is given a value. */
  ifGiven: Record<string, string>;
}

interface ArmResource {
  type?: string;
  name?: string;
  properties?: { parameters?: Record<string, { value?: unknown }> };
}

export interface ArmTemplate {
  outputs?: Record<string, unknown>;
  resources?: ArmResource[] | Record<string, ArmResource>;
}

const isStringRecord = (value: unknown): value is Record<string, string> =>
  typeof value === "object" && value !== null && Object.values(value).every((v) => typeof v === "string");

/** The app-settings module's inputs, as main.bicep passes them. */
export function findAppSettings(template: ArmTemplate): AppSettings {
  const resources = Array.isArray(template.resources) ? template.resources : Object.values(template.resources ?? {});
  const module = resources.find((r) => r.type === "Microsoft.Resources/deployments" && r.name === "app-settings");
  if (!module) throw new Error("main.bicep has no module deployment named 'app-settings'.");
  const owned = module.properties?.parameters?.["settings"]?.value;
  const ifGiven = module.properties?.parameters?.["settingsIfGiven"]?.value ?? {};
  if (!isStringRecord(owned) || !isStringRecord(ifGiven)) throw new Error("The 'app-settings' module's settings must be objects of strings written out in main.bicep.");
  return { owned, ifGiven };
}

const isExpression = (value: string) => value.startsWith("[") && value.endsWith("]") && !value.startsWith("[[");

export interface ConfigSource {
  settingNames: readonly string[];
  /** Throws an error with `problems` when the settings would stop the app. */
  load(env: Record<string, string>): unknown;
}

/** Every setting the template writes is one the app reads (or the platform does), and the settings it
 * always writes are enough for the app to start on Azure. Values ARM computes at deployment cannot be
 * judged here, so a problem about such a value's format is left out; a missing setting never is. */
export function checkAppSettings(settings: AppSettings, config: ConfigSource): string[] {
  const known = new Set(config.settingNames);
  const problems = [...Object.keys(settings.owned), ...Object.keys(settings.ifGiven)]
    .filter((name) => !known.has(name) && !PLATFORM_SETTINGS.has(name))
    .map((name) => `The Bicep sets ${name}, which functions/src/config.ts does not read.`);
  try {
    config.load({ ...settings.owned, WEBSITE_SITE_NAME: "check-infra" });
  } catch (error) {
    const reported = (error as { problems?: unknown }).problems;
    if (!Array.isArray(reported)) throw error;
    const judged = reported.filter((p): p is string => typeof p === "string").filter((p) => !isComputedValueProblem(p, settings.owned));
    problems.push(...judged.map((p) => `On Azure the app would not start with the settings the Bicep writes: ${p}`));
  }
  return problems;
}

function isComputedValueProblem(problem: string, owned: Record<string, string>): boolean {
  const match = /^([A-Za-z0-9_]+) is not valid/.exec(problem);
  const value = match ? owned[match[1]!] : undefined;
  return value !== undefined && isExpression(value);
}

/** The settings infra/README.md's "App settings" table lists: the first cell of each row. */
export function settingsInGuideTable(markdown: string): Set<string> {
  const section = /^## App settings\s*$([\s\S]*?)^#{2,3} /m.exec(markdown)?.[1] ?? "";
  return new Set([...section.matchAll(/^\| `([A-Za-z0-9_]+)` \|/gm)].map((m) => m[1]!));
}

/** The guide's table and the template name the same settings. */
export function checkSettingsTable(settings: AppSettings, listed: Set<string>): string[] {
  const written = new Set([...Object.keys(settings.owned), ...Object.keys(settings.ifGiven)]);
  return [
    ...[...written].filter((name) => !listed.has(name)).map((name) => `The Bicep sets ${name}, which infra/README.md's App settings table does not list.`),
    ...[...listed].filter((name) => !written.has(name)).map((name) => `infra/README.md's App settings table lists ${name}, which the Bicep does not set.`),
  ];
}

/** `${{NAME}}` placeholders in a toolkit file. */
export function placeholdersIn(text: string): Set<string> {
  return new Set([...text.matchAll(/\$\{\{([A-Z][A-Z0-9_]*)\}\}/g)].map((m) => m[1]!));
}

/** Names an m365agents.yml writes itself: writeToEnvironmentFile targets and `::set-teamsfx-env` outputs. */
export function namesWrittenByActions(yml: string): Set<string> {
  const names = new Set<string>();
  const lines = yml.split(/\r?\n/);
  let blockIndent = -1;
  for (const line of lines) {
    const indent = line.length - line.trimStart().length;
    if (/^\s*writeToEnvironmentFile:\s*$/.test(line)) blockIndent = indent;
    else if (blockIndent >= 0 && line.trim() && indent <= blockIndent) blockIndent = -1;
    const target = blockIndent >= 0 ? /^\s+[A-Za-z]+:\s*([A-Z][A-Z0-9_]*)\s*(#.*)?$/.exec(line) : null;
    if (target) names.add(target[1]!);
    for (const m of line.matchAll(/::set-teamsfx-env ([A-Z][A-Z0-9_]*)=/g)) names.add(m[1]!);
  }
  return names;
}

/** Files m365agents.yml hands to its actions (parameters, manifests), relative to the yml's folder. */
export function filesUsedByActions(yml: string): string[] {
  return [...new Set([...yml.matchAll(/^\s*(?:parameters|manifestPath):\s*(\S+)\s*$/gm)].map((m) => m[1]!))];
}

/** Outputs a guide names: "the `TAB_DOMAIN` output", and `<NAME>` stand-ins in commands. */
export function namesUsedInGuide(markdown: string): Set<string> {
  const named = [...markdown.matchAll(/`([A-Z][A-Z0-9_]*)` outputs?\b/g), ...markdown.matchAll(/<([A-Z][A-Z0-9_]*)>/g)];
  return new Set(named.map((m) => m[1]!));
}

export interface OutputUse {
  name: string;
  where: string;
}

/** Each use must be an output of the template, unless the toolkit provides the name another way. */
export function checkOutputs(template: ArmTemplate, uses: OutputUse[], providedElsewhere: Set<string>): string[] {
  const outputs = new Set(Object.keys(template.outputs ?? {}));
  const missing = uses.filter((use) => !outputs.has(use.name) && !providedElsewhere.has(use.name) && !TOOLKIT_BUILT_INS.has(use.name));
  return missing.map((use) => `${use.where} uses ${use.name}, which main.bicep does not output (outputs: ${[...outputs].join(", ")}).`);
}
