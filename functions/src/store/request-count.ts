/** Counts the Table Storage round trips made on behalf of one logical operation (an API request, a
 * benchmark's view): a pipeline policy on every table client adds one per HTTP request sent, retries
 * included, to the count of the async scope it runs in. Outside a scope nothing is counted. */
import { AsyncLocalStorage } from "node:async_hooks";
import type { TableServiceClientOptions } from "@azure/data-tables";

type PipelinePolicy = NonNullable<TableServiceClientOptions["additionalPolicies"]>[number]["policy"];

interface Tally {
  requests: number;
  /** Sees the method and address of each request counted. */
  observe?: (request: string) => void;
}

const scope = new AsyncLocalStorage<Tally>();

export const requestCountPolicy: PipelinePolicy = {
  name: "cascadeStorageRequestCount",
  sendRequest(request, next) {
    const tally = scope.getStore();
    if (tally) {
      tally.requests++;
      tally.observe?.(`${request.method} ${request.url}`);
    }
    return next(request);
  },
};

/** Runs `work` in a fresh counting scope; `report` gets the number of storage requests it made, also
 * when it fails, and `observe` (if given) the method and address of each as it is sent. */
export async function countStorageRequests<T>(work: () => Promise<T>, report: (requests: number) => void, observe?: (request: string) => void): Promise<T> {
  const tally: Tally = { requests: 0, ...(observe ? { observe } : {}) };
  try {
    return await scope.run(tally, work);
  } finally {
    report(tally.requests);
  }
}

/** The storage requests counted so far in the current scope; null outside one. */
export function readStorageRequestCount(): number | null {
  return scope.getStore()?.requests ?? null;
}
