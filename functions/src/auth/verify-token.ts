/** Verifies bearer tokens with jose. The same code checks Entra ID tokens and the local dev issuer's. */
import { errors as joseErrors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from "jose";
import { AppError } from "../domain/errors.js";
import type { Principal } from "../domain/types.js";

export interface VerifierOptions {
  getKey: JWTVerifyGetKey;
  /** Issuers accepted for a tenant; the token's own `tid` picks the tenant. */
  issuersFor(tenantId: string): string[];
  audiences: string[];
  allowedTenantIds: string[];
  clockToleranceSeconds?: number;
}

export type TokenVerifier = (authorization: string | null) => Promise<Principal>;

const TENANT_ID = /^[0-9a-fA-F-]{36}$/;
const MAX_SKEW_SECONDS = 300;

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

function toPrincipal(payload: JWTPayload, tenantId: string): Principal {
  const oid = payload["oid"];
  if (typeof oid !== "string" || oid.length === 0 || oid.length > 64) throw new AppError("unauthenticated", "The token has no object id (oid) claim.");
  const roles = Array.isArray(payload["roles"]) ? payload["roles"].filter((r): r is string => typeof r === "string") : [];
  const name = typeof payload["name"] === "string" ? payload["name"] : "";
  return { tenantId, userId: oid.toLowerCase(), name, roles };
}

function describe(error: unknown): string {
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
  return async (authorization) => {
    const match = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(authorization ?? "");
    if (!match) throw new AppError("unauthenticated", "Sign in: send an Authorization: Bearer token.");
    const token = match[1]!;
    const tenantId = readTenant(token);
    if (!allowed.has(tenantId)) throw new AppError("unauthenticated", "This organisation is not allowed to use this Cascade deployment.");
    try {
      const { payload } = await jwtVerify(token, options.getKey, {
        algorithms: ["RS256"],
        issuer: options.issuersFor(tenantId),
        audience: options.audiences,
        clockTolerance: tolerance,
        requiredClaims: ["exp", "iat", "tid", "oid"],
      });
      if (typeof payload["tid"] !== "string" || payload["tid"].toLowerCase() !== tenantId) throw new AppError("unauthenticated", "The token's tenant does not match.");
      return toPrincipal(payload, tenantId);
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError("unauthenticated", describe(error));
    }
  };
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
