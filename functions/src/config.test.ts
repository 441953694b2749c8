import { describe, expect, test } from "vitest";
import { ConfigError, loadConfig } from "./config.js";

const ENTRA = {
  AUTH_MODE: "entra",
  AAD_APP_CLIENT_ID: "11111111-1111-4111-8111-111111111111",
  ALLOWED_TENANT_IDS: "22222222-2222-4222-8222-222222222222",
  STORAGE_TABLE_ENDPOINT: "https://cascadedata.table.core.windows.net",
};
const ON_AZURE = { ...ENTRA, WEBSITE_SITE_NAME: "cascade-app", TAB_DOMAIN: "cascade-app.azurewebsites.net", BOT_ID: "33333333-3333-4333-8333-333333333333" };

function readProblems(source: Record<string, string | undefined>): string[] {
  try {
    loadConfig(source);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error("loadConfig accepted the settings");
}

describe("configuration is validated once, naming every problem", () => {
  test("a complete Azure configuration loads", () => {
    const config = loadConfig(ON_AZURE);
    expect(config).toMatchObject({ authMode: "entra", isOnAzure: true, storage: { kind: "identity" }, tabDomain: "cascade-app.azurewebsites.net" });
  });

  test("an empty environment names each missing setting", () => {
    const problems = readProblems({});
    expect(problems.join("\n")).toContain("AAD_APP_CLIENT_ID");
    expect(problems.join("\n")).toContain("ALLOWED_TENANT_IDS");
    expect(problems.join("\n")).toContain("STORAGE_TABLE_ENDPOINT");
    expect(problems).toHaveLength(3);
  });

  test("an empty value counts as missing", () => {
    const problems = readProblems({ ...ENTRA, AAD_APP_CLIENT_ID: "  " });
    expect(problems).toEqual([expect.stringContaining("AAD_APP_CLIENT_ID is missing")]);
  });

  test("on Azure the SSO domain and the bot id are required", () => {
    const problems = readProblems({ ...ENTRA, WEBSITE_SITE_NAME: "cascade-app" });
    expect(problems).toEqual([expect.stringContaining("TAB_DOMAIN is missing"), expect.stringContaining("BOT_ID is missing")]);
  });

  test("dev sign-in is refused on Azure", () => {
    const problems = readProblems({ ...ON_AZURE, AUTH_MODE: "dev" });
    expect(problems).toEqual([expect.stringContaining("AUTH_MODE=dev is refused on Azure")]);
  });

  test("an account-key connection string is refused on Azure", () => {
    const { STORAGE_TABLE_ENDPOINT: _endpoint, ...rest } = ON_AZURE;
    const problems = readProblems({ ...rest, STORAGE_CONNECTION_STRING: "DefaultEndpointsProtocol=https;AccountName=a;AccountKey=b" });
    expect(problems).toEqual([expect.stringContaining("managed identity")]);
  });

  test("invalid values and missing settings are reported together", () => {
    const problems = readProblems({ AUTH_MODE: "entra", PORT: "not-a-port", LOG_LEVEL: "loud" });
    const text = problems.join("\n");
    expect(text).toContain("PORT is not valid");
    expect(text).toContain("LOG_LEVEL is not valid");
    expect(text).toContain("AAD_APP_CLIENT_ID is missing");
    expect(text).toContain("STORAGE_TABLE_ENDPOINT");
  });

  test("the error message lists every problem for the operator", () => {
    const error = (() => {
      try {
        loadConfig({});
      } catch (caught) {
        return caught as ConfigError;
      }
      throw new Error("expected a ConfigError");
    })();
    expect(error.message).toMatch(/^Cascade cannot start; fix these settings:\n {2}- AAD_APP_CLIENT_ID/);
    expect(error.message.split("\n")).toHaveLength(4);
  });

  test("the Teams app id is optional, and must be the manifest's GUID when set", () => {
    expect(loadConfig(ON_AZURE).teamsAppId).toBeUndefined();
    expect(loadConfig({ ...ON_AZURE, TEAMS_APP_ID: "" }).teamsAppId).toBeUndefined();
    expect(loadConfig({ ...ON_AZURE, TEAMS_APP_ID: "44444444-4444-4444-8444-444444444444" }).teamsAppId).toBe("44444444-4444-4444-8444-444444444444");
    expect(readProblems({ ...ON_AZURE, TEAMS_APP_ID: "cascade" })).toEqual([expect.stringContaining("TEAMS_APP_ID is not valid")]);
  });

  test("local development needs only storage", () => {
    expect(loadConfig({ AUTH_MODE: "dev", STORAGE_CONNECTION_STRING: "UseDevelopmentStorage=true" }).authMode).toBe("dev");
  });
});

describe("a value that is not valid is named, then its default applies", () => {
  const DEV = { AUTH_MODE: "dev", STORAGE_CONNECTION_STRING: "UseDevelopmentStorage=true" };

  test.each([
    ["PORT", "not-a-port", "expected a whole number from 0 to 65535"],
    ["PORT", "65536", "expected a whole number from 0 to 65535"],
    ["PORT", "-1", "expected a whole number from 0 to 65535"],
    ["PORT", "80.5", "expected a whole number from 0 to 65535"],
    ["GRAPH_BASE_URL", "graph.microsoft.com/v1.0", "expected a URL"],
    ["ENTRA_JWKS_URL", "not a url", "expected a URL"],
    ["ENTRA_AUTHORITY_HOST", "https://", "expected a URL"],
    ["BOT_OPENID_METADATA_URL", "//fake/openid", "expected a URL"],
    ["AUTH_MODE", "prod", "expected one of dev, entra"],
    ["LOG_LEVEL", "loud", "expected one of debug, info, warn, error"],
    ["BOT_CLOUD", "Azure", "expected one of Public, USGov, USGovDoD, China"],
    ["TEAMS_APP_ID", "cascade", "expected the app's id in the organisation's Teams app catalog (a GUID)"],
  ])("%s=%j is reported by name", (name, value, reason) => {
    const problems = readProblems({ ...ON_AZURE, [name]: value });
    expect(problems).toEqual([`${name} is not valid: ${reason}.`]);
  });

  test("several invalid values are all reported in one error", () => {
    const problems = readProblems({ ...DEV, PORT: "99999", GRAPH_BASE_URL: "nowhere", AUTH_MODE: "dev ", LOG_LEVEL: "verbose", BOT_CLOUD: "public", TEAMS_APP_ID: "1234" });
    expect(problems.filter((problem) => problem.includes("is not valid"))).toEqual([
      expect.stringMatching(/^AUTH_MODE is not valid/),
      expect.stringMatching(/^PORT is not valid/),
      expect.stringMatching(/^GRAPH_BASE_URL is not valid/),
      expect.stringMatching(/^BOT_CLOUD is not valid/),
      expect.stringMatching(/^TEAMS_APP_ID is not valid/),
      expect.stringMatching(/^LOG_LEVEL is not valid/),
    ]);
    // The rejected AUTH_MODE falls back to entra, which then needs its app registration.
    expect(problems).toContainEqual(expect.stringContaining("AAD_APP_CLIENT_ID is missing"));
  });

  test("absent or blank settings take their defaults", () => {
    const config = loadConfig({ ...DEV, PORT: " ", LOG_LEVEL: "", BOT_CLOUD: "\t" });
    expect(config).toMatchObject({ port: 7071, logLevel: "info", bot: { cloud: "Public" }, graphBaseUrl: "https://graph.microsoft.com/v1.0" });
    expect(config.entra).toMatchObject({ jwksUrl: "https://login.microsoftonline.com/common/discovery/v2.0/keys", authorityHost: "https://login.microsoftonline.com" });
    expect(config.schedules).toEqual({ sync: "0 0 * * * *", reminders: "0 0 * * * *" });
    expect(loadConfig({ ...ENTRA, AUTH_MODE: "" }).authMode).toBe("entra");
  });

  test("valid values are converted: the port to a number, the tenant list split and trimmed", () => {
    const config = loadConfig({ ...ENTRA, PORT: "8080", ALLOWED_TENANT_IDS: " a, b ,,c ", LOG_LEVEL: "debug", BOT_CLOUD: "USGov", GRAPH_BASE_URL: " https://graph.example/v1.0 " });
    expect(config).toMatchObject({ port: 8080, logLevel: "debug", bot: { cloud: "USGov" }, graphBaseUrl: "https://graph.example/v1.0" });
    expect(config.entra.allowedTenantIds).toEqual(["a", "b", "c"]);
  });
});
