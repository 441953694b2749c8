/** Inside Teams, Outlook or the Microsoft 365 app: single sign-on through the host, and the host's own
 * loading indicator until first render. */
import { useMemo } from "react";
import { ApiContext, type ApiContextValue } from "../../api/api-context.js";
import { ApiError, createApiClient } from "../../api/client.js";
import { QueryCache } from "../../api/query-cache.js";
import type { TeamsHost } from "../../host/teams-host.js";
import type { Translator } from "../../i18n/translator.js";
import { AppShell } from "../AppShell/AppShell.js";
import { useTranslator } from "../../i18n/use-translator.js";

export interface TeamsAppProps {
  teams: TeamsHost;
}

function describeSsoProblem(hostLabel: string, tr: Translator) {
  return { title: tr.t("signIn.ssoFailed"), status: 401, code: "sso_failed", detail: tr.t("signIn.ssoFailed.detail", { host: hostLabel }) };
}

export function TeamsApp({ teams }: TeamsAppProps) {
  const tr = useTranslator();
  const api = useMemo<ApiContextValue>(() => {
    const client = createApiClient({
      getToken: async () => {
        try {
          return await teams.getToken();
        } catch {
          throw new ApiError(describeSsoProblem(teams.hostLabel, tr));
        }
      },
      locale: tr.locale,
    });
    return { client, cache: new QueryCache() };
  }, [teams, tr]);

  return (
    <ApiContext.Provider value={api}>
      <AppShell showBrand={false} onFirstRender={teams.notifyReady} teamsSubPageId={teams.subPageId} />
    </ApiContext.Provider>
  );
}
