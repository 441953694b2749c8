/** App-only tokens for Microsoft Graph through MSAL's client-credentials flow. MSAL caches the token
 * and refreshes it before expiry; one token source serves a whole sync. */
import { ConfidentialClientApplication, type Configuration } from "@azure/msal-node";

export const GRAPH_SCOPE = "https://graph.microsoft.com/.default";

export interface GraphCredentials {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  /** e.g. https://login.microsoftonline.com; plain http only for a loopback host (the local fake). */
  authorityHost: string;
}

export interface TokenSource {
  getToken(): Promise<string>;
}

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** MSAL refuses non-https authorities. For a loopback authority we fetch its OpenID metadata ourselves
 * and hand MSAL the https form of the same host as a known authority, so MSAL never tries discovery
 * (or the internet) and sends the token request to the metadata's own endpoint. */
type AuthorityConfig = Pick<Configuration["auth"], "authority" | "knownAuthorities" | "authorityMetadata">;

async function loopbackAuthority(host: URL, tenantId: string): Promise<AuthorityConfig> {
  const response = await fetch(`${host.origin}/${tenantId}/v2.0/.well-known/openid-configuration`);
  if (!response.ok) throw new Error(`The authority's OpenID metadata answered ${response.status}`);
  return {
    authority: `https://${host.host}/${tenantId}`,
    knownAuthorities: [host.host],
    authorityMetadata: JSON.stringify(await response.json()),
  };
}

async function createApp(credentials: GraphCredentials): Promise<ConfidentialClientApplication> {
  const host = new URL(credentials.authorityHost);
  const isLoopback = LOOPBACK_HOSTS.has(host.hostname);
  if (host.protocol !== "https:" && !(host.protocol === "http:" && isLoopback)) {
    throw new Error("The authority host must use https (plain http is accepted only on a loopback address).");
  }
  const auth: AuthorityConfig = host.protocol === "http:" ? await loopbackAuthority(host, credentials.tenantId) : { authority: `${host.origin}/${credentials.tenantId}` };
  return new ConfidentialClientApplication({ auth: { ...auth, clientId: credentials.clientId, clientSecret: credentials.clientSecret } });
}

export function createTokenSource(credentials: GraphCredentials, scope = GRAPH_SCOPE): TokenSource {
  let app: Promise<ConfidentialClientApplication> | null = null;
  return {
    async getToken() {
      app ??= createApp(credentials).catch((error: unknown) => {
        app = null;
        throw error;
      });
      const result = await (await app).acquireTokenByClientCredential({ scopes: [scope] });
      if (!result?.accessToken) throw new Error("Entra ID returned no access token for Microsoft Graph.");
      return result.accessToken;
    },
  };
}
