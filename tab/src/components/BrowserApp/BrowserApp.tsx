/** A plain browser in local development: sign in as a demo person, switch person, pick a theme. */
import { useCallback, useMemo, useState } from "react";
import { ApiContext, type ApiContextValue } from "../../api/api-context.js";
import { createApiClient } from "../../api/client.js";
import { QueryCache } from "../../api/query-cache.js";
import { clearSession, readSession, writeSession, type BrowserSession } from "../../host/browser-session.js";
import type { ThemeName } from "../../host/theme.js";
import { AppShell } from "../AppShell/AppShell.js";
import { PersonMenu } from "../PersonMenu/PersonMenu.js";
import { SignInPage } from "../SignInPage/SignInPage.js";
import { ThemeSwitcher } from "../ThemeSwitcher/ThemeSwitcher.js";
import { useTranslator } from "../../i18n/use-translator.js";

export interface BrowserAppProps {
  theme: ThemeName;
  onThemeChange: (theme: ThemeName) => void;
}

export function BrowserApp({ theme, onThemeChange }: BrowserAppProps) {
  const { t, locale } = useTranslator();
  const expiredNotice = t("signIn.expired");
  const [session, setSession] = useState<BrowserSession | null>(() => readSession(window.sessionStorage));
  const [notice, setNotice] = useState<string | null>(null);

  const signOut = useCallback((message: string | null) => {
    clearSession(window.sessionStorage);
    setSession(null);
    setNotice(message);
  }, []);

  const signIn = useCallback((next: BrowserSession) => {
    writeSession(window.sessionStorage, next);
    setNotice(null);
    setSession(next);
  }, []);

  // A new client and an empty cache per person, so one person's data never shows for another.
  const api = useMemo<ApiContextValue>(() => {
    const token = session?.token ?? null;
    const client = createApiClient({
      getToken: async () => token,
      onUnauthorized: token ? () => signOut(expiredNotice) : undefined,
      locale,
    });
    return { client, cache: new QueryCache() };
  }, [session, signOut, expiredNotice, locale]);

  const themeSwitcher = <ThemeSwitcher theme={theme} onThemeChange={onThemeChange} />;
  return (
    <ApiContext.Provider value={api}>
      {session ? (
        <AppShell
          showBrand
          isLocal
          actions={
            <>
              {themeSwitcher}
              <PersonMenu displayName={session.displayName} onSwitchPerson={() => signOut(null)} />
            </>
          }
        />
      ) : (
        <SignInPage notice={notice} onSignedIn={signIn} actions={themeSwitcher} />
      )}
    </ApiContext.Provider>
  );
}
