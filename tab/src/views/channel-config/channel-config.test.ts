import { describe, expect, test } from "vitest";
import { buildPinnedDashboard } from "./channel-config.js";

describe("the channel tab's pinned dashboard", () => {
  test("opens the dashboard of the chosen manager, inside Teams", () => {
    const pinned = buildPinnedDashboard("https://cascade.example.com", { id: "abc-123", displayName: "Maya" }, null);
    expect(pinned.contentUrl).toBe("https://cascade.example.com/?view=dashboard&manager=abc-123&inTeams=1");
    expect(pinned.websiteUrl).toBe("https://cascade.example.com/?view=dashboard&manager=abc-123");
    expect(pinned.entityId).toBe("dashboard-abc-123");
    expect(pinned.suggestedDisplayName).toBe("Maya's team");
  });

  test("names the team it is pinned in, so that team's members may see it", () => {
    const pinned = buildPinnedDashboard("https://cascade.example.com", { id: "abc-123", displayName: "Maya" }, "team-42");
    expect(pinned.contentUrl).toBe("https://cascade.example.com/?view=dashboard&manager=abc-123&team=team-42&inTeams=1");
    expect(pinned.websiteUrl).toBe("https://cascade.example.com/?view=dashboard&manager=abc-123&team=team-42");
  });
});
