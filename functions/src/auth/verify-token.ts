/** Verifies bearer tokens with jose. The same code checks Entra ID tokens and the local dev issuer's.
 * jose loads with the first token to check, so starting an instance does not parse it. */
import type { JWTPayload, JWTVerifyGetKey } from "jose";
import { createBoundedMap } from "../bounded-map.js";
import { createLazyLoader } from "../lazy-loader.js";
import { AppError } from "../domain/errors.js";
import type { Principal } from "../domain/types.js";

export interface VerifierOptions {
  getKey: JWTVerifyGetKey;
  /** Issuers accepted for a tenant; the token's own `tid` picks the tenant. */
  issuersFor(tenantId: string): string[];
  audiences: string[];
  allowedTenantIds: string[];
  clockToleranceSeconds?: number;
  /** Milliseconds since the epoch; tests move it to expire remembered tokens. */
  now?: () => number;
}

export type TokenVerifier = (authorization: string | null) => Promise<Principal>;

const TENANT_ID = /^[0-9a-fA-F-]{36}$/;
const MAX_SKEW_SECONDS = 300;
/** A token verified once is trusted again until it expires (a signature check costs more than the rest
 * of a goal read), for at most this long, so keys removed from the key set stop counting soon after. */
const VERIFIED_MAX_MS = 10 * 60 * 1000;
const VERIFIED_MAX_ENTRIES = 10_000;

interface Verified {
  principal: Principal;
  untilMs: number;
}

/** Tokens that passed every check, by their exact text, in insertion order so the oldest go first. */
function createVerifiedCache(now: () => number) {
  const entries = createBoundedMap<string, Verified>(VERIFIED_MAX_ENTRIES);
  return {
    find(token: string): Principal | null {
      const hit = entries.get(token);
      if (!hit) return null;
      if (now() < hit.untilMs) return hit.principal;
      entries.delete(token);
      return null;
    },
    keep(token: string, principal: Principal, expiresAtSeconds: number): void {
      entries.set(token, { principal: Object.freeze(principal), untilMs: Math.min(expiresAtSeconds * 1000, now() + VERIFIED_MAX_MS) });
    },
  };
}

function readTenant(token: string): string {
  const parts = token.split(".");
  if (parts.length !== 3) throw new AppError("unauthenticated", "The bearer token is not a JWT.");
  try {
    const payload = JSON.parse(Buffer.from(parts[1]!, "base64url").toString("utf8")) as JWTPayload & { tid?: unknown };
    if (typeof payload.tid !== "string" || !TENANT_ID.test(payload.tid)) throw new Error("tid");
    return payload.tid.toLowerCase();
  } catch {
    throw new AppError("unauthenticated", "The token has no valid tenant (tid) claim.");
  }
}

/** The delegated permission the tab asks Entra ID for; only tokens carrying it may act as a person. */
export const USER_SCOPE = "access_as_user";

/** Entra ID issues app-only tokens (a daemon's client credentials) with the same issuer and audience as a
 * person's: they have `roles` but no `scp`, and `idtyp: "app"` when that claim is on. Such a token would
 * make any app in the tenant a person, and an admin through its application roles, so only a delegated
 * token that was granted this app's own scope is accepted. */
function requireDelegatedUser(payload: JWTPayload): void {
  if (payload["idtyp"] === "app") throw new AppError("insufficient_scope", "App-only tokens are not accepted: sign in as a person.");
  const scp = payload["scp"];
  if (typeof scp !== "string") throw new AppError("insufficient_scope", "The token is not a delegated access token (it has no scp claim).");
  if (!scp.split(" ").includes(USER_SCOPE)) throw new AppError("insufficient_scope", `The token was not granted the ${USER_SCOPE} scope.`);
}

/** Roles come only from a token that passed requireDelegatedUser, so they are app roles assigned to a person. */
function toPrincipal(payload: JWTPayload, tenantId: string): Principal {
  const oid = payload["oid"];
  if (typeof oid !== "string" || oid.length === 0 || oid.length > 64) throw new AppError("unauthenticated", "The token has no object id (oid) claim.");
  const roles = Array.isArray(payload["roles"]) ? payload["roles"].filter((r): r is string => typeof r === "string") : [];
  const name = typeof payload["name"] === "string" ? payload["name"] : "";
  return { tenantId, userId: oid.toLowerCase(), name, roles };
}

type Jose = typeof import("jose");
/** jose loads with the first token to check, or earlier with preloadTokenChecks. */
const jose = createLazyLoader<Jose>(() => import("jose"));

export function preloadTokenChecks(): Promise<unknown> {
  return jose.load();
}

function describe(joseErrors: Jose["errors"], error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return "The token has expired.";
  if (error instanceof joseErrors.JWTClaimValidationFailed) return `The token's ${error.claim} claim is not accepted.`;
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return "The token's signature is not valid.";
  if (error instanceof joseErrors.JOSEAlgNotAllowed) return "The token's signing algorithm is not accepted.";
  if (error instanceof joseErrors.JWKSNoMatchingKey) return "The token was signed by an unknown key.";
  return "The token is not valid.";
}

export function createTokenVerifier(options: VerifierOptions): TokenVerifier {
  const allowed = new Set(options.allowedTenantIds.map((t) => t.toLowerCase()));
  const tolerance = Math.min(options.clockToleranceSeconds ?? MAX_SKEW_SECONDS, MAX_SKEW_SECONDS);
  const now = options.now ?? Date.now;
  const verified = createVerifiedCache(now);
  return async (authorization) => {
    const match = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(authorization ?? "");
    if (!match) throw new AppError("unauthenticated", "Sign in: send an Authorization: Bearer token.");
    const token = match[1]!;
    const known = verified.find(token);
    if (known) return known;
    const tenantId = readTenant(token);
    if (!allowed.has(tenantId)) throw new AppError("unauthenticated", "This organisation is not allowed to use this Cascade deployment.");
    const { jwtVerify, errors } = await jose.load();
    try {
      const { payload } = await jwtVerify(token, options.getKey, {
        algorithms: ["RS256"],
        issuer: options.issuersFor(tenantId),
        audience: options.audiences,
        clockTolerance: tolerance,
        requiredClaims: ["exp", "iat", "tid", "oid"],
        currentDate: new Date(now()),
      });
      if (typeof payload["tid"] !== "string" || payload["tid"].toLowerCase() !== tenantId) throw new AppError("unauthenticated", "The token's tenant does not match.");
      requireDelegatedUser(payload);
      const principal = toPrincipal(payload, tenantId);
      verified.keep(token, principal, payload.exp!);
      return principal;
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError("unauthenticated", describe(errors, error));
    }
  };
}

/** Entra ID's signing keys from its JWKS address, fetched when the first token arrives and then kept. */
export function createRemoteKeys(jwksUrl: string): JWTVerifyGetKey {
  const keys = createLazyLoader(async () => (await jose.load()).createRemoteJWKSet(new URL(jwksUrl), { cooldownDuration: 30_000, cacheMaxAge: 6 * 60 * 60 * 1000 }));
  return async (protectedHeader, token) => (await keys.load())(protectedHeader, token);
}

/** Entra ID v1 and v2 issuers for a tenant. */
export function entraIssuers(authorityHost: string, tenantId: string): string[] {
  return [`${authorityHost.replace(/\/$/, "")}/${tenantId}/v2.0`, `https://sts.windows.net/${tenantId}/`];
}

export function entraAudiences(clientId: string, tabDomain: string | undefined): string[] {
  const audiences = [clientId, `api://${clientId}`];
  if (tabDomain) audiences.push(`api://${tabDomain}/${clientId}`);
  return audiences;
}
