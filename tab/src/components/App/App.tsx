/** The root: decides between a Microsoft 365 host (Teams, Outlook, the Microsoft 365 app) and a plain
 * browser without waiting, then applies the theme. */
import { FluentProvider, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useState, type ReactNode } from "react";
import { useIntl } from "react-intl";
import { readBrowserTimeZone } from "../../api/use-time-zone.js";
import { isFramedWindow, shouldTryTeams } from "../../host/detect-host.js";
import { connectTeams, type TeamsHost } from "../../host/teams-host.js";
import { readThemePreference, resolveFluentTheme, writeThemePreference, type ThemeName } from "../../host/theme.js";
import { Announcer } from "../Announcer/Announcer.js";
import { BootScreen } from "../BootScreen/BootScreen.js";
import { BrowserEntry } from "../BrowserEntry/BrowserEntry.js";
import { TeamsApp } from "../TeamsApp/TeamsApp.js";
import { LocaleProvider } from "../../i18n/LocaleProvider.js";
import { directionOf, resolveTabLocale } from "../../i18n/locales.js";
import { useTranslator } from "../../i18n/use-translator.js";

const useStyles = makeStyles({
  root: {
    minHeight: "100vh",
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground1,
  },
});

type Host = { kind: "detecting" } | { kind: "browser" } | { kind: "teams"; teams: TeamsHost };

function detectInitialHost(): Host {
  return shouldTryTeams(isFramedWindow(window), window.location.search) ? { kind: "detecting" } : { kind: "browser" };
}

function readInitialTheme(): ThemeName {
  const matches = (query: string) => window.matchMedia?.(query).matches ?? false;
  return readThemePreference(window.localStorage, matches("(prefers-color-scheme: dark)"), matches("(forced-colors: active)"));
}

interface ThemedPageProps {
  theme: ThemeName;
  children: ReactNode;
}

/** Fluent mirrors the layout, icons and charts included, when the language reads right to left. */
function ThemedPage({ theme, children }: ThemedPageProps) {
  const styles = useStyles();
  const { locale } = useIntl();
  return (
    <FluentProvider theme={resolveFluentTheme(theme)} dir={directionOf(locale)}>
      {/* Layout lives on an inner element: the provider's own class is copied onto portal nodes. */}
      <div className={styles.root}>
        <Announcer>{children}</Announcer>
      </div>
    </FluentProvider>
  );
}

function OpeningScreen() {
  const { t } = useTranslator();
  return <BootScreen label={t("app.opening")} />;
}

export function App() {
  const [host, setHost] = useState<Host>(detectInitialHost);
  const [theme, setTheme] = useState<ThemeName>(readInitialTheme);
  const isDetecting = host.kind === "detecting";

  useEffect(() => {
    if (!isDetecting) return;
    let isCurrent = true;
    connectTeams()
      .catch(() => null)
      .then((teams) => {
        if (!isCurrent) return;
        if (teams) {
          setTheme(teams.theme);
          teams.onThemeChange(setTheme);
        }
        setHost(teams ? { kind: "teams", teams } : { kind: "browser" });
      });
    return () => {
      isCurrent = false;
    };
  }, [isDetecting]);

  useEffect(() => {
    // Native controls (the date picker's icon, scrollbars), also inside portals, follow the page's colour scheme.
    document.documentElement.style.colorScheme = theme === "light" ? "light" : "dark";
  }, [theme]);

  const chooseTheme = (next: ThemeName) => {
    writeThemePreference(window.localStorage, next);
    setTheme(next);
  };

  const locale = resolveTabLocale({
    search: window.location.search,
    hostLocale: host.kind === "teams" ? host.teams.locale : null,
    browserLanguages: navigator.languages ?? [navigator.language],
  });

  return (
    <LocaleProvider locale={locale} timeZone={readBrowserTimeZone() ?? undefined}>
      <ThemedPage theme={theme}>
        {host.kind === "detecting" && <OpeningScreen />}
        {host.kind === "browser" && <BrowserEntry theme={theme} onThemeChange={chooseTheme} />}
        {host.kind === "teams" && <TeamsApp teams={host.teams} />}
      </ThemedPage>
    </LocaleProvider>
  );
}
