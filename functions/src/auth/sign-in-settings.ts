/** What the tab needs to sign a person in with Microsoft outside Teams, Outlook and the Microsoft 365
 * app. Read from the server at run time, so one build of the tab serves every tenant. Nothing here is
 * secret: the client id, authority and scope appear in every sign-in URL anyway. */
import type { Config } from "../config.js";
import type { SignInSettings } from "../contracts/people.js";

export type { SignInSettings } from "../contracts/people.js";

/** The delegated scope the tab asks for; the API accepts only tokens that carry it. */
export const ACCESS_AS_USER_SCOPE = "access_as_user";

/** The home tenant when there is one; a single allowed tenant; otherwise any work or school account,
 * the allowlist still deciding who gets in. */
function pickTenant(entra: Config["entra"]): string {
  if (entra.tenantId) return entra.tenantId;
  return entra.allowedTenantIds.length === 1 ? entra.allowedTenantIds[0]! : "organizations";
}

/** The application ID URI the tab's token is for: api://{TAB_DOMAIN}/{clientId} as Teams SSO needs it,
 * or api://{clientId} where no tab domain is set (a local Entra-mode run). Both are accepted audiences. */
export function apiResource(clientId: string, tabDomain: string | undefined): string {
  return tabDomain ? `api://${tabDomain}/${clientId}` : `api://${clientId}`;
}

export function describeSignIn(config: Pick<Config, "authMode" | "entra" | "tabDomain">): SignInSettings {
  if (config.authMode === "dev") return { mode: "dev" };
  const host = config.entra.authorityHost.replace(/\/+$/, "");
  return {
    mode: "entra",
    clientId: config.entra.clientId,
    authority: `${host}/${pickTenant(config.entra)}`,
    scopes: [`${apiResource(config.entra.clientId, config.tabDomain)}/${ACCESS_AS_USER_SCOPE}`],
    knownAuthorities: [new URL(host).host],
  };
}
