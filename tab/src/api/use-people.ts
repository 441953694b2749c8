/** Org chart reads: a person's profile and their direct reports. */
import { useCallback } from "react";
import type { PersonProfile, ReportEntry } from "../../../functions/src/contracts/index.js";
import { useApi } from "./api-context.js";
import type { ItemList } from "./types.js";
import { useQuery, type QueryResult } from "./use-query.js";

export type { PersonProfile, ReportEntry } from "../../../functions/src/contracts/index.js";

export function usePerson(personId: string | null): QueryResult<PersonProfile> {
  const { client } = useApi();
  const fetchPerson = useCallback(async () => (await client.request<PersonProfile>(`/api/people/${encodeURIComponent(personId ?? "")}`)).data, [client, personId]);
  return useQuery(personId ? `person:${personId}` : null, fetchPerson);
}

/** The person's direct reports. */
export function useDirectReports(personId: string | null): QueryResult<ReportEntry[]> {
  const { client } = useApi();
  const fetchReports = useCallback(
    async () => (await client.request<ItemList<ReportEntry>>(`/api/people/${encodeURIComponent(personId ?? "")}/reports`)).data.items,
    [client, personId],
  );
  return useQuery(personId ? `reports:${personId}:1` : null, fetchReports);
}
