/** A thin local host: node:http → HttpRequest from @azure/functions → the registered handler.
 * It reads the same route table that main.ts registers with app.http. */
import functions, { type HttpHandler, type HttpResponseInit } from "@azure/functions";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { randomUUID } from "node:crypto";
import { AppError } from "../src/domain/errors.js";
import { describeError } from "../src/domain/logger.js";
import { createHandler, MAX_BODY_BYTES, MAX_FILE_BYTES, type RouteDef } from "../src/http/pipeline.js";
import { problemResponse } from "../src/http/problem.js";
import { buildRouteTable } from "../src/http/routes.js";
import type { Services } from "../src/composition/services.js";

/** The package is CommonJS; its classes are reached through the default export under Node's ESM loader. */
const { HttpRequest, InvocationContext } = functions;

interface CompiledRoute {
  def: RouteDef;
  pattern: RegExp;
  handler: HttpHandler;
}

function compileTemplate(template: string): RegExp {
  const source = template
    .split("/")
    .map((segment) => {
      const catchAll = /^\{\*(\w+)\}$/.exec(segment);
      if (catchAll) return `(?<${catchAll[1]}>.*)`;
      return segment.replace(/\{(\w+)\}/g, "(?<$1>[^/]+)").replace(/[.]/g, "\\.");
    })
    .join("/");
  return new RegExp(`^${source}$`);
}

async function readRequestBody(req: IncomingMessage, limit: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    // Past the limit the rest is not kept; the handler refuses the body by its declared or actual size.
    if (size > limit * 2) break;
    chunks.push(chunk as Buffer);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

function writeResponse(res: ServerResponse, init: HttpResponseInit, isHead: boolean): void {
  const headers = new Headers(init.headers as Record<string, string> | undefined);
  let body: string | Uint8Array | undefined;
  if (init.jsonBody !== undefined) {
    body = JSON.stringify(init.jsonBody);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
  } else if (typeof init.body === "string" || init.body instanceof Uint8Array) body = init.body;
  res.statusCode = init.status ?? 200;
  headers.forEach((value, key) => res.setHeader(key, value));
  res.end(isHead ? undefined : body);
}

function parseRequestUrl(req: IncomingMessage): URL {
  try {
    return new URL(req.url ?? "/", `http://${req.headers.host ?? "localhost"}`);
  } catch {
    return new URL(`http://localhost${req.url?.startsWith("/") ? req.url : "/"}`);
  }
}

/** A path segment that is not valid percent-encoded UTF-8 is the caller's mistake, not the server's. */
function decodeSegment(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    throw new AppError("bad_request", "The path is not valid percent-encoded UTF-8.");
  }
}

function findRoute(routes: CompiledRoute[], method: string, path: string): { route: CompiledRoute; params: Record<string, string> } | "method" | null {
  let isPathKnown = false;
  for (const route of routes) {
    const match = route.pattern.exec(path);
    if (!match) continue;
    if (!route.def.methods.includes(method as RouteDef["methods"][number])) {
      if (route.def.route !== "{*path}") isPathKnown = true;
      continue;
    }
    return { route, params: Object.fromEntries(Object.entries(match.groups ?? {}).map(([k, v]) => [k, decodeSegment(v ?? "")])) };
  }
  return isPathKnown ? "method" : null;
}

export interface LocalHost {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startLocalHost(options: { port: number; services: Services; host?: string }): Promise<LocalHost> {
  const routes: CompiledRoute[] = buildRouteTable(options.services.config).map((def) => ({
    def,
    pattern: compileTemplate(def.route),
    handler: createHandler(def, async () => options.services),
  }));
  const server = createServer(async (req, res) => {
    // A Host header is the client's to choose; one that is not a valid host must not fail the URL parse.
    const url = parseRequestUrl(req);
    const method = (req.method ?? "GET").toUpperCase();
    const path = url.pathname.replace(/^\/+/, "");
    try {
      const found = findRoute(routes, method, path);
      if (found === null || found === "method") {
        const error = found === "method" ? new AppError("method_not_allowed", `${method} is not supported here.`) : new AppError("not_found", "There is no such API route.");
        return writeResponse(res, problemResponse(error, url.pathname), false);
      }
      const bytes = method === "GET" || method === "HEAD" ? new Uint8Array() : await readRequestBody(req, found.route.def.isFileBody ? MAX_FILE_BYTES : MAX_BODY_BYTES);
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(", ") : (v ?? "")]));
      const request = new HttpRequest({ method, url: url.toString(), headers, body: { bytes }, params: found.params, query: Object.fromEntries(url.searchParams) });
      const context = new InvocationContext({ functionName: found.route.def.name, invocationId: randomUUID(), logHandler: (level, ...args) => level === "error" && console.error(...args) });
      writeResponse(res, await found.route.handler(request, context), method === "HEAD");
    } catch (error) {
      if (error instanceof AppError) return writeResponse(res, problemResponse(error, url.pathname), false);
      options.services.log("error", "Local host failed to answer", { error: describeError(error) });
      if (!res.headersSent) writeResponse(res, problemResponse(new AppError("internal", "An unexpected error happened.")), false);
    }
  });
  server.keepAliveTimeout = 5000;
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => server.once("error", reject).listen(options.port, host, resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  return {
    url: `http://${host === "0.0.0.0" ? "localhost" : host}:${port}`,
    port,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
