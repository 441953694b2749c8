import { describe, expect, it } from "vitest";
import { checkManifestRules, mapPlaceholderFields, type RuleContext } from "./manifest-rules.js";

const CLIENT_ID = "11111111-2222-4333-8444-555555555555";
const DOMAIN = "cascade.contoso.com";

function makeManifest(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    manifestVersion: "1.25",
    id: "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee",
    developer: { websiteUrl: `https://${DOMAIN}/`, privacyUrl: `https://${DOMAIN}/p`, termsOfUseUrl: `https://${DOMAIN}/t` },
    staticTabs: [
      { entityId: "mine", contentUrl: `https://${DOMAIN}/?view=mine&inTeams=1`, websiteUrl: `https://${DOMAIN}/?view=mine`, scopes: ["personal"] },
      { entityId: "conversations" },
    ],
    configurableTabs: [{ configurationUrl: `https://${DOMAIN}/?view=config&inTeams=1` }],
    bots: [{ botId: CLIENT_ID }],
    validDomains: [DOMAIN],
    webApplicationInfo: { id: CLIENT_ID, resource: `api://${DOMAIN}/${CLIENT_ID}` },
    ...overrides,
  };
}

const context: RuleContext = {
  tabDomain: DOMAIN,
  envFile: "appPackage/env/.env.test",
  sources: mapPlaceholderFields({ id: "${{TEAMS_APP_ID}}", bots: [{ botId: "${{BOT_ID}}" }], validDomains: ["${{TAB_DOMAIN}}"] }),
};

describe("manifest rules", () => {
  it("accepts a consistent manifest", () => {
    expect(checkManifestRules(makeManifest(), context)).toEqual([]);
  });

  it("maps template fields to the variables that fill them", () => {
    const sources = mapPlaceholderFields({ a: { b: ["x", "api://${{TAB_DOMAIN}}/${{AAD_APP_CLIENT_ID}}"] } });
    expect([...sources]).toEqual([["a.b[1]", ["TAB_DOMAIN", "AAD_APP_CLIENT_ID"]]]);
  });

  it("says which variable holds a bad GUID", () => {
    expect(checkManifestRules(makeManifest({ id: "my-app" }), context)).toEqual([
      "id must be a GUID like 00000000-0000-0000-0000-000000000000 (it comes from TEAMS_APP_ID in appPackage/env/.env.test); got 'my-app'",
    ]);
  });

  it("checks the bot id and the Entra client id too", () => {
    const manifest = makeManifest({ bots: [{ botId: "bot" }], webApplicationInfo: { id: "nope", resource: `api://${DOMAIN}/nope` } });
    const problems = checkManifestRules(manifest, context);
    expect(problems).toContain("webApplicationInfo.id must be a GUID like 00000000-0000-0000-0000-000000000000; got 'nope'");
    expect(problems.some((p) => p.startsWith("bots[0].botId must be a GUID") && p.includes("BOT_ID"))).toBe(true);
  });

  it("explains a resource that does not match the tab domain and client id", () => {
    const manifest = makeManifest({ webApplicationInfo: { id: CLIENT_ID, resource: `api://other.example.com/${CLIENT_ID}` } });
    expect(checkManifestRules(manifest, context)).toEqual([
      `webApplicationInfo.resource must be api://<TAB_DOMAIN>/<AAD_APP_CLIENT_ID>, here api://${DOMAIN}/${CLIENT_ID}, and the same value must be an Application ID URI of the Entra app; got 'api://other.example.com/${CLIENT_ID}'`,
    ]);
  });

  it("flags a tab whose host is not in validDomains or not on the tab domain", () => {
    const tabs = [{ entityId: "mine", contentUrl: "https://elsewhere.example.com/?view=mine", scopes: ["personal"] }];
    const problems = checkManifestRules(makeManifest({ staticTabs: tabs }), context);
    expect(problems).toEqual([
      `staticTabs[0].contentUrl host 'elsewhere.example.com' is not in validDomains [${DOMAIN}]: add it to validDomains`,
      `staticTabs[0].contentUrl must be served from TAB_DOMAIN '${DOMAIN}' (Teams single sign-on needs the tab and webApplicationInfo.resource on one domain); got host 'elsewhere.example.com'`,
    ]);
  });

  it("accepts a wildcard valid domain for a subdomain but not for the bare domain", () => {
    const wildcard = { ...context, tabDomain: "app.contoso.com" };
    const onSubdomain = makeManifest({
      validDomains: ["*.contoso.com"],
      staticTabs: [{ entityId: "mine", contentUrl: "https://app.contoso.com/" }],
      configurableTabs: [{ configurationUrl: "https://contoso.com/" }],
      webApplicationInfo: { id: CLIENT_ID, resource: `api://app.contoso.com/${CLIENT_ID}` },
    });
    const problems = checkManifestRules(onSubdomain, wildcard);
    expect(problems.filter((p) => p.includes("not in validDomains"))).toEqual([
      "configurableTabs[0].configurationUrl host 'contoso.com' is not in validDomains [*.contoso.com]: add it to validDomains",
    ]);
  });

  it("rejects http tab URLs and http developer links", () => {
    const manifest = makeManifest({
      configurableTabs: [{ configurationUrl: `http://${DOMAIN}/?view=config` }],
      developer: { websiteUrl: `http://${DOMAIN}/`, privacyUrl: `https://${DOMAIN}/p`, termsOfUseUrl: `https://${DOMAIN}/t` },
    });
    expect(checkManifestRules(manifest, context)).toEqual([
      `configurableTabs[0].configurationUrl must use https (Teams loads tabs over https only); got 'http://${DOMAIN}/?view=config'`,
      `developer.websiteUrl must be an https URL (the Teams admin center rejects http); got 'http://${DOMAIN}/'`,
    ]);
  });

  it("rejects a valid domain written as a URL", () => {
    const problems = checkManifestRules(makeManifest({ validDomains: [`https://${DOMAIN}/`] }), context);
    expect(problems[0]).toBe(
      `validDomains[0] must be a host name such as cascade.contoso.com, with no https:// and no path (it comes from TAB_DOMAIN in appPackage/env/.env.test); got 'https://${DOMAIN}/'`,
    );
  });

  it("rejects two static tabs with one entityId", () => {
    const tabs = [
      { entityId: "mine", contentUrl: `https://${DOMAIN}/a`, scopes: ["personal"] },
      { entityId: "mine", contentUrl: `https://${DOMAIN}/b`, scopes: ["personal"] },
    ];
    expect(checkManifestRules(makeManifest({ staticTabs: tabs }), context)).toEqual([
      "staticTabs entityId 'mine' is used more than once: each tab needs its own entityId",
    ]);
  });

  it("keeps the personal tab open to Outlook and the Microsoft 365 app", () => {
    expect(checkManifestRules(makeManifest({ manifestVersion: "1.12" }), context)).toEqual([
      "manifestVersion must be 1.13 or later for the personal tab to open in Outlook and the Microsoft 365 app; got '1.12'",
    ]);
    expect(checkManifestRules(makeManifest({ manifestVersion: "devPreview" }), context)).toHaveLength(1);
    const teamOnly = makeManifest({ staticTabs: [{ entityId: "mine", contentUrl: `https://${DOMAIN}/?view=mine&inTeams=1`, websiteUrl: `https://${DOMAIN}/?view=mine`, scopes: ["team"] }] });
    expect(checkManifestRules(teamOnly, context)).toEqual(['staticTabs[0].scopes must include "personal": only personal tabs open in Outlook and the Microsoft 365 app']);
  });
});
