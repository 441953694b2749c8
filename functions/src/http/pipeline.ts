/** Turns a route definition into an Azure Functions HTTP handler: size limits, JSON parsing,
 * authentication and error mapping happen here once, so route files stay thin. */
import type { HttpHandler, HttpMethod, HttpRequest, HttpResponseInit, InvocationContext } from "@azure/functions";
import { AppError } from "../domain/errors.js";
import type { Principal } from "../domain/types.js";
import type { RouteServices, Services } from "../composition/services.js";
import { redactForHost } from "../logging.js";
import { describeError } from "../domain/logger.js";
import { countStorageRequests } from "../store/request-count.js";
import { toProblem } from "./problem.js";

export const MAX_BODY_BYTES = 64 * 1024;
/** Uploaded files (spreadsheets to import): 100k rows of a Viva Goals export fit with room to spare. */
export const MAX_FILE_BYTES = 40 * 1024 * 1024;

export interface RouteContext {
  services: RouteServices;
  request: HttpRequest;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  rawBody: string;
  /** The body's bytes, on routes with `isFileBody` (rawBody is then empty). */
  bodyBytes: Uint8Array;
  /** Present on routes with auth "user". */
  principal: Principal;
  log: InvocationContext;
}

export type RouteHandler = (ctx: RouteContext) => Promise<HttpResponseInit>;

/** A route group's handlers by route name; the route table says where each one is served. */
export type RouteHandlers = Record<string, RouteHandler>;

export interface RouteSpec {
  name: string;
  methods: HttpMethod[];
  /** Functions route template under the site root, e.g. "api/goals/{id}". */
  route: string;
  auth: "user" | "none";
  /** Present only where the route exists in local development mode. */
  isDevOnly?: boolean;
  /** Reads the raw body itself (e.g. the bot endpoint); the pipeline then only enforces the size limit. */
  isRawBody?: boolean;
  /** Takes a file as the body (up to MAX_FILE_BYTES), handed over as bytes and not parsed. */
  isFileBody?: boolean;
}

export interface RouteDef extends RouteSpec {
  handle: RouteHandler;
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): HttpResponseInit {
  return { status, headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers }, body: JSON.stringify(body) };
}

function describeLimit(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MB` : `${bytes / 1024} KB`;
}

async function readBytes(request: HttpRequest, limit: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) throw new AppError("payload_too_large", `The body is larger than ${describeLimit(limit)}.`);
  if (request.method === "GET" || request.method === "HEAD") return new Uint8Array();
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.byteLength > limit) throw new AppError("payload_too_large", `The body is larger than ${describeLimit(limit)}.`);
  return bytes;
}

function parseJson(request: HttpRequest, raw: string): unknown {
  if (raw.trim() === "") return undefined;
  const type = request.headers.get("content-type") ?? "";
  if (type && !/^application\/(.+\+)?json\b/i.test(type)) throw new AppError("unsupported_media_type", "Send the body as application/json.");
  try {
    return JSON.parse(raw);
  } catch {
    throw new AppError("malformed_json", "The body is not valid JSON.");
  }
}

const ANONYMOUS: Principal = { tenantId: "", userId: "", name: "", roles: [] };

/** Every answer, whatever produced it (JSON, problem, CSV, the tab's files, a plain 404), tells the
 * browser not to guess its type. */
export function withNoSniff(response: HttpResponseInit): HttpResponseInit {
  const headers = new Headers(response.headers as HeadersInit | undefined);
  headers.set("x-content-type-options", "nosniff");
  return { ...response, headers: Object.fromEntries(headers) };
}

/** With debug logging on, the response tells how many storage round trips it took (benchmarks read it). */
function withStorageCount(response: HttpResponseInit, requests: number): HttpResponseInit {
  const headers = new Headers(response.headers as HeadersInit | undefined);
  headers.set("x-storage-requests", String(requests));
  return { ...response, headers: Object.fromEntries(headers) };
}

/** The tab sends the language it shows in; replies use it, and cards sent later follow it (kept only
 * when it changes, see PersonLocales). A failure to keep it never fails the request. */
async function readCallerLocale(services: Services, principal: Principal, request: HttpRequest): Promise<Principal> {
  const requested = request.headers.get("accept-language");
  if (!requested) return principal;
  await services.locales.noteLocale(principal.tenantId, principal.userId, requested).catch((error: unknown) => services.log("warn", "Could not record a person's language", { error: describeError(error) }));
  return { ...principal, locale: requested };
}

export function createHandler(route: RouteDef, getServices: () => Promise<Services>): HttpHandler {
  return async (request, context) => {
    try {
      const services = await getServices();
      // The caller is identified before the body is read, so an anonymous request learns nothing from how its body is judged.
      const principal = route.auth === "user" ? await readCallerLocale(services, await services.verifyToken(request.headers.get("authorization")), request) : ANONYMOUS;
      const bytes = await readBytes(request, route.isFileBody ? MAX_FILE_BYTES : MAX_BODY_BYTES);
      const rawBody = route.isFileBody ? "" : new TextDecoder("utf-8").decode(bytes);
      const body = route.isRawBody || route.isFileBody ? undefined : parseJson(request, rawBody);
      const query = new URLSearchParams(request.query);
      let requests = 0;
      const response = await countStorageRequests(
        () => route.handle({ services, request, params: request.params, query, body, rawBody, bodyBytes: route.isFileBody ? bytes : new Uint8Array(), principal, log: context }),
        (counted) => {
          requests = counted;
          services.log("debug", "storage requests", { route: route.name, requests });
        },
      );
      return withNoSniff(services.config.logLevel === "debug" ? withStorageCount(response, requests) : response);
    } catch (error) {
      return withNoSniff(toProblem(error, { error: (message, details) => context.error(...redactForHost(message, details)) }, new URL(request.url).pathname));
    }
  };
}
