import { describe, expect, it, vi } from "vitest";
import { ApiError, createApiClient } from "./client.js";

function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });
}

describe("createApiClient", () => {
  it("sends the bearer token, JSON body and If-Match, and returns the ETag", async () => {
    const fetchImpl = vi.fn(async () => jsonResponse(200, { id: "g-1" }, { ETag: 'W/"2"' }));
    const client = createApiClient({ getToken: async () => "token-1", fetchImpl });

    const response = await client.request<{ id: string }>("/api/goals/g-1", { method: "PATCH", body: { title: "New" }, ifMatch: 'W/"1"' });

    expect(response).toEqual({ data: { id: "g-1" }, etag: 'W/"2"' });
    const [url, init] = fetchImpl.mock.calls[0] as unknown as [string, RequestInit];
    const headers = new Headers(init.headers);
    expect(url).toBe("/api/goals/g-1");
    expect(init.method).toBe("PATCH");
    expect(init.body).toBe('{"title":"New"}');
    expect(headers.get("Authorization")).toBe("Bearer token-1");
    expect(headers.get("If-Match")).toBe('W/"1"');
    expect(headers.get("Content-Type")).toBe("application/json");
  });

  it("sends the person's language as Accept-Language when it has one", async () => {
    const fetchImpl = vi.fn(async () => jsonResponse(200, []));
    await createApiClient({ getToken: async () => null, fetchImpl, locale: "de" }).request("/api/goals");
    await createApiClient({ getToken: async () => null, fetchImpl }).request("/api/goals");
    const calls = fetchImpl.mock.calls as unknown as Array<[string, RequestInit]>;
    expect(new Headers(calls[0]?.[1].headers).get("Accept-Language")).toBe("de");
    expect(new Headers(calls[1]?.[1].headers).has("Accept-Language")).toBe(false);
  });

  it("sends a file as the body with its own media type and further headers", async () => {
    const fetchImpl = vi.fn(async () => jsonResponse(200, { rows: 1 }));
    const file = new Blob(["id,type,title\r\n"]);
    await createApiClient({ getToken: async () => "t", fetchImpl }).request("/api/admin/imports?dryRun=true", { method: "POST", file: { body: file, type: "text/csv" }, headers: { "Import-Options": "{}" } });
    const [, init] = fetchImpl.mock.calls[0] as unknown as [string, RequestInit];
    const headers = new Headers(init.headers);
    expect(init.body).toBe(file);
    expect(headers.get("Content-Type")).toBe("text/csv");
    expect(headers.get("Import-Options")).toBe("{}");
  });

  it("sends no Authorization header without a token", async () => {
    const fetchImpl = vi.fn(async () => jsonResponse(200, []));
    await createApiClient({ getToken: async () => null, fetchImpl }).request("/api/dev/users");
    const [, init] = fetchImpl.mock.calls[0] as unknown as [string, RequestInit];
    expect(new Headers(init.headers).has("Authorization")).toBe(false);
  });

  it("turns a problem+json answer into an ApiError with field errors", async () => {
    const problem = { type: "about:blank", title: "Invalid goal", status: 400, code: "validation", errors: [{ path: "title", message: "Too short" }] };
    const fetchImpl = vi.fn(async () => new Response(JSON.stringify(problem), { status: 400, headers: { "content-type": "application/problem+json" } }));
    const client = createApiClient({ getToken: async () => "t", fetchImpl });

    const error = await client.request("/api/goals", { method: "POST", body: {} }).catch((cause: unknown) => cause);

    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(400);
    expect((error as ApiError).problem.errors).toEqual([{ path: "title", message: "Too short" }]);
  });

  it("reports a 401 to the shell", async () => {
    const onUnauthorized = vi.fn();
    const fetchImpl = vi.fn(async () => new Response("", { status: 401, statusText: "Unauthorized" }));
    const client = createApiClient({ getToken: async () => "old", fetchImpl, onUnauthorized });

    await expect(client.request("/api/me")).rejects.toMatchObject({ status: 401 });
    expect(onUnauthorized).toHaveBeenCalledOnce();
  });

  it("maps a network failure to a plain-language problem", async () => {
    const client = createApiClient({ getToken: async () => "t", fetchImpl: async () => Promise.reject(new TypeError("Failed to fetch")) });
    await expect(client.request("/api/me")).rejects.toMatchObject({ problem: { status: 0, code: "network", title: "Cannot reach Cascade" } });
  });

  it("returns no data for 204", async () => {
    const client = createApiClient({ getToken: async () => "t", fetchImpl: async () => new Response(null, { status: 204 }) });
    await expect(client.request("/api/goals/g-1", { method: "DELETE" })).resolves.toEqual({ data: undefined, etag: null });
  });
});
