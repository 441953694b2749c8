/** Inside Teams, Outlook or the Microsoft 365 app: single sign-on through the host, and the host's own
 * loading indicator until first render. */
import { useMemo } from "react";
import { ApiContext, type ApiContextValue } from "../../api/api-context.js";
import { ApiError, createApiClient } from "../../api/client.js";
import { QueryCache } from "../../api/query-cache.js";
import type { TeamsHost } from "../../host/teams-host.js";
import { AppShell } from "../AppShell/AppShell.js";

export interface TeamsAppProps {
  teams: TeamsHost;
}

function describeSsoProblem(hostLabel: string) {
  return {
    title: "Cascade could not sign you in",
    status: 401,
    code: "sso_failed",
    detail: `${hostLabel} did not give Cascade a sign-in token. If this keeps happening, ask your admin to grant consent to Cascade.`,
  };
}

export function TeamsApp({ teams }: TeamsAppProps) {
  const api = useMemo<ApiContextValue>(() => {
    const client = createApiClient({
      getToken: async () => {
        try {
          return await teams.getToken();
        } catch {
          throw new ApiError(describeSsoProblem(teams.hostLabel));
        }
      },
    });
    return { client, cache: new QueryCache() };
  }, [teams]);

  return (
    <ApiContext.Provider value={api}>
      <AppShell showBrand={false} onFirstRender={teams.notifyReady} teamsSubPageId={teams.subPageId} />
    </ApiContext.Provider>
  );
}
