/** People and goals anywhere below a person (GET /api/org/{person}/search), for the Organisation tree,
 * whose answers hold only the levels they return. */
import { useCallback } from "react";
import type { OrgSearch } from "../../../functions/src/contracts/index.js";
import { useApi } from "./api-context.js";
import { ORG_KEY_PREFIX } from "./use-org-cascade.js";
import { useQuery, type QueryResult } from "./use-query.js";

export type { OrgSearch, OrgSearchGoal, OrgSearchPerson } from "../../../functions/src/contracts/index.js";

/** The server searches terms of at least this many characters. */
export const MIN_SEARCH_LENGTH = 2;

export function buildOrgSearchPath(personId: string, cycleId: string, query: string, continuation: string | null): string {
  const params = new URLSearchParams({ q: query, cycle: cycleId });
  if (continuation) params.set("continuation", continuation);
  return `/api/org/${encodeURIComponent(personId)}/search?${params.toString()}`;
}

/** A null person, cycle or a term too short asks nothing. */
export function useOrgSearch(personId: string | null, cycleId: string | null, query: string, continuation: string | null): QueryResult<OrgSearch> {
  const { client } = useApi();
  const term = query.trim();
  const path = personId && cycleId && term.length >= MIN_SEARCH_LENGTH ? buildOrgSearchPath(personId, cycleId, term, continuation) : null;
  const fetchSearch = useCallback(async () => (await client.request<OrgSearch>(path ?? "")).data, [client, path]);
  return useQuery(path ? `${ORG_KEY_PREFIX}${path}` : null, fetchSearch);
}
