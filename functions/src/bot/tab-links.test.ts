import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildTabLink, buildTabLinkSettings, type TabPage } from "./tab-links.js";

const APP_URL = "https://cascade.example.test";
const TEAMS_APP_ID = "44444444-4444-4444-8444-444444444444";

describe("buildTabLink without a Teams app id", () => {
  it("links to the view on the web", () => {
    expect(buildTabLink({ appUrl: APP_URL }, { page: "my-goals" })).toBe("https://cascade.example.test/?view=my-goals");
    expect(buildTabLink({ appUrl: `${APP_URL}/`, teamsAppId: undefined }, { page: "approvals" })).toBe("https://cascade.example.test/?view=approvals");
  });

  it("names the goal to open, encoded", () => {
    expect(buildTabLink({ appUrl: APP_URL }, { page: "my-goals", goalId: "g 1&x" })).toBe("https://cascade.example.test/?view=my-goals&goal=g%201%26x");
  });

  it("opens a manager's dashboard", () => {
    expect(buildTabLink({ appUrl: APP_URL }, { page: "dashboard", managerId: "m 1" })).toBe("https://cascade.example.test/?view=dashboard&manager=m%201");
  });
});

describe("buildTabLink with a Teams app id", () => {
  const settings = { appUrl: APP_URL, teamsAppId: TEAMS_APP_ID };

  it("deep-links to the personal tab, with the web view as fallback", () => {
    const link = new URL(buildTabLink(settings, { page: "approvals" }));
    expect(`${link.origin}${link.pathname}`).toBe(`https://teams.microsoft.com/l/entity/${TEAMS_APP_ID}/approvals`);
    expect(link.searchParams.get("webUrl")).toBe("https://cascade.example.test/?view=approvals");
    expect(link.searchParams.get("label")).toBe("Approvals");
    expect(link.searchParams.has("context")).toBe(false);
  });

  it("passes the goal to the tab as its sub-entity", () => {
    const link = new URL(buildTabLink(settings, { page: "my-goals", goalId: "goal-7" }));
    expect(link.pathname).toBe(`/l/entity/${TEAMS_APP_ID}/mine`);
    expect(JSON.parse(link.searchParams.get("context")!)).toEqual({ subEntityId: "goal-7" });
    expect(link.searchParams.get("webUrl")).toBe("https://cascade.example.test/?view=my-goals&goal=goal-7");
  });

  it("opens the Team tab for a dashboard, whose web fallback keeps the manager", () => {
    const link = new URL(buildTabLink(settings, { page: "dashboard", managerId: "m1" }));
    expect(link.pathname).toBe(`/l/entity/${TEAMS_APP_ID}/team`);
    expect(link.searchParams.get("webUrl")).toBe("https://cascade.example.test/?view=dashboard&manager=m1");
  });

  it("keeps every value encoded, so the link survives markdown and card parsers", () => {
    const link = buildTabLink(settings, { page: "my-goals", goalId: "a\"b}" });
    expect(link.split("?")[1]).not.toMatch(/[{}"\s]|&(?!(webUrl|label|context)=)/);
  });

  it("uses the entity ids of the manifest's static tabs", () => {
    const manifest = JSON.parse(readFileSync(new URL("../../../appPackage/manifest.template.json", import.meta.url), "utf8"));
    const entityIds: string[] = manifest.staticTabs.map((tab: { entityId: string }) => tab.entityId);
    const pages: TabPage[] = ["my-goals", "approvals", "team", "dashboard"];
    for (const page of pages) {
      const entityId = new URL(buildTabLink(settings, { page })).pathname.split("/").at(-1)!;
      expect(entityIds).toContain(entityId);
    }
  });
});

describe("buildTabLinkSettings", () => {
  it("uses the tab domain over https, and carries the Teams app id", () => {
    expect(buildTabLinkSettings({ tabDomain: "cascade.example.test", port: 7071, teamsAppId: TEAMS_APP_ID })).toEqual({ appUrl: APP_URL, teamsAppId: TEAMS_APP_ID });
  });

  it("falls back to the local host's port without a tab domain", () => {
    expect(buildTabLinkSettings({ tabDomain: undefined, port: 7071, teamsAppId: undefined })).toEqual({ appUrl: "http://localhost:7071", teamsAppId: undefined });
  });
});
