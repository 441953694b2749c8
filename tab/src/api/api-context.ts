import { createContext, useContext } from "react";
import type { ApiClient } from "./client.js";
import type { QueryCache } from "./query-cache.js";

export interface ApiContextValue {
  client: ApiClient;
  cache: QueryCache;
}

export const ApiContext = createContext<ApiContextValue | null>(null);

export function useApi(): ApiContextValue {
  const value = useContext(ApiContext);
  if (!value) throw new Error("useApi needs an ApiContext provider");
  return value;
}
