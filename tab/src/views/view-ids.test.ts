import { describe, expect, it } from "vitest";
import { buildViewUrl, resolveViewId, type ViewDefinition } from "./view-ids.js";

const VIEWS: ViewDefinition[] = [
  { id: "my-goals", label: "view.myGoals" },
  { id: "team", label: "view.team" },
];

describe("view selection", () => {
  it("takes the view from the query and falls back to the first one", () => {
    expect(resolveViewId("?view=team", VIEWS)).toBe("team");
    expect(resolveViewId("", VIEWS)).toBe("my-goals");
    expect(resolveViewId("?view=admin", VIEWS)).toBe("my-goals");
    expect(resolveViewId("?view=team", [])).toBe("");
  });

  it("changes only the view parameter of the address", () => {
    expect(buildViewUrl("https://tab.example/?inTeams=1&view=my-goals#top", "team")).toBe("/?inTeams=1&view=team#top");
    expect(buildViewUrl("http://127.0.0.1:7071/", "my-goals")).toBe("/?view=my-goals");
  });
});
