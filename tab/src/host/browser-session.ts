/** The demo person chosen in a plain browser, kept for this browser tab only (sessionStorage). */

export interface BrowserSession {
  userId: string;
  displayName: string;
  token: string;
  expiresAt: string;
}

const SESSION_KEY = "cascade.session";
/** Treat a token this close to expiry as gone, so a request never leaves with a dying token. */
const EXPIRY_MARGIN_MS = 30_000;

function isSession(value: unknown): value is BrowserSession {
  if (typeof value !== "object" || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return ["userId", "displayName", "token", "expiresAt"].every((field) => typeof candidate[field] === "string");
}

export function readSession(storage: Pick<Storage, "getItem">, now: number = Date.now()): BrowserSession | null {
  const raw = storage.getItem(SESSION_KEY);
  if (!raw) return null;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (!isSession(parsed)) return null;
    const expiresAt = Date.parse(parsed.expiresAt);
    return Number.isFinite(expiresAt) && expiresAt - EXPIRY_MARGIN_MS > now ? parsed : null;
  } catch {
    return null;
  }
}

export function writeSession(storage: Pick<Storage, "setItem">, session: BrowserSession): void {
  storage.setItem(SESSION_KEY, JSON.stringify(session));
}

export function clearSession(storage: Pick<Storage, "removeItem">): void {
  storage.removeItem(SESSION_KEY);
}
