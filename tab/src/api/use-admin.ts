/** Reads for the Admin view. Job status polls itself while a job runs. */
import { useCallback, useEffect, useMemo, useRef } from "react";
import { useApi } from "./api-context.js";
import { ADMIN_LOG_KEY, ADMIN_SETTINGS_KEY, buildJobKey, createAdminActions, type AdminActions } from "./admin-actions.js";
import type { AdminLogEntry, AdminSettingsView, JobKind, JobStatusView, VersionedSettings } from "./admin-types.js";
import type { ItemList } from "./types.js";
import { useQuery, type QueryResult } from "./use-query.js";

export const JOB_POLL_MS = 1000;

export function useAdminSettings(): QueryResult<VersionedSettings> {
  const { client } = useApi();
  const fetchSettings = useCallback(async () => {
    const { data, etag } = await client.request<AdminSettingsView>("/api/admin/settings");
    return { settings: data, etag: etag ?? "" };
  }, [client]);
  return useQuery(ADMIN_SETTINGS_KEY, fetchSettings);
}

export function useJobStatus(kind: JobKind): QueryResult<JobStatusView> {
  const { client, cache } = useApi();
  const path = kind === "sync" ? "/api/admin/sync" : "/api/admin/erase";
  const fetchStatus = useCallback(async () => (await client.request<JobStatusView>(path)).data, [client, path]);
  const result = useQuery(buildJobKey(kind), fetchStatus);
  const isRunning = result.data?.isRunning ?? false;
  const wasRunning = useRef(false);
  const { reload } = result;
  useEffect(() => {
    if (!isRunning) return;
    const timer = window.setInterval(reload, JOB_POLL_MS);
    return () => window.clearInterval(timer);
  }, [isRunning, reload]);
  useEffect(() => {
    // A finished job leaves an entry in the admin log and may have changed people.
    if (wasRunning.current && !isRunning) cache.invalidate((key) => key === ADMIN_LOG_KEY || key === "me");
    wasRunning.current = isRunning;
  }, [isRunning, cache]);
  return result;
}

export function useAdminLog(): QueryResult<AdminLogEntry[]> {
  const { client } = useApi();
  const fetchLog = useCallback(async () => (await client.request<ItemList<AdminLogEntry>>("/api/admin/log")).data.items, [client]);
  return useQuery(ADMIN_LOG_KEY, fetchLog);
}

export function useAdminActions(): AdminActions {
  const { client, cache } = useApi();
  return useMemo(() => createAdminActions(client, cache), [client, cache]);
}
