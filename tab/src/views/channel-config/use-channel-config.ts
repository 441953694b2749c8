/** Talks to Teams' tab configuration dialog: offers the choice as valid, and on Save pins the
 * chosen team's dashboard. Outside Teams there is no dialog, and the view says so. */
import { useEffect, useState } from "react";
import { buildPinnedDashboard } from "./channel-config.js";

export type ConfigHost = "checking" | "teams" | "browser";

export function useChannelConfig(manager: { id: string; displayName: string } | null): ConfigHost {
  const [host, setHost] = useState<ConfigHost>("checking");

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
    void import("@microsoft/teams-js").then(({ pages }) => {
      pages.config.registerOnSaveHandler((saveEvent) => {
        pages.config.setConfig(buildPinnedDashboard(window.location.origin, manager)).then(
          () => saveEvent.notifySuccess(),
          (error: unknown) => saveEvent.notifyFailure(error instanceof Error ? error.message : String(error)),
        );
      });
      pages.config.setValidityState(true);
    });
  }, [host, manager]);

  return host;
}
