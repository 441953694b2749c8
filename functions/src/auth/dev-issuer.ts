/** The local development issuer: mints real RS256 JWTs for demo people, shaped like the delegated
 * tokens Entra ID gives the tab. Exists only with AUTH_MODE=dev. */
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type JWK } from "jose";
import { randomUUID } from "node:crypto";
import type { JWTVerifyGetKey } from "jose";
import { USER_SCOPE } from "./verify-token.js";

export const DEV_AUDIENCE = "api://cascade-dev";
export const devIssuerFor = (tenantId: string) => `https://cascade.local/${tenantId}/v2.0`;
const TOKEN_LIFETIME_SECONDS = 60 * 60;

export interface DevIssuer {
  getKey: JWTVerifyGetKey;
  jwks: { keys: JWK[] };
  mint(claims: { tenantId: string; userId: string; name: string; roles: string[] }): Promise<{ token: string; expiresAt: string }>;
}

export async function createDevIssuer(): Promise<DevIssuer> {
  const { privateKey, publicKey } = await generateKeyPair("RS256", { extractable: true });
  const kid = randomUUID();
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: "RS256", use: "sig" };
  const jwks = { keys: [publicJwk] };
  return {
    getKey: createLocalJWKSet(jwks),
    jwks,
    async mint({ tenantId, userId, name, roles }) {
      const now = Math.floor(Date.now() / 1000);
      const token = await new SignJWT({ tid: tenantId, oid: userId, name, roles, scp: USER_SCOPE, ver: "2.0" })
        .setProtectedHeader({ alg: "RS256", kid, typ: "JWT" })
        .setIssuer(devIssuerFor(tenantId))
        .setAudience(DEV_AUDIENCE)
        .setSubject(userId)
        .setIssuedAt(now)
        .setNotBefore(now - 5)
        .setExpirationTime(now + TOKEN_LIFETIME_SECONDS)
        .sign(privateKey);
      return { token, expiresAt: new Date((now + TOKEN_LIFETIME_SECONDS) * 1000).toISOString() };
    },
  };
}
