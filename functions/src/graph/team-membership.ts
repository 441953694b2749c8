/** Whether a person is a member of a team, asked of Microsoft Graph with the app's own token:
 * `GET /teams/{id}/members` filtered on the person's Entra object id (application permission
 * TeamMember.Read.Group through resource-specific consent where the app is installed in the team,
 * or TeamMember.Read.All). The Graph SDK and MSAL load with the first question, not at start. */
import { createBoundedMap } from "../bounded-map.js";
import type { TeamMembership } from "../domain/channel-dashboards.js";
import type { GraphApi } from "./graph-client.js";

export interface TeamMembershipOptions {
  graphBaseUrl: string;
  clientId: string;
  clientSecret: string;
  authorityHost: string;
  /** How long an answer is reused; a person added to or removed from the team counts after this. */
  cacheMs?: number;
  retryDelaySeconds?: number;
}

const CACHE_MAX = 20_000;
const DEFAULT_CACHE_MS = 60_000;

function readStatus(error: unknown): number {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === "number" ? status : 0;
}

export function createGraphTeamMembership(options: TeamMembershipOptions, now: () => number = Date.now): TeamMembership {
  const apis = new Map<string, Promise<GraphApi>>();
  const answers = createBoundedMap<string, { at: number; isMember: Promise<boolean> }>(CACHE_MAX);
  const cacheMs = options.cacheMs ?? DEFAULT_CACHE_MS;

  /** One client per tenant: each tenant consents for itself, so the token is the tenant's. */
  function apiFor(tenantId: string): Promise<GraphApi> {
    let api = apis.get(tenantId);
    if (!api) {
      api = Promise.all([import("./graph-client.js"), import("./graph-token.js")]).then(([{ createGraphApi }, { createTokenSource }]) =>
        createGraphApi({ graphBaseUrl: options.graphBaseUrl, tokens: createTokenSource({ tenantId, clientId: options.clientId, clientSecret: options.clientSecret, authorityHost: options.authorityHost }), maxThrottleRounds: 2, retryDelaySeconds: options.retryDelaySeconds }),
      );
      apis.set(tenantId, api);
    }
    return api;
  }

  async function askGraph(tenantId: string, teamId: string, userId: string): Promise<boolean> {
    const filter = encodeURIComponent(`(microsoft.graph.aadUserConversationMember/userId eq '${userId}')`);
    try {
      const found = await (await apiFor(tenantId)).get<{ value?: Array<{ userId?: string }> }>(`/teams/${encodeURIComponent(teamId)}/members?$filter=${filter}&$select=userId`);
      return (found.value ?? []).some((member) => member.userId === userId);
    } catch (error) {
      // An unknown team, or one the app may not read: nobody is a member as far as we can tell.
      if ([400, 403, 404].includes(readStatus(error))) return false;
      throw error;
    }
  }

  return {
    isMember(tenantId, teamId, userId) {
      const key = `${tenantId}|${teamId}|${userId}`;
      const hit = answers.get(key);
      if (hit && now() - hit.at < cacheMs) return hit.isMember;
      const isMember = askGraph(tenantId, teamId, userId);
      answers.set(key, { at: now(), isMember });
      isMember.catch(() => answers.delete(key));
      return isMember;
    },
  };
}
