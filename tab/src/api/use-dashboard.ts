/** The team dashboard and its CSV export. */
import { useCallback } from "react";
import type { Dashboard } from "../../../functions/src/contracts/index.js";
import { useApi } from "./api-context.js";
import { useQuery, type QueryResult } from "./use-query.js";

export type { Dashboard, DashboardFigures, AtRiskGoal } from "../../../functions/src/contracts/index.js";

export function buildTeamQuery(managerId: string | null, cycleId: string | null, teamId: string | null = null): string {
  const params = new URLSearchParams();
  params.set("manager", managerId ?? "me");
  if (cycleId) params.set("cycle", cycleId);
  if (teamId) params.set("team", teamId);
  return params.toString();
}

/** `teamId`: the team of the channel tab showing it, whose members may see a dashboard pinned there. */
export function useDashboard(managerId: string | null, cycleId: string | null, teamId: string | null = null): QueryResult<Dashboard> {
  const { client } = useApi();
  const query = buildTeamQuery(managerId, cycleId, teamId);
  const fetchDashboard = useCallback(async () => (await client.request<Dashboard>(`/api/dashboard?${query}`)).data, [client, query]);
  return useQuery(`dashboard?${query}`, fetchDashboard);
}

/** Fetches the team's CSV and hands it to the browser as a download. */
export function useExportCsv(): (managerId: string | null, cycleId: string | null) => Promise<void> {
  const { client } = useApi();
  return useCallback(
    async (managerId, cycleId) => {
      const csv = (await client.request<string>(`/api/export/goals.csv?${buildTeamQuery(managerId, cycleId)}`, { responseType: "text" })).data;
      const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
      const link = document.createElement("a");
      link.href = url;
      link.download = `goals-${cycleId ?? "current"}.csv`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 0);
    },
    [client],
  );
}
