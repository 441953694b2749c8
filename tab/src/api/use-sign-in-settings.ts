/** How this deployment signs people in, read from the server before anyone is signed in: the demo
 * organisation locally, Microsoft sign-in with the tenant's settings otherwise. */
import { useCallback, useEffect, useState } from "react";
import { ApiError, createApiClient } from "./client.js";
import type { SignInSettings } from "./types.js";

export interface SignInSettingsResult {
  settings: SignInSettings | null;
  error: ApiError | null;
  reload: () => void;
}

export function useSignInSettings(locale: string): SignInSettingsResult {
  const [settings, setSettings] = useState<SignInSettings | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let isCurrent = true;
    createApiClient({ getToken: async () => null, locale })
      .request<SignInSettings>("/api/auth/config")
      .then(({ data }) => isCurrent && setSettings(data))
      .catch((cause: unknown) => {
        if (isCurrent) setError(cause instanceof ApiError ? cause : new ApiError({ title: String(cause), status: 0 }));
      });
    return () => {
      isCurrent = false;
    };
  }, [attempt, locale]);

  const reload = useCallback(() => {
    setError(null);
    setAttempt((count) => count + 1);
  }, []);
  return { settings, error, reload };
}
