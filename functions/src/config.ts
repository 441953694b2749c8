/** The only place that reads process.env. Validates everything once; an empty value counts as missing. */
import { z } from "zod";

const emptyToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const optionalString = z.preprocess(emptyToUndefined, z.string().optional());
const csv = z.preprocess(emptyToUndefined, z.string().optional()).transform((v) => (v ? v.split(",").map((s) => s.trim()).filter(Boolean) : []));

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

const schema = z.object({
  AUTH_MODE: z.preprocess(emptyToUndefined, z.enum(["dev", "entra"]).default("entra")),
  PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(65535).default(7071)),
  CASCADE_DATA_DIR: optionalString,
  STORAGE_CONNECTION_STRING: optionalString,
  STORAGE_TABLE_ENDPOINT: optionalString,
  AAD_APP_CLIENT_ID: optionalString,
  AAD_APP_TENANT_ID: optionalString,
  AAD_APP_CLIENT_SECRET: optionalString,
  ALLOWED_TENANT_IDS: csv,
  ENTRA_JWKS_URL: z.preprocess(emptyToUndefined, z.string().url().default("https://login.microsoftonline.com/common/discovery/v2.0/keys")),
  ENTRA_AUTHORITY_HOST: z.preprocess(emptyToUndefined, z.string().url().default("https://login.microsoftonline.com")),
  GRAPH_BASE_URL: z.preprocess(emptyToUndefined, z.string().url().default("https://graph.microsoft.com/v1.0")),
  TAB_DOMAIN: optionalString,
  BOT_ID: optionalString,
  BOT_TENANT_ID: optionalString,
  BOT_CLIENT_SECRET: optionalString,
  BOT_CLOUD: z.preprocess(emptyToUndefined, z.enum(["Public", "USGov", "USGovDoD", "China"]).default("Public")),
  BOT_OPENID_METADATA_URL: z.preprocess(emptyToUndefined, z.string().url().optional()),
  TEAMS_APP_ID: z.preprocess(emptyToUndefined, z.string().regex(GUID, "expected the app id from the Teams app manifest (a GUID)").optional()),
  SYNC_SCHEDULE: z.preprocess(emptyToUndefined, z.string().default("0 0 * * * *")),
  REMINDER_SCHEDULE: z.preprocess(emptyToUndefined, z.string().default("0 0 * * * *")),
  TAB_DIR: optionalString,
  WEBSITE_INSTANCE_ID: optionalString,
  WEBSITE_SITE_NAME: optionalString,
  LOG_LEVEL: z.preprocess(emptyToUndefined, z.enum(["debug", "info", "warn", "error"]).default("info")),
});

export type Storage = { kind: "connectionString"; connectionString: string } | { kind: "identity"; endpoint: string };

export interface Config {
  authMode: "dev" | "entra";
  port: number;
  dataDir: string | undefined;
  storage: Storage;
  entra: { clientId: string; tenantId: string | undefined; clientSecret: string | undefined; allowedTenantIds: string[]; jwksUrl: string; authorityHost: string };
  graphBaseUrl: string;
  tabDomain: string | undefined;
  /** The Teams app's id (the manifest id): when set, links in chat cards open the personal tab inside Teams. */
  teamsAppId: string | undefined;
  tabDir: string | undefined;
  bot: BotConfig;
  schedules: { sync: string; reminders: string };
  isOnAzure: boolean;
  logLevel: "debug" | "info" | "warn" | "error";
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

function collectProblems(env: z.infer<typeof schema>, isOnAzure: boolean): string[] {
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
function readBotSecret(env: z.infer<typeof schema>): string | undefined {
  if (env.BOT_CLIENT_SECRET) return env.BOT_CLIENT_SECRET;
  return env.BOT_ID && env.BOT_ID === env.AAD_APP_CLIENT_ID ? env.AAD_APP_CLIENT_SECRET : undefined;
}

/** Parses the settings; a value that is not valid is reported by name and then treated as absent, so
 * one start reports every problem at once rather than one per attempt. */
function parseSettings(source: Record<string, string | undefined>): { env: z.infer<typeof schema>; problems: string[] } {
  const first = schema.safeParse(source);
  if (first.success) return { env: first.data, problems: [] };
  const invalid = new Set(first.error.issues.map((issue) => String(issue.path[0])));
  const problems = first.error.issues.map((issue) => `${String(issue.path[0])} is not valid: ${issue.message}.`);
  const rest = Object.fromEntries(Object.entries(source).filter(([name]) => !invalid.has(name)));
  return { env: schema.parse(rest), problems };
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
