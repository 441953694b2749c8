import { useCallback, useEffect, useSyncExternalStore } from "react";
import type { ApiError } from "./client.js";
import { useApi } from "./api-context.js";

export interface QueryResult<T> {
  data: T | undefined;
  error: ApiError | null;
  /** True only while there is nothing to show yet. */
  isLoading: boolean;
  /** True while newer data is on its way and older data is still shown. */
  isRefreshing: boolean;
  reload: () => void;
}

/** Reads `key` through the shared cache; a null key means "not ready to ask yet". */
export function useQuery<T>(key: string | null, fetcher: () => Promise<T>): QueryResult<T> {
  const { cache } = useApi();
  const subscribe = useCallback((listener: () => void) => cache.subscribe(listener), [cache]);
  const entry = useSyncExternalStore(subscribe, () => (key ? cache.peek<T>(key) : null));

  useEffect(() => {
    if (key) cache.ensure(key, fetcher);
  }, [cache, key, entry, fetcher]);

  const reload = useCallback(() => {
    if (key) cache.invalidate((candidate) => candidate === key);
  }, [cache, key]);

  const hasData = entry?.data !== undefined;
  return {
    data: entry?.data,
    error: entry?.error ?? null,
    isLoading: key !== null && !hasData && !entry?.error,
    isRefreshing: hasData && Boolean(entry?.isLoading),
    reload,
  };
}
