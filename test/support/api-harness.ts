/** Runs the real API over HTTP for integration tests: Azurite storage, Entra-mode token checks against
 * a local issuer, and a small org chart in a fresh tenant. */
import { randomUUID } from "node:crypto";
import { loadConfig } from "../../functions/src/config.js";
import { createServices, type Services } from "../../functions/src/composition/services.js";
import { startLocalHost } from "../../functions/dev/local-host.js";
import { DEFAULT_TAB_DIR } from "../../functions/dev/start-cascade.js";
import type { Cycle, Person } from "../../functions/src/domain/types.js";
import { startTestIssuer, type TestIssuer, type TokenClaims } from "./test-issuer.js";
import { buildSmallOrg } from "./org-builder.js";

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export interface RequestOptions {
  as?: Person | string | null;
  body?: unknown;
  rawBody?: string | Uint8Array<ArrayBuffer>;
  headers?: Record<string, string>;
}

export interface ApiHarness {
  url: string;
  tenantId: string;
  otherTenantId: string;
  org: ReturnType<typeof buildSmallOrg>;
  cycle: Cycle;
  issuer: TestIssuer;
  services: Services;
  tokenFor(person: Person | string, claims?: Partial<TokenClaims>): Promise<string>;
  request<T = any>(method: string, path: string, options?: RequestOptions): Promise<ApiResponse<T>>;
  stop(): Promise<void>;
}

export function buildCycle(tenantId: string, overrides: Partial<Cycle> = {}): Cycle {
  return { tenantId, id: "2027-q1", name: "Q1 2027", startDate: "2027-01-01", endDate: "2027-03-31", status: "open", ...overrides };
}

export async function startApiHarness(connectionString: string): Promise<ApiHarness> {
  const issuer = await startTestIssuer();
  const tenantId = randomUUID();
  const otherTenantId = randomUUID();
  const config = loadConfig({
    AUTH_MODE: "entra",
    AAD_APP_CLIENT_ID: issuer.clientId,
    ALLOWED_TENANT_IDS: `${tenantId},${otherTenantId}`,
    ENTRA_JWKS_URL: issuer.jwksUrl,
    ENTRA_AUTHORITY_HOST: issuer.authorityHost,
    STORAGE_CONNECTION_STRING: connectionString,
    LOG_LEVEL: "error",
  });
  const services = await createServices(config, { tabDir: DEFAULT_TAB_DIR });
  const org = buildSmallOrg();
  await services.directory.upsertPeople(tenantId, org.all);
  const cycle = buildCycle(tenantId);
  await services.goalDeps.cycles.saveCycle(cycle);
  const host = await startLocalHost({ port: 0, services });

  const tokenFor = (person: Person | string, claims: Partial<TokenClaims> = {}) =>
    issuer.mint({ tid: tenantId, oid: typeof person === "string" ? person : person.id, name: typeof person === "string" ? "" : person.displayName, ...claims });

  async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.as !== null && options.as !== undefined) {
      headers["authorization"] ??= `Bearer ${typeof options.as === "string" && options.as.includes(".") ? options.as : await tokenFor(options.as)}`;
    }
    let body: string | Uint8Array<ArrayBuffer> | undefined = options.rawBody;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers["content-type"] ??= "application/json";
    }
    const response = await fetch(`${host.url}${path}`, { method, headers, body });
    const text = await response.text();
    let parsed: unknown = text;
    if (/json/.test(response.headers.get("content-type") ?? "") && text) parsed = JSON.parse(text);
    return { status: response.status, headers: response.headers, body: parsed as T };
  }

  return {
    url: host.url,
    tenantId,
    otherTenantId,
    org,
    cycle,
    issuer,
    services,
    tokenFor,
    request,
    async stop() {
      await host.close();
      await issuer.close();
    },
  };
}

/** A goal body that passes the SMART check in the harness cycle. */
export function buildGoalBody(overrides: Record<string, unknown> = {}) {
  return {
    cycleId: "2027-q1",
    title: "Cut checkout time for customers",
    description: "Customers abandon slow checkouts; make checkout faster so more of them finish buying.",
    dueDate: "2027-03-15",
    visibility: "public",
    parentId: null,
    weight: 1,
    keyResults: [{ title: "Median checkout time", kind: "number", start: 90, target: 30, current: 90, unit: "s" }],
    ...overrides,
  };
}
