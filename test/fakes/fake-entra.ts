/** A loopback stand-in for the Entra ID token service: OpenID metadata, instance discovery, signing
 * keys and the client-credentials grant, issuing RS256 tokens for Microsoft Graph. */
import { exportJWK, generateKeyPair, SignJWT, type JWK } from "jose";
import { randomUUID } from "node:crypto";
import { listen, readBody, sendJson, type LoopbackServer } from "./loopback-http.js";

export const GRAPH_AUDIENCE = "https://graph.microsoft.com";

export interface FakeEntra {
  url: string;
  /** Lets a client of the tenant get tokens, carrying the application permissions the tenant's admin
   * consented to (`roles`, default User.Read.All). */
  registerClient(tenantId: string, clientId: string, clientSecret: string, roles?: string[]): void;
  issuerFor(tenantId: string): string;
  jwks(): { keys: JWK[] };
  verifyKey: CryptoKey;
  tokensIssued: number;
  close(): Promise<void>;
}

interface TokenRequest {
  tenantId: string;
  form: URLSearchParams;
}

export async function startFakeEntra(options: { tokenLifetimeSeconds?: number } = {}): Promise<FakeEntra> {
  const { publicKey, privateKey } = await generateKeyPair("RS256", { extractable: true });
  const kid = randomUUID();
  const publicJwk = { ...(await exportJWK(publicKey)), kid, use: "sig", alg: "RS256" };
  const clients = new Map<string, { secret: string; roles: string[] }>();
  const lifetime = options.tokenLifetimeSeconds ?? 3600;

  const metadataFor = (tenantId: string) => {
    const base = `${server.url}/${tenantId}`;
    return {
      token_endpoint: `${base}/oauth2/v2.0/token`,
      authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
      end_session_endpoint: `${base}/oauth2/v2.0/logout`,
      jwks_uri: `${base}/discovery/v2.0/keys`,
      issuer: `${base}/v2.0`,
      response_types_supported: ["code", "id_token", "token"],
      token_endpoint_auth_methods_supported: ["client_secret_post"],
    };
  };

  async function issueToken({ tenantId, form }: TokenRequest): Promise<{ status: number; body: unknown }> {
    const clientId = form.get("client_id") ?? "";
    if (form.get("grant_type") !== "client_credentials") return { status: 400, body: { error: "unsupported_grant_type" } };
    const client = clients.get(`${tenantId}|${clientId}`);
    if (!client || client.secret !== form.get("client_secret")) {
      return { status: 401, body: { error: "invalid_client", error_description: "AADSTS7000215: Invalid client secret provided." } };
    }
    if (!(form.get("scope") ?? "").split(" ").includes(`${GRAPH_AUDIENCE}/.default`)) return { status: 400, body: { error: "invalid_scope" } };
    const accessToken = await new SignJWT({ tid: tenantId, appid: clientId, azp: clientId, roles: client.roles, idtyp: "app" })
      .setProtectedHeader({ alg: "RS256", kid, typ: "JWT" })
      .setIssuer(`https://sts.windows.net/${tenantId}/`)
      .setAudience(GRAPH_AUDIENCE)
      .setSubject(clientId)
      .setIssuedAt()
      .setExpirationTime(`${lifetime}s`)
      .sign(privateKey);
    fake.tokensIssued++;
    return { status: 200, body: { token_type: "Bearer", expires_in: lifetime, ext_expires_in: lifetime, access_token: accessToken } };
  }

  const server: LoopbackServer = await listen(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://loopback");
    const parts = url.pathname.split("/").filter(Boolean);
    const tenantId = parts[0] ?? "";
    const rest = parts.slice(1).join("/");
    if (req.method === "GET" && rest === "v2.0/.well-known/openid-configuration") return sendJson(res, 200, metadataFor(tenantId));
    if (req.method === "GET" && rest === "discovery/v2.0/keys") return sendJson(res, 200, { keys: [publicJwk] });
    if (req.method === "GET" && rest === "discovery/instance") {
      return sendJson(res, 200, { tenant_discovery_endpoint: `${server.url}/${tenantId}/v2.0/.well-known/openid-configuration`, "api-version": "1.1", metadata: [{ preferred_network: server.host, preferred_cache: server.host, aliases: [server.host] }] });
    }
    if (req.method === "POST" && rest === "oauth2/v2.0/token") {
      const { status, body } = await issueToken({ tenantId, form: new URLSearchParams(await readBody(req)) });
      return sendJson(res, status, body);
    }
    sendJson(res, 404, { error: "not_found" });
  });

  const fake: FakeEntra = {
    url: server.url,
    registerClient: (tenantId, clientId, clientSecret, roles = ["User.Read.All"]) => clients.set(`${tenantId}|${clientId}`, { secret: clientSecret, roles }),
    issuerFor: (tenantId) => `https://sts.windows.net/${tenantId}/`,
    jwks: () => ({ keys: [publicJwk] }),
    verifyKey: publicKey as CryptoKey,
    tokensIssued: 0,
    close: () => server.close(),
  };
  return fake;
}
