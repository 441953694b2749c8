/** Decides, without waiting, whether the tab may be inside a Microsoft 365 host (Teams, Outlook, the
 * Microsoft 365 app). Their web and desktop clients frame the tab; mobile clients may not, so the app
 * manifest adds `inTeams=1` to the content URL (the name predates the other hosts). */

export function shouldTryTeams(isFramed: boolean, search: string): boolean {
  return isFramed || new URLSearchParams(search).get("inTeams") === "1";
}

export function isFramedWindow(win: Pick<Window, "self" | "top">): boolean {
  try {
    return win.self !== win.top;
  } catch {
    // A cross-origin parent makes `top` unreadable in some browsers, which itself means framed.
    return true;
  }
}

/** Resolves with the promise's value, or with `fallback` once `ms` have passed. */
export function settleWithin<T, F>(promise: Promise<T>, ms: number, fallback: F): Promise<T | F> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => resolve(fallback), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
