/** Serves the built tab from the Function App (same origin as the API), with security headers. */
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import type { HttpResponseInit } from "@azure/functions";
import { AppError } from "../domain/errors.js";
import type { RouteHandlers } from "./pipeline.js";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".map": "application/json; charset=utf-8",
};

/** Teams, Outlook and the Microsoft 365 app (web and the desktop and mobile clients' web views) may frame the tab. */
export const FRAME_ANCESTORS = [
  "'self'",
  "https://teams.microsoft.com",
  "https://*.teams.microsoft.com",
  "https://*.teams.microsoft.us",
  "https://local.teams.office.com",
  "https://*.office.com",
  "https://*.office365.com",
  "https://*.microsoft365.com",
  "https://*.cloud.microsoft",
  "https://outlook.office.com",
  "https://outlook.office365.com",
];

/** The page's headers. `signInOrigin` is Entra ID's origin in Entra mode: sign-in in a plain browser
 * fetches its metadata and exchanges the code for tokens there, and silent renewal may frame it. */
export function buildSecurityHeaders(signInOrigin: string | null = null): Record<string, string> {
  const signIn = signInOrigin ? ` ${signInOrigin}` : "";
  return {
    "content-security-policy": [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: https:",
      `connect-src 'self'${signIn}`,
      `frame-src 'self'${signIn}`,
      "font-src 'self' data:",
      "object-src 'none'",
      "base-uri 'self'",
      `frame-ancestors ${FRAME_ANCESTORS.join(" ")}`,
    ].join("; "),
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
  };
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** `requestPath` arrives decoded from the route parameter; decoding it again would read "%25" twice. */
export async function serveStatic(rootDir: string, requestPath: string, securityHeaders = buildSecurityHeaders()): Promise<HttpResponseInit> {
  const root = resolve(rootDir);
  const relative = normalize(requestPath).replace(/^([/\\])+/, "");
  let file = resolve(join(root, relative));
  if (file !== root && !file.startsWith(root + sep)) return { status: 404, body: "Not found" };
  const isAsset = extname(file) !== "";
  if (!(await isFile(file))) {
    if (isAsset) return { status: 404, headers: { "content-type": "text/plain" }, body: "Not found" };
    file = join(root, "index.html");
    if (!(await isFile(file))) return { status: 503, headers: { "content-type": "text/plain" }, body: "The tab has not been built. Run npm run build:tab." };
  }
  const isHashed = file.includes(`${sep}assets${sep}`);
  return {
    status: 200,
    headers: { ...securityHeaders, "content-type": TYPES[extname(file)] ?? "application/octet-stream", "cache-control": isHashed ? "public, max-age=31536000, immutable" : "no-cache" },
    body: new Uint8Array(await readFile(file)),
  };
}

export const staticHandlers = {
  tab: async ({ services, params }) => {
    const path = params.path ?? "";
    if (/^api(\/|$)/.test(path)) throw new AppError("not_found", "There is no such API route.");
    const { authMode, entra } = services.config;
    return serveStatic(services.tabDir, path, buildSecurityHeaders(authMode === "entra" ? new URL(entra.authorityHost).origin : null));
  },
} satisfies RouteHandlers;
