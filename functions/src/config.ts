/** The only place that reads process.env. Validates everything once; an empty value counts as missing.
* It imports no code (one type only): every cold start loads it, and a schema library would be the largest thing that start parses. */
import type { LogLevel } from "./domain/logger.js";

/** A reader turns a value that is present into a setting, or says in plain words why it is not valid. */
type Reader<T> = (raw: string) => { value: T } | { reason: string };
type Setting<T> = { read: Reader<T>; fallback: T };
const optional = <T>(read: Reader<T>): Setting<T | undefined> => ({ read, fallback: undefined });
const withDefault = <T>(read: Reader<T>, fallback: T): Setting<T> => ({ read, fallback });

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

const readText: Reader<string> = (raw) => ({ value: raw });
const readCsv: Reader<string[]> = (raw) => ({ value: raw.split(",").map((s) => s.trim()).filter(Boolean) });
const readTeamsAppId: Reader<string> = (raw) => (GUID.test(raw) ? { value: raw } : { reason: "expected the app's id in the organisation's Teams app catalog (a GUID)" });

const readPort: Reader<number> = (raw) => {
  const port = Number(raw);
  return Number.isInteger(port) && port >= 0 && port <= 65535 ? { value: port } : { reason: "expected a whole number from 0 to 65535" };
};

/** Spaces around a pasted URL are forgiven; tabs and line breaks are dropped because the URL parser ignores them too. */
const readUrl: Reader<string> = (raw) => {
  const url = raw.trim();
  return URL.canParse(url) ? { value: url.replace(/[\t\n\r]/g, "") } : { reason: "expected a URL" };
};

function readOneOf<const T extends string>(values: readonly T[]): Reader<T> {
  const isOneOf = (raw: string): raw is T => (values as readonly string[]).includes(raw);
  return (raw) => (isOneOf(raw) ? { value: raw } : { reason: `expected one of ${values.join(", ")}` });
}

const HOURLY = "0 0 * * * *";

const SETTINGS = {
  AUTH_MODE: withDefault(readOneOf(["dev", "entra"]), "entra"),
  PORT: withDefault(readPort, 7071),
  CASCADE_DATA_DIR: optional(readText),
  STORAGE_CONNECTION_STRING: optional(readText),
  STORAGE_TABLE_ENDPOINT: optional(readText),
  AAD_APP_CLIENT_ID: optional(readText),
  AAD_APP_TENANT_ID: optional(readText),
  AAD_APP_CLIENT_SECRET: optional(readText),
  ALLOWED_TENANT_IDS: withDefault(readCsv, []),
  ENTRA_JWKS_URL: withDefault(readUrl, "https://login.microsoftonline.com/common/discovery/v2.0/keys"),
  ENTRA_AUTHORITY_HOST: withDefault(readUrl, "https://login.microsoftonline.com"),
  GRAPH_BASE_URL: withDefault(readUrl, "https://graph.microsoft.com/v1.0"),
  TAB_DOMAIN: optional(readText),
  BOT_ID: optional(readText),
  BOT_TENANT_ID: optional(readText),
  BOT_CLIENT_SECRET: optional(readText),
  BOT_CLOUD: withDefault(readOneOf(["Public", "USGov", "USGovDoD", "China"]), "Public"),
  BOT_OPENID_METADATA_URL: optional(readUrl),
  TEAMS_APP_ID: optional(readTeamsAppId),
  SYNC_SCHEDULE: withDefault(readText, HOURLY),
  REMINDER_SCHEDULE: withDefault(readText, HOURLY),
  TAB_DIR: optional(readText),
  WEBSITE_INSTANCE_ID: optional(readText),
  WEBSITE_SITE_NAME: optional(readText),
  LOG_LEVEL: withDefault(readOneOf(["debug", "info", "warn", "error"]), "info"),
};

type Settings = { [Name in keyof typeof SETTINGS]: (typeof SETTINGS)[Name]["fallback"] };

/** Every setting the app reads; `npm run check:infra` holds the Bicep's app settings to this list. */
export const SETTING_NAMES: readonly string[] = Object.keys(SETTINGS);

export type Storage = { kind: "connectionString"; connectionString: string } | { kind: "identity"; endpoint: string };

export interface Config {
  authMode: "dev" | "entra";
  port: number;
  dataDir: string | undefined;
  storage: Storage;
  entra: { clientId: string; tenantId: string | undefined; clientSecret: string | undefined; allowedTenantIds: string[]; jwksUrl: string; authorityHost: string };
  graphBaseUrl: string;
  tabDomain: string | undefined;
  /** The Teams app's id in the organisation's app catalog (for an app an admin uploads, not the manifest id):
   * when set, links in chat cards open the personal tab inside Teams, and the bot can install the app. */
  teamsAppId: string | undefined;
  tabDir: string | undefined;
  bot: BotConfig;
  schedules: { sync: string; reminders: string };
  isOnAzure: boolean;
  logLevel: LogLevel;
}

export interface BotConfig {
  id: string | undefined;
  tenantId: string | undefined;
  /** Absent: the bot authenticates with the managed identity whose client id is the bot id. */
  clientSecret: string | undefined;
  cloud: "Public" | "USGov" | "USGovDoD" | "China";
  /** Overrides where Bot Framework signing keys come from (a private cloud, or a loopback fake in tests). */
  openIdMetadataUrl: string | undefined;
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Cascade cannot start; fix these settings:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

function collectProblems(env: Settings, isOnAzure: boolean): string[] {
  const problems: string[] = [];
  if (env.AUTH_MODE === "dev" && isOnAzure) problems.push("AUTH_MODE=dev is refused on Azure; set AUTH_MODE=entra.");
  if (env.AUTH_MODE === "entra") {
    if (!env.AAD_APP_CLIENT_ID) problems.push("AAD_APP_CLIENT_ID is missing (the Entra app registration's client id).");
    if (env.ALLOWED_TENANT_IDS.length === 0 && !env.AAD_APP_TENANT_ID) problems.push("ALLOWED_TENANT_IDS or AAD_APP_TENANT_ID is missing (which tenants may sign in).");
  }
  if (isOnAzure && env.AUTH_MODE === "entra") {
    // Without these the tab's SSO token audience and the bot's identity cannot be checked: the sign-in loops and silent bots of failed deployments.
    if (!env.TAB_DOMAIN) problems.push("TAB_DOMAIN is missing (the Function App's host name, part of the SSO audience api://TAB_DOMAIN/client-id).");
    if (!env.BOT_ID) problems.push("BOT_ID is missing (the Azure Bot's Microsoft App ID).");
  }
  if (!env.STORAGE_CONNECTION_STRING && !env.STORAGE_TABLE_ENDPOINT) {
    problems.push("STORAGE_TABLE_ENDPOINT (managed identity) or STORAGE_CONNECTION_STRING (local emulator) is missing.");
  }
  if (isOnAzure && env.STORAGE_CONNECTION_STRING && !env.STORAGE_TABLE_ENDPOINT) {
    problems.push("On Azure use STORAGE_TABLE_ENDPOINT with the managed identity, not an account-key connection string.");
  }
  if (env.BOT_OPENID_METADATA_URL && !isHttpsOrLoopback(env.BOT_OPENID_METADATA_URL)) {
    problems.push("BOT_OPENID_METADATA_URL must use https (plain http is accepted on the loopback address only).");
  }
  return problems;
}

function isHttpsOrLoopback(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  return protocol === "https:" || (protocol === "http:" && ["127.0.0.1", "localhost", "[::1]"].includes(hostname));
}

/** The bot shares the sign-in app registration unless BOT_ID names another one; then it needs its own secret. */
function readBotSecret(env: Settings): string | undefined {
  if (env.BOT_CLIENT_SECRET) return env.BOT_CLIENT_SECRET;
  return env.BOT_ID && env.BOT_ID === env.AAD_APP_CLIENT_ID ? env.AAD_APP_CLIENT_SECRET : undefined;
}

/** Reads the settings; a value that is not valid is reported by name and then treated as absent, so
 * one start reports every problem at once rather than one per attempt. */
function parseSettings(source: Record<string, string | undefined>): { env: Settings; problems: string[] } {
  const env: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [name, setting] of Object.entries(SETTINGS)) {
    const raw = source[name];
    const parsed = raw?.trim() ? setting.read(raw) : undefined;
    if (parsed && "reason" in parsed) problems.push(`${name} is not valid: ${parsed.reason}.`);
    env[name] = parsed && "value" in parsed ? parsed.value : setting.fallback;
  }
  return { env: env as Settings, problems };
}

export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  const { env, problems: invalid } = parseSettings(source);
  const isOnAzure = Boolean(env.WEBSITE_INSTANCE_ID || env.WEBSITE_SITE_NAME);
  const problems = [...invalid, ...collectProblems(env, isOnAzure)];
  if (problems.length > 0) throw new ConfigError(problems);
  const storage: Storage = env.STORAGE_TABLE_ENDPOINT
    ? { kind: "identity", endpoint: env.STORAGE_TABLE_ENDPOINT }
    : { kind: "connectionString", connectionString: env.STORAGE_CONNECTION_STRING! };
  const allowed = env.ALLOWED_TENANT_IDS.length > 0 ? env.ALLOWED_TENANT_IDS : env.AAD_APP_TENANT_ID ? [env.AAD_APP_TENANT_ID] : [];
  return {
    authMode: env.AUTH_MODE,
    port: env.PORT,
    dataDir: env.CASCADE_DATA_DIR,
    storage,
    entra: {
      clientId: env.AAD_APP_CLIENT_ID ?? "",
      tenantId: env.AAD_APP_TENANT_ID,
      clientSecret: env.AAD_APP_CLIENT_SECRET,
      allowedTenantIds: allowed,
      jwksUrl: env.ENTRA_JWKS_URL,
      authorityHost: env.ENTRA_AUTHORITY_HOST,
    },
    graphBaseUrl: env.GRAPH_BASE_URL,
    tabDomain: env.TAB_DOMAIN,
    teamsAppId: env.TEAMS_APP_ID,
    tabDir: env.TAB_DIR,
    bot: { id: env.BOT_ID, tenantId: env.BOT_TENANT_ID, clientSecret: readBotSecret(env), cloud: env.BOT_CLOUD, openIdMetadataUrl: env.BOT_OPENID_METADATA_URL },
    schedules: { sync: env.SYNC_SCHEDULE, reminders: env.REMINDER_SCHEDULE },
    isOnAzure,
    logLevel: env.LOG_LEVEL,
  };
}
