import { describe, expect, it } from "vitest";
import { problemResponse } from "../http/problem.js";
import { createStorageClientOptions, isStorageUnreachable, storageUnavailable, withStorageTimeout, STORAGE_REQUEST_TIMEOUT_MS } from "./storage-timeout.js";

describe("storage that does not answer", () => {
  it("counts timeouts, refused or reset connections and 503s as unreachable, and nothing else", () => {
    const abort = Object.assign(new Error("The operation was aborted."), { name: "AbortError" });
    for (const error of [abort, { code: "ECONNREFUSED" }, { code: "ECONNRESET" }, { code: "REQUEST_SEND_ERROR" }, { statusCode: 503 }]) expect(isStorageUnreachable(error)).toBe(true);
    for (const error of [new Error("boom"), { statusCode: 404 }, { statusCode: 412 }, { code: "InvalidInput" }, null, "ECONNREFUSED"]) expect(isStorageUnreachable(error)).toBe(false);
  });

  it("answers 503 storage_unavailable problem+json with Retry-After", () => {
    const response = problemResponse(storageUnavailable());
    expect(response.status).toBe(503);
    expect(response.headers).toMatchObject({ "content-type": "application/problem+json", "retry-after": "5" });
    expect(JSON.parse(response.body as string)).toMatchObject({ code: "storage_unavailable", status: 503 });
  });

  it("gives every table client the timeout policy and short retries", async () => {
    const options = createStorageClientOptions(true);
    expect(options.retryOptions?.maxRetries).toBe(2);
    const policy = options.additionalPolicies![0]!.policy;
    const request = { timeout: 0 } as Parameters<typeof policy.sendRequest>[0];
    const refused = Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
    await expect(policy.sendRequest(request, () => Promise.reject(refused))).rejects.toMatchObject({ code: "storage_unavailable" });
    expect(request.timeout).toBe(STORAGE_REQUEST_TIMEOUT_MS);
    const conflict = Object.assign(new Error("conflict"), { statusCode: 409 });
    await expect(policy.sendRequest(request, () => Promise.reject(conflict))).rejects.toBe(conflict);
  });

  it("waits longer only inside a background job's scope", async () => {
    const policy = createStorageClientOptions(true).additionalPolicies![0]!.policy;
    const timeoutSeen = async () => {
      const request = { timeout: 0 } as Parameters<typeof policy.sendRequest>[0];
      await policy.sendRequest(request, () => Promise.resolve({ status: 200 } as Awaited<ReturnType<Parameters<typeof policy.sendRequest>[1]>>));
      return request.timeout;
    };
    expect(await withStorageTimeout(30_000, async () => [await timeoutSeen(), await Promise.all([timeoutSeen(), timeoutSeen()])])).toEqual([30_000, [30_000, 30_000]]);
    expect(await timeoutSeen()).toBe(STORAGE_REQUEST_TIMEOUT_MS);
  });
});
