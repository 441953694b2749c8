/** Installs Cascade's Teams app in one person's personal scope through Microsoft Graph, with the
 * app-only token and the Graph client the directory sync uses (Retry-After on 429 honoured). Loaded
 * on first use only, so starting an instance does not pay for the Graph SDK and MSAL. */
import { createGraphApi, splitGraphBaseUrl, type GraphApi } from "../graph/graph-client.js";
import { createTokenSource } from "../graph/graph-token.js";
import type { InstallFailure } from "../store/app-install-store.js";

export type InstallOutcome =
  | { kind: "requested" }
  /** The app was there already; `chatId` is the person's chat with it, when Graph could name it. */
  | { kind: "already_installed"; chatId: string | null }
  | { kind: "failed"; reason: InstallFailure; status: number; retryAfterSeconds: number | null };

export interface AppInstaller {
  install(tenantId: string, userId: string): Promise<InstallOutcome>;
}

export interface GraphInstallerOptions {
  graphBaseUrl: string;
  /** The app's id in the tenant's app catalog. */
  teamsAppId: string;
  clientId: string;
  clientSecret: string;
  authorityHost: string;
  /** Throttling rounds waited out before giving up; installs run in the background, so few. */
  maxThrottleRounds?: number;
  retryDelaySeconds?: number;
}

interface InstalledApp {
  id: string;
}

function readStatus(error: unknown): number {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === "number" ? status : 0;
}

function readRetryAfter(error: unknown): number | null {
  const headers = (error as { headers?: { get?(name: string): string | null } } | null)?.headers;
  const seconds = Number(headers?.get?.("retry-after") ?? Number.NaN);
  return Number.isFinite(seconds) ? seconds : null;
}

function toFailure(error: unknown): InstallOutcome {
  const status = readStatus(error);
  const reason: InstallFailure = status === 403 ? "forbidden" : status === 404 ? "not_found" : status === 429 || status === 503 || status === 504 ? "throttled" : "error";
  return { kind: "failed", reason, status, retryAfterSeconds: readRetryAfter(error) };
}

/** The chat of an existing install: find the installation of this app, then ask for its chat. */
async function findChatId(api: GraphApi, user: string, teamsAppId: string): Promise<string | null> {
  const filter = encodeURIComponent(`teamsApp/id eq '${teamsAppId}'`);
  const found = await api.get<{ value?: InstalledApp[] }>(`/users/${user}/teamwork/installedApps?$expand=teamsApp&$filter=${filter}`);
  const installation = found.value?.[0];
  if (!installation) return null;
  const chat = await api.get<{ id?: string }>(`/users/${user}/teamwork/installedApps/${encodeURIComponent(installation.id)}/chat`);
  return chat.id ?? null;
}

export function createGraphAppInstaller(options: GraphInstallerOptions): AppInstaller {
  const apis = new Map<string, GraphApi>();
  const { root, version } = splitGraphBaseUrl(options.graphBaseUrl);
  const appBinding = `${root}/${version}/appCatalogs/teamsApps/${encodeURIComponent(options.teamsAppId)}`;

  /** One client per tenant: the token is the tenant's, since each tenant consents for itself. */
  const apiFor = (tenantId: string): GraphApi => {
    let api = apis.get(tenantId);
    if (!api) {
      const tokens = createTokenSource({ tenantId, clientId: options.clientId, clientSecret: options.clientSecret, authorityHost: options.authorityHost });
      api = createGraphApi({ graphBaseUrl: options.graphBaseUrl, tokens, maxThrottleRounds: options.maxThrottleRounds ?? 2, retryDelaySeconds: options.retryDelaySeconds });
      apis.set(tenantId, api);
    }
    return api;
  };

  return {
    async install(tenantId, userId) {
      const api = apiFor(tenantId);
      const user = encodeURIComponent(userId);
      try {
        await api.post(`/users/${user}/teamwork/installedApps`, { "teamsApp@odata.bind": appBinding });
        return { kind: "requested" };
      } catch (error) {
        if (readStatus(error) !== 409) return toFailure(error);
      }
      try {
        return { kind: "already_installed", chatId: await findChatId(api, user, options.teamsAppId) };
      } catch {
        return { kind: "already_installed", chatId: null };
      }
    },
  };
}
