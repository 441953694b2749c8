/** A loopback stand-in for Entra ID's sign-in of a single-page app: OpenID metadata, /authorize (one
 * chosen person signs in at once and is sent back with a code), /token (redeems the code only with the
 * PKCE verifier that matches its challenge, and refresh tokens), signing keys and logout. It speaks HTTPS
 * with a throwaway certificate, as MSAL accepts only https authorities; the signing keys are also served
 * over plain HTTP for the API, which fetches them with Node's own trust store. */
import { createHash, randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { listen, readBody, sendJson, type LoopbackServer } from "./loopback-http.js";
import { createSelfSignedCert } from "./self-signed-cert.js";

export interface SignInPerson {
  tenantId: string;
  oid: string;
  name: string;
  username: string;
  roles?: string[];
}

export interface AuthorizeRequest {
  clientId: string;
  redirectUri: string;
  scope: string;
  state: string;
  nonce: string;
  codeChallenge: string;
  codeChallengeMethod: string;
  responseMode: string;
}

export interface FakeEntraSignIn {
  /** https://127.0.0.1:port, for ENTRA_AUTHORITY_HOST. */
  authorityHost: string;
  /** The signing keys over plain HTTP, for ENTRA_JWKS_URL. */
  jwksUrl: string;
  authorizeRequests: AuthorizeRequest[];
  /** Authorization codes redeemed, and whether the PKCE verifier matched. */
  codeRedemptions: Array<{ clientId: string; isPkceVerified: boolean }>;
  refreshes: number;
  logouts: Array<{ postLogoutRedirectUri: string | null }>;
  /** Who signs in at /authorize from now on; null refuses every sign-in (access_denied). */
  signInAs(person: SignInPerson | null): void;
  /** A delegated access token like the ones sign-in issues, for setting the scene through the API. */
  mintAccessToken(person: SignInPerson, resource: string): Promise<string>;
  close(): Promise<void>;
}

interface PendingCode extends AuthorizeRequest {
  person: SignInPerson;
}

const ACCESS_AS_USER = "/access_as_user";
const base64url = (value: string | Buffer) => Buffer.from(value).toString("base64url");

export async function startFakeEntraSignIn(options: { clientId: string; tokenLifetimeSeconds?: number }): Promise<FakeEntraSignIn> {
  const { publicKey, privateKey } = await generateKeyPair("RS256", { extractable: true });
  const kid = randomUUID();
  const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid, use: "sig", alg: "RS256" }] };
  const lifetime = options.tokenLifetimeSeconds ?? 3600;
  const codes = new Map<string, PendingCode>();
  const refreshTokens = new Map<string, { person: SignInPerson; resource: string }>();
  let person: SignInPerson | null = null;
  let origin = "";

  const sign = (claims: Record<string, unknown>, tenantId: string, audience: string) =>
    new SignJWT({ ver: "2.0", ...claims })
      .setProtectedHeader({ alg: "RS256", kid, typ: "JWT" })
      .setIssuer(`${origin}/${tenantId}/v2.0`)
      .setAudience(audience)
      .setIssuedAt()
      .setNotBefore(Math.floor(Date.now() / 1000) - 5)
      .setExpirationTime(`${lifetime}s`)
      .sign(privateKey);

  const mintAccessToken = (who: SignInPerson, resource: string) =>
    sign({ tid: who.tenantId, oid: who.oid, sub: who.oid, name: who.name, preferred_username: who.username, scp: "access_as_user", roles: who.roles ?? [], azp: options.clientId }, who.tenantId, resource);

  async function issueTokens(who: SignInPerson, resource: string, nonce: string | null) {
    const refreshToken = randomUUID();
    refreshTokens.set(refreshToken, { person: who, resource });
    const idClaims = { tid: who.tenantId, oid: who.oid, sub: who.oid, name: who.name, preferred_username: who.username, ...(nonce ? { nonce } : {}) };
    return {
      token_type: "Bearer",
      scope: `${resource}${ACCESS_AS_USER}`,
      expires_in: lifetime,
      ext_expires_in: lifetime,
      access_token: await mintAccessToken(who, resource),
      refresh_token: refreshToken,
      id_token: await sign(idClaims, who.tenantId, options.clientId),
      client_info: base64url(JSON.stringify({ uid: who.oid, utid: who.tenantId })),
    };
  }

  function authorize(url: URL, res: ServerResponse): void {
    const q = url.searchParams;
    const request: AuthorizeRequest = {
      clientId: q.get("client_id") ?? "",
      redirectUri: q.get("redirect_uri") ?? "",
      scope: q.get("scope") ?? "",
      state: q.get("state") ?? "",
      nonce: q.get("nonce") ?? "",
      codeChallenge: q.get("code_challenge") ?? "",
      codeChallengeMethod: q.get("code_challenge_method") ?? "",
      responseMode: q.get("response_mode") ?? "fragment",
    };
    fake.authorizeRequests.push(request);
    if (request.clientId !== options.clientId || !request.redirectUri) return sendJson(res, 400, { error: "invalid_request", error_description: "AADSTS700016: Application not found." });
    const answer = new URLSearchParams({ state: request.state });
    if (q.get("response_type") !== "code" || request.codeChallengeMethod !== "S256" || !request.codeChallenge || !person) {
      answer.set("error", person ? "invalid_request" : "access_denied");
      answer.set("error_description", person ? "AADSTS9002325: Proof Key for Code Exchange is required." : "AADSTS50126: Nobody is signed in.");
    } else {
      const code = randomUUID();
      codes.set(code, { ...request, person });
      answer.set("code", code);
      answer.set("client_info", base64url(JSON.stringify({ uid: person.oid, utid: person.tenantId })));
    }
    const separator = request.responseMode === "query" ? "?" : "#";
    res.writeHead(302, { location: `${request.redirectUri}${separator}${answer}` }).end();
  }

  async function token(form: URLSearchParams): Promise<{ status: number; body: unknown }> {
    const invalidGrant = (description: string) => ({ status: 400, body: { error: "invalid_grant", error_description: description } });
    if (form.get("client_id") !== options.clientId) return { status: 400, body: { error: "invalid_client", error_description: "AADSTS700016: Application not found." } };
    if (form.get("grant_type") === "refresh_token") {
      const known = refreshTokens.get(form.get("refresh_token") ?? "");
      if (!known) return invalidGrant("AADSTS70000: The refresh token is not valid.");
      fake.refreshes++;
      return { status: 200, body: await issueTokens(known.person, known.resource, null) };
    }
    if (form.get("grant_type") !== "authorization_code") return { status: 400, body: { error: "unsupported_grant_type" } };
    const pending = codes.get(form.get("code") ?? "");
    codes.delete(form.get("code") ?? "");
    if (!pending || pending.redirectUri !== form.get("redirect_uri")) return invalidGrant("AADSTS70008: The code is not valid or has been used.");
    const isPkceVerified = base64url(createHash("sha256").update(form.get("code_verifier") ?? "").digest()) === pending.codeChallenge;
    fake.codeRedemptions.push({ clientId: pending.clientId, isPkceVerified });
    if (!isPkceVerified) return invalidGrant("AADSTS501481: The code_verifier does not match the code_challenge supplied in the authorization request.");
    const scope = (form.get("scope") ?? pending.scope).split(" ").find((s) => s.endsWith(ACCESS_AS_USER));
    if (!scope) return { status: 400, body: { error: "invalid_scope" } };
    return { status: 200, body: await issueTokens(pending.person, scope.slice(0, -ACCESS_AS_USER.length), pending.nonce) };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "https://loopback");
    // A single-page app calls the metadata and token endpoints from its own origin.
    res.setHeader("access-control-allow-origin", req.headers.origin ?? "*");
    res.setHeader("access-control-allow-headers", "*");
    if (req.method === "OPTIONS") return void res.writeHead(204).end();
    const [tenantId = "", ...rest] = url.pathname.split("/").filter(Boolean);
    const path = rest.join("/");
    if (req.method === "GET" && path === "discovery/v2.0/keys") return sendJson(res, 200, jwks);
    if (req.method === "GET" && path === "v2.0/.well-known/openid-configuration") {
      const tenantBase = `${origin}/${tenantId}`;
      return sendJson(res, 200, {
        issuer: `${tenantBase}/v2.0`,
        authorization_endpoint: `${tenantBase}/oauth2/v2.0/authorize`,
        token_endpoint: `${tenantBase}/oauth2/v2.0/token`,
        end_session_endpoint: `${tenantBase}/oauth2/v2.0/logout`,
        jwks_uri: `${tenantBase}/discovery/v2.0/keys`,
        response_types_supported: ["code", "id_token", "code id_token"],
        response_modes_supported: ["query", "fragment", "form_post"],
        scopes_supported: ["openid", "profile", "email", "offline_access"],
        code_challenge_methods_supported: ["S256"],
      });
    }
    if (req.method === "GET" && path === "oauth2/v2.0/authorize") return authorize(url, res);
    if (req.method === "POST" && path === "oauth2/v2.0/token") {
      const { status, body } = await token(new URLSearchParams(await readBody(req)));
      return sendJson(res, status, body);
    }
    if (req.method === "GET" && path === "oauth2/v2.0/logout") {
      const postLogoutRedirectUri = url.searchParams.get("post_logout_redirect_uri");
      fake.logouts.push({ postLogoutRedirectUri });
      if (postLogoutRedirectUri) return void res.writeHead(302, { location: postLogoutRedirectUri }).end();
      return void res.writeHead(200, { "content-type": "text/plain" }).end("You have signed out.");
    }
    sendJson(res, 404, { error: "not_found" });
  }

  const secure: LoopbackServer = await listen(handle, createSelfSignedCert());
  const plain: LoopbackServer = await listen(handle);
  origin = secure.url;

  const fake: FakeEntraSignIn = {
    authorityHost: secure.url,
    jwksUrl: `${plain.url}/common/discovery/v2.0/keys`,
    authorizeRequests: [],
    codeRedemptions: [],
    refreshes: 0,
    logouts: [],
    signInAs: (next) => {
      person = next;
    },
    mintAccessToken,
    close: async () => {
      await Promise.all([secure.close(), plain.close()]);
    },
  };
  return fake;
}
