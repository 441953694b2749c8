/** Walking the whole tab for the language and accessibility tests: a demo person signed in without
 * the picker (so the sign-in page's words do not matter), every view by its address, and a wait until
 * loading has finished. */
import type { Page } from "playwright-core";
import { DEMO_ADMIN_IDS, DEMO_PEOPLE } from "../../../functions/src/directory/demo-org.js";
import { fetchDevToken } from "./demo-api.js";

/** Every view the shell has, the hidden channel-tab page and the admin-only one included. */
export const VIEW_IDS = ["my-goals", "team", "organisation", "dashboard", "approvals", "chat", "config", "admin"] as const;
export type ViewId = (typeof VIEW_IDS)[number];

/** An admin who manages a team: every view has something to show them. */
export const TOUR_PERSON = DEMO_PEOPLE.find((person) => person.id === DEMO_ADMIN_IDS[0])!;

/** Puts the person's session where the tab keeps it, before any page script runs. */
export async function signInQuietly(page: Page, baseUrl: string, person: { id: string; displayName: string } = TOUR_PERSON): Promise<void> {
  const response = await fetch(new URL("/api/dev/token", baseUrl), { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ userId: person.id }) });
  const { token, expiresAt } = (await response.json()) as { token: string; expiresAt: string };
  const session = JSON.stringify({ userId: person.id, displayName: person.displayName, token, expiresAt });
  await page.addInitScript((value) => window.sessionStorage.setItem("cascade.session", value), session);
}

export { fetchDevToken };

/** Spinners, skeletons and busy regions gone, twice in a row a moment apart (a view may load in steps). */
export async function waitForSettled(page: Page): Promise<void> {
  const isBusy = () => page.evaluate(() => Boolean(document.querySelector('.fui-Spinner, .fui-Skeleton, [aria-busy="true"]')));
  const deadline = Date.now() + 30_000;
  let quietChecks = 0;
  while (quietChecks < 2) {
    if (Date.now() > deadline) throw new Error("The page kept loading for 30 s");
    quietChecks = (await isBusy()) ? 0 : quietChecks + 1;
    await page.waitForTimeout(250);
  }
}

export async function openView(page: Page, baseUrl: string, viewId: ViewId, search: Record<string, string> = {}): Promise<void> {
  const url = new URL("/", baseUrl);
  url.searchParams.set("view", viewId);
  for (const [name, value] of Object.entries(search)) url.searchParams.set(name, value);
  await page.goto(url.href);
  await page.locator("main").first().waitFor();
  await waitForSettled(page);
}
