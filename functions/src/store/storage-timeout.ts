/** How long Cascade waits for Table Storage, set once for every table client. A stalled or unreachable
 * storage account turns into a quick 503 with Retry-After instead of requests that hang until the
 * caller gives up; a request that timed out is not retried, so a write is never sent twice by us. */
import { AsyncLocalStorage } from "node:async_hooks";
import type { TableServiceClientOptions } from "@azure/data-tables";
import { AppError } from "../domain/errors.js";
import { requestCountPolicy } from "./request-count.js";

/** Longer than a healthy request takes even on a loaded machine, short enough to answer well within 5 s. */
export const STORAGE_REQUEST_TIMEOUT_MS = 3000;
/** What a 503 tells the caller to wait before trying again. */
export const STORAGE_RETRY_AFTER_SECONDS = 5;

const timeoutScope = new AsyncLocalStorage<number>();

/** Runs `work` with a longer wait for each storage request: for a background job, such as the org
 * sync, whose large transactions on a busy host (or behind its own CPU-bound work) may take longer than
 * an API request should, and which nobody waits on interactively. Requests outside keep the short timeout. */
export function withStorageTimeout<T>(timeoutMs: number, work: () => Promise<T>): Promise<T> {
  return timeoutScope.run(timeoutMs, work);
}

type Policy = NonNullable<TableServiceClientOptions["additionalPolicies"]>[number]["policy"];

/** Network failures the SDK reports when storage cannot be reached or does not answer in time. */
const UNREACHABLE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ESOCKETTIMEDOUT", "EPIPE", "ECONNABORTED", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN", "REQUEST_SEND_ERROR"]);

export function isStorageUnreachable(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { name, code, statusCode } = error as { name?: unknown; code?: unknown; statusCode?: unknown };
  return name === "AbortError" || (typeof code === "string" && UNREACHABLE_CODES.has(code)) || statusCode === 503;
}

/** The answer a request got when storage did not answer in time or was away: it may be sent again. */
export const isStorageBusy = (error: unknown): boolean => error instanceof AppError && error.code === "storage_unavailable";

export function storageUnavailable(): AppError {
  return new AppError("storage_unavailable", "Storage is not answering right now. Nothing more was changed; try again shortly.", { retryAfterSeconds: STORAGE_RETRY_AFTER_SECONDS });
}

const timeoutPolicy: Policy = {
  name: "cascadeStorageTimeout",
  async sendRequest(request, next) {
    request.timeout = timeoutScope.getStore() ?? STORAGE_REQUEST_TIMEOUT_MS;
    try {
      return await next(request);
    } catch (error) {
      throw isStorageUnreachable(error) ? storageUnavailable() : error;
    }
  },
};

/** Options every table client gets: the timeout, few quick retries of refused connections, and the
 * count of round trips (per retry, so a retried request counts each time it is sent). */
export function createStorageClientOptions(allowInsecureConnection: boolean): TableServiceClientOptions {
  return {
    allowInsecureConnection,
    retryOptions: { maxRetries: 2, retryDelayInMs: 200, maxRetryDelayInMs: 800 },
    additionalPolicies: [
      { policy: timeoutPolicy, position: "perCall" },
      { policy: requestCountPolicy, position: "perRetry" },
    ],
  };
}
