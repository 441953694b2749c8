/** `${{NAME}}` placeholders, the style the Microsoft 365 Agents Toolkit also fills from its env files. */
import { readFileSync } from "node:fs";
import { parseEnv } from "node:util";

const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

export class PlaceholderError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join("\n"));
    this.name = "PlaceholderError";
  }
}

export function readEnvFile(path: string): Record<string, string> {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    throw new PlaceholderError([`${path} not found: create it with the variables listed in appPackage/README.md`]);
  }
  const parsed = parseEnv(text);
  return Object.fromEntries(Object.entries(parsed).map(([key, value]) => [key, (value ?? "").trim()]));
}

export function listPlaceholders(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((match) => match[1]!))].sort();
}

/** Fills every placeholder; lists all missing or empty variables at once so one edit fixes them all. */
export function fillPlaceholders(template: string, variables: Record<string, string>, source: string): string {
  const names = listPlaceholders(template);
  const missing = names.filter((name) => !(name in variables));
  const empty = names.filter((name) => name in variables && variables[name] === "");
  const problems: string[] = [];
  if (missing.length > 0) problems.push(`${source} does not set ${missing.join(", ")}: add ${missing.map((n) => `${n}=…`).join(", ")}`);
  if (empty.length > 0) problems.push(`${source} leaves ${empty.join(", ")} empty: give each a value`);
  if (problems.length > 0) throw new PlaceholderError(problems);
  // Values go inside JSON strings, so they are escaped the way JSON.stringify would.
  const filled = template.replace(PLACEHOLDER, (_match, name: string) => JSON.stringify(variables[name]).slice(1, -1));
  const leftover = filled.match(/\$\{\{[^}]*\}?\}?/);
  if (leftover) throw new PlaceholderError([`malformed placeholder '${leftover[0]}': write it as \${{NAME}} with letters, digits and _`]);
  return filled;
}
