import { teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme } from "@fluentui/react-components";
import { describe, expect, it } from "vitest";
import { createMemoryStorage } from "../../../test/support/tab-builders.js";
import { mapTeamsTheme, readThemePreference, resolveFluentTheme, writeThemePreference } from "./theme.js";

describe("theme", () => {
  it("maps the Teams theme names to ours", () => {
    expect(mapTeamsTheme("default")).toBe("light");
    expect(mapTeamsTheme("dark")).toBe("dark");
    expect(mapTeamsTheme("contrast")).toBe("contrast");
    expect(mapTeamsTheme(undefined)).toBe("light");
    expect(mapTeamsTheme("something-new")).toBe("light");
  });

  it("uses the Fluent Teams themes", () => {
    expect(resolveFluentTheme("light")).toBe(teamsLightTheme);
    expect(resolveFluentTheme("dark")).toBe(teamsDarkTheme);
    expect(resolveFluentTheme("contrast")).toBe(teamsHighContrastTheme);
  });

  it("prefers a saved browser choice, then the system preference", () => {
    const storage = createMemoryStorage();
    expect(readThemePreference(storage, false)).toBe("light");
    expect(readThemePreference(storage, true)).toBe("dark");
    expect(readThemePreference(storage, false, true)).toBe("contrast");
    expect(readThemePreference(storage, true, true)).toBe("contrast");
    writeThemePreference(storage, "contrast");
    expect(readThemePreference(storage, false)).toBe("contrast");
    storage.setItem("cascade.theme", "neon");
    expect(readThemePreference(storage, false)).toBe("light");
  });
});
