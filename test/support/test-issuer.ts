/** A local stand-in for Entra ID's signing keys: serves a JWKS over HTTP and mints tokens, including
 * the forged kinds an attacker would try. By default a token is what the tab gets for a person: a
 * delegated v2 access token with the access_as_user scope. */
import { createServer, type Server } from "node:http";
import { exportJWK, generateKeyPair, SignJWT, type JWK } from "jose";
import { createHmac, randomUUID } from "node:crypto";

export interface TokenClaims {
  tid: string;
  oid: string;
  name?: string;
  roles?: string[];
  /** Delegated scopes, space-separated; null leaves the claim out (as in an app-only token). */
  scp?: string | null;
  /** "app" marks an app-only token, "user" a delegated one; absent unless given, as by default in Entra ID. */
  idtyp?: "app" | "user";
  aud?: string;
  iss?: string;
  expiresInSeconds?: number;
  notBeforeSeconds?: number;
  /** Claims added last, overriding the ones above; an undefined value leaves the claim out. */
  extra?: Record<string, unknown>;
}

export interface TestIssuer {
  authorityHost: string;
  jwksUrl: string;
  clientId: string;
  mint(claims: TokenClaims): Promise<string>;
  mintWithOtherKey(claims: TokenClaims): Promise<string>;
  mintWithUnknownKid(claims: TokenClaims): Promise<string>;
  mintUnsigned(claims: TokenClaims): string;
  mintHmacWithPublicKey(claims: TokenClaims): Promise<string>;
  close(): Promise<void>;
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

export async function startTestIssuer(clientId = randomUUID()): Promise<TestIssuer> {
  const main = await generateKeyPair("RS256", { extractable: true });
  const other = await generateKeyPair("RS256", { extractable: true });
  const kid = randomUUID();
  const publicJwk: JWK = { ...(await exportJWK(main.publicKey)), kid, alg: "RS256", use: "sig" };
  const server: Server = createServer((req, res) => {
    if (req.url?.startsWith("/common/discovery/v2.0/keys")) {
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ keys: [publicJwk] }));
      return;
    }
    res.statusCode = 404;
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const authorityHost = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;

  function payloadOf(claims: TokenClaims) {
    const now = Math.floor(Date.now() / 1000);
    return {
      tid: claims.tid,
      oid: claims.oid,
      name: claims.name ?? "Test person",
      roles: claims.roles ?? [],
      ...(claims.scp === null ? {} : { scp: claims.scp ?? "access_as_user" }),
      ...(claims.idtyp ? { idtyp: claims.idtyp } : {}),
      ver: "2.0",
      iss: claims.iss ?? `${authorityHost}/${claims.tid}/v2.0`,
      aud: claims.aud ?? clientId,
      iat: now,
      nbf: now + (claims.notBeforeSeconds ?? -5),
      exp: now + (claims.expiresInSeconds ?? 3600),
      ...claims.extra,
    };
  }

  async function sign(claims: TokenClaims, key: CryptoKey, keyId: string): Promise<string> {
    return new SignJWT(payloadOf(claims)).setProtectedHeader({ alg: "RS256", kid: keyId, typ: "JWT" }).sign(key);
  }

  return {
    authorityHost,
    jwksUrl: `${authorityHost}/common/discovery/v2.0/keys`,
    clientId,
    mint: (claims) => sign(claims, main.privateKey, kid),
    mintWithOtherKey: (claims) => sign(claims, other.privateKey, kid),
    mintWithUnknownKid: (claims) => sign(claims, main.privateKey, randomUUID()),
    mintUnsigned: (claims) => `${b64({ alg: "none", typ: "JWT" })}.${b64(payloadOf(claims))}.`,
    async mintHmacWithPublicKey(claims) {
      const input = `${b64({ alg: "HS256", kid, typ: "JWT" })}.${b64(payloadOf(claims))}`;
      const secret = JSON.stringify(publicJwk);
      return `${input}.${createHmac("sha256", secret).update(input).digest("base64url")}`;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
