/** A plain browser in Entra mode, against a loopback stand-in for Entra ID: the person sees Microsoft
 * sign-in (no demo picker), signs in by authorization code with PKCE, finds their goals, stays signed in
 * as tokens are renewed silently, and signs out. The API checks every token through its normal Entra
 * code path (ENTRA_AUTHORITY_HOST and ENTRA_JWKS_URL point at the stand-in). */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startCascade, type RunningCascade } from "../../functions/dev/start-cascade.js";
import { startFakeEntraSignIn, type FakeEntraSignIn, type SignInPerson } from "../fakes/fake-entra-sign-in.js";
import { buildCycle, buildGoalBody } from "../support/api-harness.js";
import { buildSmallOrg } from "../support/org-builder.js";
import { ensureTabBuilt } from "../support/tab-build.js";
import { launchChromium, type BrowserSession } from "./support/chromium.js";

const DAY_MS = 24 * 60 * 60 * 1000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

describe("Microsoft sign-in in a plain browser (Entra mode)", () => {
  const clientId = randomUUID();
  const tenantId = randomUUID();
  const org = buildSmallOrg();
  const person: SignInPerson = { tenantId, oid: org.alice.id, name: org.alice.displayName, username: "alice@contoso.test" };
  const goalTitle = `Ship the onboarding checklist ${Date.now()}`;
  let entra: FakeEntraSignIn;
  let cascade: RunningCascade;
  let browser: BrowserSession;

  beforeAll(async () => {
    ensureTabBuilt();
    // Tokens live a minute, shorter than MSAL's five-minute renewal margin: every API call renews silently.
    entra = await startFakeEntraSignIn({ clientId, tokenLifetimeSeconds: 60 });
    entra.signInAs(person);
    cascade = await startCascade({
      env: {
        AUTH_MODE: "entra",
        AAD_APP_CLIENT_ID: clientId,
        AAD_APP_TENANT_ID: tenantId,
        ENTRA_AUTHORITY_HOST: entra.authorityHost,
        ENTRA_JWKS_URL: entra.jwksUrl,
        STORAGE_CONNECTION_STRING: inject("azuriteConnectionString"),
        LOG_LEVEL: "warn",
      },
      port: 0,
    });
    const now = Date.now();
    const cycle = buildCycle(tenantId, { id: "current", name: "This quarter", startDate: isoDay(now - 30 * DAY_MS), endDate: isoDay(now + 60 * DAY_MS) });
    await cascade.services.directory.upsertPeople(tenantId, org.all);
    await cascade.services.goalDeps.cycles.saveCycle(cycle);
    const token = await entra.mintAccessToken(person, `api://${clientId}`);
    const created = await fetch(new URL("/api/goals", cascade.url), {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify(buildGoalBody({ cycleId: cycle.id, title: goalTitle, dueDate: cycle.endDate })),
    });
    expect(created.status).toBe(201);
    browser = await launchChromium({ isTrustingAnyCertificate: true });
  });

  afterAll(async () => {
    await browser?.close();
    await cascade?.stop();
    await entra?.close();
  });

  it("shows Microsoft sign-in, signs in with a PKCE code and lands on the person's goals", async () => {
    const page = await browser.context.newPage();
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));

    await page.goto(`${cascade.url}/`);
    const signIn = page.getByRole("button", { name: "Sign in with Microsoft" });
    await signIn.waitFor();
    await page.getByRole("heading", { name: "Sign in to Cascade", level: 1 }).waitFor();
    expect(await page.getByRole("heading", { name: "Choose who you are" }).count()).toBe(0);

    await signIn.focus();
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "My goals", level: 1 }).waitFor({ timeout: 30_000 });
    await page.getByRole("article", { name: goalTitle }).waitFor();
    expect(new URL(page.url()).origin).toBe(cascade.url);

    expect(entra.authorizeRequests).toHaveLength(1);
    const [authorize] = entra.authorizeRequests;
    expect(authorize).toMatchObject({ clientId, redirectUri: `${cascade.url}/`, codeChallengeMethod: "S256" });
    expect(authorize!.codeChallenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(authorize!.scope.split(" ")).toContain(`api://${clientId}/access_as_user`);
    expect(entra.codeRedemptions).toEqual([{ clientId, isPkceVerified: true }]);
    await page.getByRole("button", { name: `Signed in as ${person.name}. Open the person menu` }).waitFor();
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it("keeps the person signed in on a new visit, renewing the token silently with no new sign-in", async () => {
    const refreshesBefore = entra.refreshes;
    const page = await browser.context.newPage();
    await page.goto(`${cascade.url}/?view=my-goals`);
    await page.getByRole("article", { name: goalTitle }).waitFor({ timeout: 30_000 });
    expect(entra.authorizeRequests).toHaveLength(1);
    expect(entra.refreshes).toBeGreaterThan(refreshesBefore);
    await page.close();
  });

  it("signs out at Entra ID and comes back to the sign-in screen", async () => {
    const page = await browser.context.newPage();
    await page.goto(`${cascade.url}/`);
    await page.getByRole("button", { name: `Signed in as ${person.name}. Open the person menu` }).click({ timeout: 30_000 });
    await page.getByRole("menuitem", { name: "Sign out" }).click();
    await page.getByRole("button", { name: "Sign in with Microsoft" }).waitFor({ timeout: 30_000 });
    expect(entra.logouts).toEqual([{ postLogoutRedirectUri: `${cascade.url}/` }]);

    await page.reload();
    await page.getByRole("button", { name: "Sign in with Microsoft" }).waitFor();
    expect(await page.getByRole("heading", { name: "My goals", level: 1 }).count()).toBe(0);
    await page.close();
  });

  it("shows clearly when Entra ID refuses the sign-in, and lets the person try again", async () => {
    entra.signInAs(null);
    const page = await browser.context.newPage();
    await page.goto(`${cascade.url}/`);
    const signIn = page.getByRole("button", { name: "Sign in with Microsoft" });
    await signIn.click({ timeout: 30_000 });
    const failure = page.locator(".fui-MessageBar").filter({ hasText: "Sign-in did not work" });
    await failure.getByText("Sign-in was cancelled or refused", { exact: false }).waitFor({ timeout: 30_000 });
    // Said at once to a screen reader too, not only shown.
    await page.locator('[data-announcer="assertive"]').filter({ hasText: "Sign-in did not work" }).waitFor({ state: "attached" });

    entra.signInAs(person);
    await signIn.click();
    await page.getByRole("article", { name: goalTitle }).waitFor({ timeout: 30_000 });
    expect(await page.locator(".fui-MessageBar").filter({ hasText: "Sign-in did not work" }).count()).toBe(0);
    await page.close();
  });
});
