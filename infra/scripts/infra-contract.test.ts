import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { loadConfig, SETTING_NAMES } from "../../functions/src/config.js";
import {
  checkAppSettings,
  checkOutputs,
  checkSettingsTable,
  filesUsedByActions,
  findAppSettings,
  namesUsedInGuide,
  namesWrittenByActions,
  placeholdersIn,
  settingsInGuideTable,
  type AppSettings,
  type ArmTemplate,
} from "./infra-contract.js";

const config = { settingNames: SETTING_NAMES, load: loadConfig };

/** What main.bicep passes today, as ARM writes it: literals and expressions. */
const AZURE_SETTINGS: Record<string, string> = {
  AzureWebJobsStorage__accountName: "[reference(resourceId('Microsoft.Resources/deployments', 'host-storage')).outputs.name.value]",
  APPLICATIONINSIGHTS_CONNECTION_STRING: "[reference('monitoring').outputs.connectionString.value]",
  AUTH_MODE: "entra",
  AAD_APP_CLIENT_ID: "[parameters('aadAppClientId')]",
  AAD_APP_TENANT_ID: "[parameters('aadAppTenantId')]",
  AAD_APP_CLIENT_SECRET: "[format('@Microsoft.KeyVault(SecretUri={0})', 'x')]",
  ALLOWED_TENANT_IDS: "[parameters('allowedTenantIds')]",
  STORAGE_TABLE_ENDPOINT: "[reference('data-storage').outputs.tableEndpoint.value]",
  BOT_ID: "[parameters('botId')]",
  BOT_TENANT_ID: "[parameters('aadAppTenantId')]",
  TAB_DOMAIN: "[reference('function-app').outputs.defaultHostName.value]",
  SYNC_SCHEDULE: "[parameters('syncSchedule')]",
  languageWorkers__node__arguments: "[variables('nodeArguments')]",
};

const without = (name: string): AppSettings => ({ owned: Object.fromEntries(Object.entries(AZURE_SETTINGS).filter(([key]) => key !== name)), ifGiven: {} });

describe("app settings against functions/src/config.ts", () => {
  test("the full set passes, TEAMS_APP_ID may be given or not", () => {
    expect(checkAppSettings({ owned: AZURE_SETTINGS, ifGiven: { TEAMS_APP_ID: "[parameters('teamsAppId')]" } }, config)).toEqual([]);
  });

  test.each(["AAD_APP_CLIENT_ID", "TAB_DOMAIN", "BOT_ID", "STORAGE_TABLE_ENDPOINT"])("a template without %s is refused", (name) => {
    const problems = checkAppSettings(without(name), config);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^On Azure the app would not start .*: ${name}\\b.* is missing`));
  });

  test("a setting the app does not read is refused; the platform's own are not", () => {
    const problems = checkAppSettings({ owned: { ...AZURE_SETTINGS, TEAMS_APPID: "x" }, ifGiven: { CASCADE_COLOUR: "[parameters('c')]" } }, config);
    expect(problems).toEqual([
      "The Bicep sets TEAMS_APPID, which functions/src/config.ts does not read.",
      "The Bicep sets CASCADE_COLOUR, which functions/src/config.ts does not read.",
    ]);
  });

  test("a literal value the app refuses is reported; a value ARM computes is not judged", () => {
    const problems = checkAppSettings({ owned: { ...AZURE_SETTINGS, AUTH_MODE: "dev", LOG_LEVEL: "[parameters('logLevel')]" }, ifGiven: {} }, config);
    expect(problems).toEqual(["On Azure the app would not start with the settings the Bicep writes: AUTH_MODE=dev is refused on Azure; set AUTH_MODE=entra."]);
  });
});

describe("the compiled template's shape", () => {
  const template: ArmTemplate = {
    outputs: { TAB_DOMAIN: {}, FUNCTION_APP_NAME: {} },
    resources: { appSettings: { type: "Microsoft.Resources/deployments", name: "app-settings", properties: { parameters: { settings: { value: { AUTH_MODE: "entra" } }, settingsIfGiven: { value: { TEAMS_APP_ID: "[parameters('teamsAppId')]" } } } } } },
  };

  test("finds the app-settings module's settings in a symbolic-name template", () => {
    expect(findAppSettings(template)).toEqual({ owned: { AUTH_MODE: "entra" }, ifGiven: { TEAMS_APP_ID: "[parameters('teamsAppId')]" } });
  });

  test("a template without the module is an error, not a pass", () => {
    expect(() => findAppSettings({ resources: [] })).toThrow(/app-settings/);
  });

  test("uses of names the template does not output are reported, unless the toolkit writes them", () => {
    const uses = [
      { name: "TAB_DOMAIN", where: "a" },
      { name: "BOT_ID", where: "infra/aad.manifest.json" },
      { name: "AAD_APP_CLIENT_ID", where: "b" },
      { name: "TEAMSFX_ENV", where: "c" },
    ];
    expect(checkOutputs(template, uses, new Set(["AAD_APP_CLIENT_ID"]))).toEqual(["infra/aad.manifest.json uses BOT_ID, which main.bicep does not output (outputs: TAB_DOMAIN, FUNCTION_APP_NAME)."]);
  });
});

describe("reading the toolkit project and the guides", () => {
  const yml = [
    "provision:",
    "  - uses: aadApp/create",
    "    writeToEnvironmentFile:",
    "      clientId: AAD_APP_CLIENT_ID # the app",
    "      objectId: AAD_APP_OBJECT_ID",
    "  - uses: arm/deploy",
    "    with:",
    "      templates:",
    "        - path: ./main.bicep",
    "          parameters: ./main.parameters.json",
    "      name: ${{FUNCTION_APP_NAME}}",
    "  - uses: script",
    "    with:",
    '      run: echo "::set-teamsfx-env ADMIN_ROLE_ASSIGNED=true"',
    "  - uses: aadApp/update",
    "    with:",
    "      manifestPath: ./aad.manifest.json",
  ].join("\n");

  test("names the actions write, and not the ones they read", () => {
    expect([...namesWrittenByActions(yml)].sort()).toEqual(["AAD_APP_CLIENT_ID", "AAD_APP_OBJECT_ID", "ADMIN_ROLE_ASSIGNED"]);
  });

  test("files handed to actions, and placeholders", () => {
    expect(filesUsedByActions(yml)).toEqual(["./main.parameters.json", "./aad.manifest.json"]);
    expect([...placeholdersIn(yml)]).toEqual(["FUNCTION_APP_NAME"]);
  });

  test("outputs a guide names", () => {
    expect([...namesUsedInGuide("Note the `TAB_DOMAIN` output, then run `az … -n <FUNCTION_APP_NAME>` with <client id>.")].sort()).toEqual(["FUNCTION_APP_NAME", "TAB_DOMAIN"]);
  });

  test("the project's own m365agents.yml hands its actions files that exist and names its outputs", () => {
    const own = readFileSync(new URL("../m365agents.yml", import.meta.url), "utf8");
    expect(filesUsedByActions(own)).toEqual(expect.arrayContaining(["./main.parameters.json", "./aad.manifest.json"]));
    expect(namesWrittenByActions(own)).toContain("AAD_APP_CLIENT_ID");
    expect(placeholdersIn(own)).toContain("FUNCTION_APP_NAME");
  });
});

describe("the guide's table of app settings", () => {
  const guide = ["# Infra", "## App settings", "", "| setting | value |", "|---|---|", "| `AUTH_MODE` | `entra` |", "| `TEAMS_APP_ID` | the catalog id |", "", "### Redeploying", "| `NOT_A_SETTING` | x |"].join("\n");

  test("is read from its own section only", () => {
    expect([...settingsInGuideTable(guide)]).toEqual(["AUTH_MODE", "TEAMS_APP_ID"]);
  });

  test("must name the settings the template writes, no more and no fewer", () => {
    const settings: AppSettings = { owned: { AUTH_MODE: "entra", TAB_DOMAIN: "[x]" }, ifGiven: { TEAMS_APP_ID: "[y]" } };
    expect(checkSettingsTable(settings, settingsInGuideTable(guide))).toEqual(["The Bicep sets TAB_DOMAIN, which infra/README.md's App settings table does not list."]);
    expect(checkSettingsTable({ owned: { AUTH_MODE: "entra" }, ifGiven: {} }, settingsInGuideTable(guide))).toEqual(["infra/README.md's App settings table lists TEAMS_APP_ID, which the Bicep does not set."]);
  });

  test("the project's own guide lists exactly the settings main.bicep passes", () => {
    const own = readFileSync(new URL("../README.md", import.meta.url), "utf8");
    expect(checkSettingsTable({ owned: AZURE_SETTINGS, ifGiven: { TEAMS_APP_ID: "[parameters('teamsAppId')]" } }, settingsInGuideTable(own))).toEqual([]);
  });
});
