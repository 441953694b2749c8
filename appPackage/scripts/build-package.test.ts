import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AppPackageError, buildAppPackage, DEFAULT_APP_PACKAGE_DIR } from "./build-package.js";
import { createRaster, encodePng } from "./png.js";
import { readZip } from "./zip.js";

const GOOD_ENV = {
  TEAMS_APP_ID: "6f1c1b5e-2d0a-4c37-9a55-0d7e3f3b9c01",
  AAD_APP_CLIENT_ID: "0b6a4f6e-8f0e-4f6b-9d3c-1c2b3a4d5e6f",
  BOT_ID: "0b6a4f6e-8f0e-4f6b-9d3c-1c2b3a4d5e6f",
  TAB_DOMAIN: "func-cascade-test.azurewebsites.net",
};

interface Fixture {
  dir: string;
  outDir: string;
}

const LANGUAGE_FILES = ["de.json", "fr.json", "es.json", "ja.json", "ar.json"];

/** A throwaway copy of appPackage/ with its own env file, so each case can break one thing. */
function makeFixture(env: Record<string, string> = GOOD_ENV, editTemplate?: (t: Record<string, unknown>) => void): Fixture {
  const dir = mkdtempSync(join(tmpdir(), "cascade-app-"));
  mkdirSync(join(dir, "env"));
  for (const file of ["color.png", "outline.png"]) copyFileSync(join(DEFAULT_APP_PACKAGE_DIR, file), join(dir, file));
  mkdirSync(join(dir, "localization"));
  for (const file of LANGUAGE_FILES) copyFileSync(join(DEFAULT_APP_PACKAGE_DIR, "localization", file), join(dir, "localization", file));
  const template = JSON.parse(readFileSync(join(DEFAULT_APP_PACKAGE_DIR, "manifest.template.json"), "utf8"));
  editTemplate?.(template);
  writeFileSync(join(dir, "manifest.template.json"), JSON.stringify(template, null, 2));
  writeFileSync(join(dir, "env", ".env.test"), Object.entries(env).map(([k, v]) => `${k}=${v}`).join("\n"));
  return { dir, outDir: join(dir, "out") };
}

async function collectProblems(fixture: Fixture): Promise<string[]> {
  try {
    await buildAppPackage({ env: "test", appPackageDir: fixture.dir, outDir: fixture.outDir });
  } catch (error) {
    if (error instanceof AppPackageError) return error.problems;
    throw error;
  }
  throw new Error("expected the build to fail");
}

// Compiling the manifest JSON schema takes a second or more on a busy machine.
describe("buildAppPackage", { timeout: 30_000 }, () => {
  it("builds the committed dev package and the zip holds the manifest, the icons and the language files at its root", async () => {
    const outDir = mkdtempSync(join(tmpdir(), "cascade-build-"));
    const result = await buildAppPackage({ env: "dev", outDir });
    expect(result.zipPath).toBe(join(outDir, "cascade-dev.zip"));
    const entries = readZip(readFileSync(result.zipPath));
    expect(entries.map((e) => e.name)).toEqual(["manifest.json", "color.png", "outline.png", ...LANGUAGE_FILES]);
    const manifest = JSON.parse(Buffer.from(entries[0]!.data).toString("utf8"));
    expect(manifest.manifestVersion).toBe("1.25");
    expect(JSON.stringify(manifest)).not.toContain("${{");
    expect(Buffer.from(entries[1]!.data).equals(readFileSync(join(DEFAULT_APP_PACKAGE_DIR, "color.png")))).toBe(true);
  });

  it("fills tabs, bot and single sign-on from the env file", async () => {
    const fixture = makeFixture();
    const { manifest } = await buildAppPackage({ env: "test", appPackageDir: fixture.dir, outDir: fixture.outDir });
    const tabs = manifest.staticTabs as { entityId: string; contentUrl?: string }[];
    expect(tabs.map((t) => t.entityId)).toEqual(["mine", "team", "org", "approvals", "conversations"]);
    expect(tabs[3]!.contentUrl).toBe("https://func-cascade-test.azurewebsites.net/?view=approvals&inTeams=1");
    expect(manifest.configurableTabs).toEqual([
      expect.objectContaining({ configurationUrl: "https://func-cascade-test.azurewebsites.net/?view=config&inTeams=1", scopes: ["team"], canUpdateConfiguration: true }),
    ]);
    const bot = (manifest.bots as { botId: string; scopes: string[]; commandLists: { commands: { title: string }[] }[] }[])[0]!;
    expect(bot.botId).toBe(GOOD_ENV.BOT_ID);
    expect(bot.scopes).toEqual(["personal", "team"]);
    expect(bot.commandLists[0]!.commands.map((c) => c.title)).toEqual(["my goals", "pending approvals", "help"]);
    expect(manifest.webApplicationInfo).toEqual({
      id: GOOD_ENV.AAD_APP_CLIENT_ID,
      resource: `api://func-cascade-test.azurewebsites.net/${GOOD_ENV.AAD_APP_CLIENT_ID}`,
    });
    expect(manifest.validDomains).toEqual(["func-cascade-test.azurewebsites.net"]);
  });

  it("names the variable when an id is not a GUID", async () => {
    const problems = await collectProblems(makeFixture({ ...GOOD_ENV, TEAMS_APP_ID: "cascade-app" }));
    expect(problems).toContainEqual(expect.stringMatching(/^schema v1\.25: \/id must match pattern/));
    expect(problems).toContainEqual(
      expect.stringMatching(/^id must be a GUID like 00000000-0000-0000-0000-000000000000 \(it comes from TEAMS_APP_ID in .*\.env\.test\); got 'cascade-app'$/),
    );
  });

  it("stops at a TAB_DOMAIN written as a URL before anything else", async () => {
    const problems = await collectProblems(makeFixture({ ...GOOD_ENV, TAB_DOMAIN: "https://cascade.contoso.com/" }));
    expect(problems).toEqual([
      expect.stringMatching(/^TAB_DOMAIN in .*\.env\.test must be a host name such as cascade\.contoso\.com \(no https:\/\/, no path, no trailing slash\); got 'https:\/\/cascade\.contoso\.com\/'$/),
    ]);
  });

  it("lists missing and empty variables together", async () => {
    const { BOT_ID: _omitted, ...withoutBot } = GOOD_ENV;
    const problems = await collectProblems(makeFixture({ ...withoutBot, AAD_APP_CLIENT_ID: "" }));
    expect(problems).toEqual([
      expect.stringMatching(/\.env\.test does not set BOT_ID: add BOT_ID=…$/),
      expect.stringMatching(/\.env\.test leaves AAD_APP_CLIENT_ID empty: give each a value$/),
    ]);
  });

  it("fails clearly when the env file does not exist", async () => {
    const fixture = makeFixture();
    await expect(buildAppPackage({ env: "qa", appPackageDir: fixture.dir, outDir: fixture.outDir })).rejects.toThrow(
      /\.env\.qa not found: create it with the variables listed in appPackage\/README\.md/,
    );
  });

  it("rejects a resource on another domain than the tab", async () => {
    const fixture = makeFixture(GOOD_ENV, (t) => {
      (t.webApplicationInfo as Record<string, string>).resource = "api://auth.contoso.com/${{AAD_APP_CLIENT_ID}}";
    });
    expect(await collectProblems(fixture)).toEqual([
      `webApplicationInfo.resource must be api://<TAB_DOMAIN>/<AAD_APP_CLIENT_ID>, here api://${GOOD_ENV.TAB_DOMAIN}/${GOOD_ENV.AAD_APP_CLIENT_ID}, and the same value must be an Application ID URI of the Entra app; got 'api://auth.contoso.com/${GOOD_ENV.AAD_APP_CLIENT_ID}'`,
    ]);
  });

  it("rejects tabs whose domain is missing from validDomains", async () => {
    const fixture = makeFixture(GOOD_ENV, (t) => {
      t.validDomains = ["cascade.contoso.com"];
    });
    const problems = await collectProblems(fixture);
    expect(problems).toHaveLength(9);
    expect(problems[0]).toBe(
      `staticTabs[0].contentUrl host '${GOOD_ENV.TAB_DOMAIN}' is not in validDomains [cascade.contoso.com]: add it to validDomains`,
    );
  });

  it("rejects an icon of the wrong size", async () => {
    const fixture = makeFixture();
    writeFileSync(join(fixture.dir, "outline.png"), encodePng(createRaster(48, 48)));
    expect(await collectProblems(fixture)).toEqual(["icons.outline 'outline.png' must be 32x32 pixels; got 48x48"]);
  });

  it("reports schema errors with the field to fix", async () => {
    const fixture = makeFixture(GOOD_ENV, (t) => {
      (t.name as Record<string, string>).short = "Cascade goals for everyone in Teams";
    });
    expect(await collectProblems(fixture)).toEqual([expect.stringMatching(/^schema v1\.25: \/name\/short must NOT have more than 30 characters/)]);
  });

  it("refuses a schema version the installed package does not ship, instead of downloading it", async () => {
    const fixture = makeFixture(GOOD_ENV, (t) => {
      t.$schema = "https://developer.microsoft.com/json-schemas/teams/v1.99/MicrosoftTeams.schema.json";
      t.manifestVersion = "1.99";
    });
    expect(await collectProblems(fixture)).toEqual([
      expect.stringMatching(/^\$schema v1\.99 is not bundled with the installed @microsoft\/app-manifest \(it has .*1\.25.*\); pick one of those$/),
    ]);
  });

  it("requires manifestVersion to agree with $schema", async () => {
    const fixture = makeFixture(GOOD_ENV, (t) => {
      t.manifestVersion = "1.24";
    });
    expect(await collectProblems(fixture)).toEqual(['manifestVersion must be "1.25" to match $schema; got \'1.24\'']);
  });
});

describe("the manifest's languages", { timeout: 30_000 }, () => {
  it("declare a file for each language, with the name, descriptions, tabs and bot commands translated", async () => {
    const template = JSON.parse(readFileSync(join(DEFAULT_APP_PACKAGE_DIR, "manifest.template.json"), "utf8"));
    expect(template.localizationInfo.defaultLanguageTag).toBe("en-us");
    expect(template.localizationInfo.additionalLanguages.map((l: { file: string }) => l.file)).toEqual(LANGUAGE_FILES);
    for (const file of LANGUAGE_FILES) {
      const strings = JSON.parse(readFileSync(join(DEFAULT_APP_PACKAGE_DIR, "localization", file), "utf8"));
      expect(strings["description.full"]).not.toBe(template.description.full);
      expect(strings["bots[0].commandLists[0].commands[0].title"]).not.toBe("my goals");
      expect(Object.keys(strings).filter((key) => key.startsWith("staticTabs"))).toHaveLength(4);
    }
  });

  it("refuses a missing language file, a key the manifest does not have, and a text the schema forbids", async () => {
    const fixture = makeFixture();
    rmSync(join(fixture.dir, "localization", "ja.json"));
    const german = JSON.parse(readFileSync(join(fixture.dir, "localization", "de.json"), "utf8"));
    writeFileSync(join(fixture.dir, "localization", "de.json"), JSON.stringify({ ...german, "staticTabs[9].name": "Neun", "description.short": "x".repeat(81) }));
    const problems = await collectProblems(fixture);
    expect(problems.some((p) => p.includes("ja.json") && p.includes("appPackage/localization/"))).toBe(true);
    expect(problems.some((p) => p.includes("de.json: staticTabs[9].name names no text in the manifest"))).toBe(true);
    expect(problems.some((p) => p.startsWith("de.json:") && p.includes("description.short"))).toBe(true);
  });
});
