import { teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme, type Theme } from "@fluentui/react-components";

export const THEME_NAMES = ["light", "dark", "contrast"] as const;
export type ThemeName = (typeof THEME_NAMES)[number];

const FLUENT_THEMES: Record<ThemeName, Theme> = {
  light: teamsLightTheme,
  dark: teamsDarkTheme,
  contrast: teamsHighContrastTheme,
};

const THEME_STORAGE_KEY = "cascade.theme";

/** Teams reports "default", "dark" or "contrast"; anything unknown falls back to light. */
export function mapTeamsTheme(teamsTheme: string | undefined): ThemeName {
  if (teamsTheme === "dark") return "dark";
  if (teamsTheme === "contrast") return "contrast";
  return "light";
}

export function resolveFluentTheme(name: ThemeName): Theme {
  return FLUENT_THEMES[name];
}

export function isThemeName(value: unknown): value is ThemeName {
  return typeof value === "string" && (THEME_NAMES as readonly string[]).includes(value);
}

/** The browser-mode choice: a saved one, else the system's forced colours (Windows contrast themes)
 * as high contrast, else its dark preference, else light. */
export function readThemePreference(storage: Pick<Storage, "getItem">, prefersDark: boolean, isForcedColors = false): ThemeName {
  const saved = storage.getItem(THEME_STORAGE_KEY);
  if (isThemeName(saved)) return saved;
  if (isForcedColors) return "contrast";
  return prefersDark ? "dark" : "light";
}

export function writeThemePreference(storage: Pick<Storage, "setItem">, theme: ThemeName): void {
  storage.setItem(THEME_STORAGE_KEY, theme);
}
