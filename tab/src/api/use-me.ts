import { useCallback } from "react";
import { useApi } from "./api-context.js";
import type { CycleView, ItemList, Me } from "./types.js";
import { useQuery, type QueryResult } from "./use-query.js";

export function useMe(): QueryResult<Me> {
  const { client } = useApi();
  const fetchMe = useCallback(async () => (await client.request<Me>("/api/me")).data, [client]);
  return useQuery("me", fetchMe);
}

export function useCycles(): QueryResult<CycleView[]> {
  const { client } = useApi();
  const fetchCycles = useCallback(async () => (await client.request<ItemList<CycleView>>("/api/cycles")).data.items, [client]);
  return useQuery("cycles", fetchCycles);
}
