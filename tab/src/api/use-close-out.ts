/** A manager's team at the end of a cycle: each goal's close-out, the cycle report and its CSV. */
import { useCallback } from "react";
import { useApi } from "./api-context.js";
import { buildTeamQuery } from "./use-dashboard.js";
import { useQuery, type QueryResult } from "./use-query.js";

import type { CycleReport, TeamCloseOut } from "./types.js";

export type { CycleReport, TeamCloseOut };

const cyclePath = (cycleId: string, what: string, managerId: string | null) => `/api/cycles/${encodeURIComponent(cycleId)}/${what}?${buildTeamQuery(managerId, null)}`;

/** Under "close-out:", which every close-out action refreshes. */
export function useTeamCloseOut(managerId: string | null, cycleId: string | null): QueryResult<TeamCloseOut> {
  const { client } = useApi();
  const path = cycleId ? cyclePath(cycleId, "close-out", managerId) : null;
  const fetchState = useCallback(async () => (await client.request<TeamCloseOut>(path!)).data, [client, path]);
  return useQuery(path ? `close-out:state:${path}` : null, fetchState);
}

export function useCycleReport(managerId: string | null, cycleId: string | null): QueryResult<CycleReport> {
  const { client } = useApi();
  const path = cycleId ? cyclePath(cycleId, "report", managerId) : null;
  const fetchReport = useCallback(async () => (await client.request<CycleReport>(path!)).data, [client, path]);
  return useQuery(path ? `close-out:report:${path}` : null, fetchReport);
}

/** Fetches the report's CSV and hands it to the browser as a download. */
export function useDownloadReportCsv(): (managerId: string | null, cycleId: string) => Promise<void> {
  const { client } = useApi();
  return useCallback(
    async (managerId, cycleId) => {
      const csv = (await client.request<string>(`${cyclePath(cycleId, "report", managerId)}&format=csv`, { responseType: "text" })).data;
      const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
      const link = document.createElement("a");
      link.href = url;
      link.download = `close-out-${cycleId}.csv`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 0);
    },
    [client],
  );
}
