/** A plain browser in Entra mode: Microsoft sign-in (MSAL, loaded on demand), then the app as in Teams. */
import { useMemo, useState } from "react";
import { ApiContext, type ApiContextValue } from "../../api/api-context.js";
import { ApiError, createApiClient } from "../../api/client.js";
import { QueryCache } from "../../api/query-cache.js";
import type { EntraSignInSettings } from "../../api/types.js";
import type { MicrosoftSession } from "../../host/microsoft-session.js";
import { describeSignInError } from "../../host/sign-in-errors.js";
import type { ThemeName } from "../../host/theme.js";
import { useMicrosoftSession } from "../../host/use-microsoft-session.js";
import type { Translator } from "../../i18n/translator.js";
import { AppShell } from "../AppShell/AppShell.js";
import { BootScreen } from "../BootScreen/BootScreen.js";
import { MicrosoftSignInPage } from "../MicrosoftSignInPage/MicrosoftSignInPage.js";
import { PersonMenu } from "../PersonMenu/PersonMenu.js";
import { ThemeSwitcher } from "../ThemeSwitcher/ThemeSwitcher.js";
import { useTranslator } from "../../i18n/use-translator.js";

export interface MicrosoftBrowserAppProps {
  settings: EntraSignInSettings;
  theme: ThemeName;
  onThemeChange: (theme: ThemeName) => void;
}

function createSessionApi(session: MicrosoftSession, onRefused: () => void, tr: Translator): ApiContextValue {
  const client = createApiClient({
    getToken: async () => {
      try {
        return await session.getToken();
      } catch (error) {
        throw new ApiError({ title: tr.t("signIn.ssoFailed"), status: 401, code: "sign_in_failed", detail: describeSignInError(error, tr) });
      }
    },
    onUnauthorized: onRefused,
    locale: tr.locale,
  });
  return { client, cache: new QueryCache() };
}

export function MicrosoftBrowserApp({ settings, theme, onThemeChange }: MicrosoftBrowserAppProps) {
  const tr = useTranslator();
  const { state, actionError, isLeaving, signIn, signOut } = useMicrosoftSession(settings);
  const [isRefused, setIsRefused] = useState(false);
  const session = state.status === "ready" ? state.session : null;
  const api = useMemo(() => (session ? createSessionApi(session, () => setIsRefused(true), tr) : null), [session, tr]);

  const themeSwitcher = <ThemeSwitcher theme={theme} onThemeChange={onThemeChange} />;
  if (state.status === "starting") return <BootScreen label={tr.t("signIn.signingIn")} />;
  if (!session?.account || !api || isRefused) {
    return (
      <MicrosoftSignInPage
        notice={isRefused ? tr.t("signIn.refused") : null}
        error={state.status === "failed" ? state.message : actionError}
        isBusy={isLeaving || state.status !== "ready"}
        onSignIn={signIn}
        actions={themeSwitcher}
      />
    );
  }
  return (
    <ApiContext.Provider value={api}>
      <AppShell
        showBrand
        actions={
          <>
            {themeSwitcher}
            <PersonMenu displayName={session.account.name} onSignOut={signOut} />
          </>
        }
      />
    </ApiContext.Provider>
  );
}
