/** Microsoft sign-in in a plain browser with MSAL: authorization code with PKCE by full-page redirect,
 * silent renewal, sign-out. Only imported (dynamically) outside Teams, Outlook and the Microsoft 365 app
 * in Entra mode, so nobody else downloads MSAL. */
import { InteractionRequiredAuthError, PublicClientApplication, type AccountInfo } from "@azure/msal-browser";
import type { EntraSignInSettings } from "../api/types.js";

export interface MicrosoftAccount {
  name: string;
  username: string;
}

export interface MicrosoftSession {
  /** The person signed in in this browser, or null. */
  account: MicrosoftAccount | null;
  /** Why the sign-in the page just came back from did not complete (refused, cancelled, misconfigured). */
  failure: unknown;
  /** Leaves for Microsoft's sign-in page; the page comes back here with a code. */
  signIn(): Promise<void>;
  /** An access token for the API, renewed silently; leaves for Microsoft when the person must act. */
  getToken(): Promise<string>;
  signOut(): Promise<void>;
}

/** The page is leaving for Microsoft; nothing after this should run, so the promise never settles. */
const NAVIGATING_AWAY = () => new Promise<never>(() => undefined);

function toAccount(account: AccountInfo): MicrosoftAccount {
  return { name: account.name || account.username, username: account.username };
}

export async function startMicrosoftSession(settings: EntraSignInSettings, origin = window.location.origin): Promise<MicrosoftSession> {
  // The redirect URI registered for the single-page app: the site root.
  const redirectUri = `${origin}/`;
  const msal = new PublicClientApplication({
    auth: { clientId: settings.clientId, authority: settings.authority, knownAuthorities: settings.knownAuthorities, redirectUri, postLogoutRedirectUri: redirectUri },
    // Signed in once per browser, not per browser tab; MSAL encrypts what it keeps there.
    cache: { cacheLocation: "localStorage" },
  });
  await msal.initialize();
  // Coming back from Microsoft with a code: MSAL checks the state, redeems the code with the PKCE verifier,
  // and returns to the page the sign-in started from.
  let failure: unknown = null;
  const result = await msal.handleRedirectPromise().catch((error: unknown) => {
    failure = error;
    return null;
  });
  const account = result?.account ?? msal.getActiveAccount() ?? msal.getAllAccounts()[0] ?? null;
  if (account) msal.setActiveAccount(account);
  const request = { scopes: settings.scopes };

  return {
    account: account ? toAccount(account) : null,
    failure,
    signIn: () => msal.loginRedirect(request),
    async getToken() {
      const active = msal.getActiveAccount();
      if (!active) {
        await msal.loginRedirect(request);
        return NAVIGATING_AWAY();
      }
      try {
        return (await msal.acquireTokenSilent({ ...request, account: active })).accessToken;
      } catch (error) {
        if (!(error instanceof InteractionRequiredAuthError)) throw error;
        await msal.acquireTokenRedirect({ ...request, account: active });
        return NAVIGATING_AWAY();
      }
    },
    signOut: () => msal.logoutRedirect({ account: msal.getActiveAccount() }),
  };
}
