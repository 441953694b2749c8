/** Talks to Teams' tab configuration dialog: offers the choice as valid, and on Save pins the
 * chosen team's dashboard (telling the server which team's members may see it). Outside Teams there
 * is no dialog, and the view says so. */
import { useEffect, useState } from "react";
import { useApi } from "../../api/api-context.js";
import { buildPinnedDashboard } from "./channel-config.js";

export type ConfigHost = "checking" | "teams" | "browser";

export function useChannelConfig(manager: { id: string; displayName: string } | null): ConfigHost {
  const [host, setHost] = useState<ConfigHost>("checking");
  const { client } = useApi();

  useEffect(() => {
    let isCurrent = true;
    void import("@microsoft/teams-js").then(({ app }) => {
      if (isCurrent) setHost(app.isInitialized() ? "teams" : "browser");
    });
    return () => {
      isCurrent = false;
    };
  }, []);

  useEffect(() => {
    if (host !== "teams" || !manager) return;
    void import("@microsoft/teams-js").then(({ app, pages }) => {
      pages.config.registerOnSaveHandler((saveEvent) => {
        const pin = async () => {
          // A tab in a group chat or meeting has no team: only the manager's chain will see it there.
          const teamId = (await app.getContext()).team?.groupId ?? null;
          if (teamId) await client.request("/api/dashboard/pins", { method: "POST", body: { teamId } });
          await pages.config.setConfig(buildPinnedDashboard(window.location.origin, manager, teamId));
        };
        pin().then(
          () => saveEvent.notifySuccess(),
          (error: unknown) => saveEvent.notifyFailure(error instanceof Error ? error.message : String(error)),
        );
      });
      pages.config.setValidityState(true);
    });
  }, [host, manager, client]);

  return host;
}
