/** The Microsoft 365 host side of the shell: Teams, Outlook or the Microsoft 365 app, all through teams-js.
 * teams-js is loaded only when the tab may be inside one of them, so a plain browser never downloads it. */
import { settleWithin } from "./detect-host.js";
import { describeHost, type HostLabel } from "./host-name.js";
import { mapTeamsTheme, type ThemeName } from "./theme.js";

export interface TeamsHost {
  /** Which application hosts the tab; single sign-on works the same in each. */
  hostLabel: HostLabel;
  theme: ThemeName;
  /** The language the person uses the host in, e.g. "de-DE". */
  locale: string | null;
  /** Set when a deep link opened the tab on one item; Cascade's links put a goal id here. */
  subPageId: string | null;
  getToken(): Promise<string>;
  onThemeChange(handler: (theme: ThemeName) => void): void;
  notifyReady(): void;
  notifyAuthFailure(message: string): void;
}

/** Long enough for a slow Teams client to answer, short enough that a framed page outside Teams
 * (a preview pane, a test harness) falls back to browser mode quickly. */
const INITIALIZE_TIMEOUT_MS = 4_000;

export async function connectTeams(): Promise<TeamsHost | null> {
  const { app, authentication } = await import("@microsoft/teams-js");
  const isInitialized = await settleWithin(
    app.initialize().then(() => true),
    INITIALIZE_TIMEOUT_MS,
    false,
  ).catch(() => false);
  if (!isInitialized) return null;
  const context = await app.getContext();
  return {
    hostLabel: describeHost(context.app.host.name),
    theme: mapTeamsTheme(context.app.theme),
    locale: context.app.locale || null,
    subPageId: context.page.subPageId || null,
    getToken: () => authentication.getAuthToken(),
    onThemeChange: (handler) => app.registerOnThemeChangeHandler((theme) => handler(mapTeamsTheme(theme))),
    notifyReady: () => {
      app.notifyAppLoaded();
      void app.notifySuccess();
    },
    notifyAuthFailure: (message) => app.notifyFailure({ reason: app.FailedReason.AuthFailed, message }),
  };
}
