/** The org chart overlaid with goals (GET /api/org/{person}/cascade) for the Team and Organisation views. */
import { useCallback } from "react";
import type { OrgCascade } from "../../../functions/src/contracts/index.js";
import { useApi } from "./api-context.js";
import { useQuery, type QueryResult } from "./use-query.js";

export type { BranchFigures, GoalInsight, GoalRef, OrgCascade, OrgCascadeNode } from "../../../functions/src/contracts/index.js";

export const ORG_KEY_PREFIX = "org:";

/** personId may be a person id, "me" or "top"; depth is a number of levels below, or "all". */
export function buildCascadePath(personId: string, cycleId: string | null, depth: number | "all"): string {
  const query = new URLSearchParams({ depth: String(depth) });
  if (cycleId) query.set("cycle", cycleId);
  return `/api/org/${encodeURIComponent(personId)}/cascade?${query.toString()}`;
}

export function useOrgCascade(personId: string | null, cycleId: string | null, depth: number | "all"): QueryResult<OrgCascade> {
  const { client } = useApi();
  const path = personId && cycleId ? buildCascadePath(personId, cycleId, depth) : null;
  const fetchCascade = useCallback(async () => (await client.request<OrgCascade>(path ?? "")).data, [client, path]);
  return useQuery(path ? `${ORG_KEY_PREFIX}${path}` : null, fetchCascade);
}
