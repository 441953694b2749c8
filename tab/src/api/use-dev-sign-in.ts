/** Local development sign-in: the demo organisation and tokens from the local issuer. */
import { useCallback, useState } from "react";
import { describeError } from "../i18n/describe-error.js";
import { useApi } from "./api-context.js";
import type { ApiClient } from "./client.js";
import type { DevToken, DevUser } from "./types.js";
import { useQuery, type QueryResult } from "./use-query.js";
import { useTranslator } from "../i18n/use-translator.js";

export function useDevUsers(): QueryResult<DevUser[]> {
  const { client } = useApi();
  const fetchUsers = useCallback(async () => (await client.request<DevUser[]>("/api/dev/users")).data, [client]);
  return useQuery("dev-users", fetchUsers);
}

export async function requestDevToken(client: ApiClient, userId: string): Promise<DevToken> {
  return (await client.request<DevToken>("/api/dev/token", { method: "POST", body: { userId } })).data;
}

export interface DevSignIn {
  signIn: (user: DevUser) => void;
  pendingUserId: string | null;
  error: string | null;
}

export interface SignedInPerson {
  userId: string;
  displayName: string;
  token: string;
  expiresAt: string;
}

export function useDevSignIn(onSignedIn: (person: SignedInPerson) => void): DevSignIn {
  const { client } = useApi();
  const tr = useTranslator();
  const [pendingUserId, setPendingUserId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const signIn = useCallback(
    (user: DevUser) => {
      setPendingUserId(user.id);
      setError(null);
      requestDevToken(client, user.id)
        .then((token) => onSignedIn({ userId: user.id, displayName: user.displayName, ...token }))
        .catch((cause: unknown) => {
          setError(describeError(cause, tr));
          setPendingUserId(null);
        });
    },
    [client, onSignedIn, tr],
  );
  return { signIn, pendingUserId, error };
}
