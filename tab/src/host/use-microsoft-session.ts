/** The Microsoft session of a plain browser in Entra mode. MSAL loads here, on demand, and only here. */
import { useCallback, useEffect, useState } from "react";
import type { EntraSignInSettings } from "../api/types.js";
import type { MicrosoftSession } from "./microsoft-session.js";
import { describeSignInError } from "./sign-in-errors.js";
import { useTranslator } from "../i18n/use-translator.js";

export type MicrosoftSessionState =
  | { status: "starting" }
  | { status: "ready"; session: MicrosoftSession }
  | { status: "failed"; message: string };

export interface MicrosoftSessionControls {
  state: MicrosoftSessionState;
  /** Set when leaving for Microsoft failed (signing in or out); the page stays. */
  actionError: string | null;
  isLeaving: boolean;
  signIn: () => void;
  signOut: () => void;
}

/** One MSAL instance per page: the redirect response can be handled only once, and React may run an
 * effect twice (strict mode) or mount the app again. */
const sessions = new Map<string, Promise<MicrosoftSession>>();

function loadSession(settings: EntraSignInSettings): Promise<MicrosoftSession> {
  const key = `${settings.authority} ${settings.clientId}`;
  let pending = sessions.get(key);
  if (!pending) {
    pending = import("./microsoft-session.js").then(({ startMicrosoftSession }) => startMicrosoftSession(settings));
    pending.catch(() => sessions.delete(key));
    sessions.set(key, pending);
  }
  return pending;
}

export function useMicrosoftSession(settings: EntraSignInSettings): MicrosoftSessionControls {
  const tr = useTranslator();
  const [state, setState] = useState<MicrosoftSessionState>({ status: "starting" });
  const [actionError, setActionError] = useState<string | null>(null);
  const [isLeaving, setIsLeaving] = useState(false);

  useEffect(() => {
    let isCurrent = true;
    loadSession(settings).then(
      (session) => {
        if (!isCurrent) return;
        setState({ status: "ready", session });
        if (session.failure) setActionError(describeSignInError(session.failure, tr));
      },
      (error: unknown) => isCurrent && setState({ status: "failed", message: describeSignInError(error, tr) }),
    );
    return () => {
      isCurrent = false;
    };
  }, [settings, tr]);

  const leaveWith = useCallback(
    (go: (session: MicrosoftSession) => Promise<void>) => {
      if (state.status !== "ready") return;
      setActionError(null);
      setIsLeaving(true);
      go(state.session).catch((error: unknown) => {
        setIsLeaving(false);
        setActionError(describeSignInError(error, tr));
      });
    },
    [state, tr],
  );

  const signIn = useCallback(() => leaveWith((session) => session.signIn()), [leaveWith]);
  const signOut = useCallback(() => leaveWith((session) => session.signOut()), [leaveWith]);
  return { state, actionError, isLeaving, signIn, signOut };
}
