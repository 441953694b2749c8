/** Tells the API the person's time zone once per session, so reminders arrive at their local time. */
import { useEffect } from "react";
import { useApi } from "./api-context.js";

const SENT_KEY = "cascade:time-zone-sent";

export function readBrowserTimeZone(): string | null {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || null;
  } catch {
    return null;
  }
}

export function useRememberTimeZone(isSignedIn: boolean): void {
  const { client } = useApi();
  useEffect(() => {
    const timeZone = readBrowserTimeZone();
    if (!isSignedIn || !timeZone || window.sessionStorage.getItem(SENT_KEY) === timeZone) return;
    client.request("/api/me/time-zone", { method: "PUT", body: { timeZone } }).then(
      () => window.sessionStorage.setItem(SENT_KEY, timeZone),
      () => undefined,
    );
  }, [client, isSignedIn]);
}
