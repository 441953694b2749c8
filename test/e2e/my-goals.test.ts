/** A person signs in to the demo organisation, writes a goal with a measurable result, reloads
 * the page and still finds it. Also logs how long the first screen took (timing is only logged:
 * the budget is checked by the benchmarks). */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCascade } from "../support/cascade-server.js";
import { launchChromium, type BrowserSession } from "./support/chromium.js";
import { createDraftGoal, findGoalCard, pickDemoPerson, readFirstRenderMs, signInWithKeyboard } from "./support/my-goals-page.js";

describe("My goals in a browser", () => {
  let cascade: Awaited<ReturnType<typeof startCascade>>;
  let browser: BrowserSession;

  beforeAll(async () => {
    cascade = await startCascade();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await cascade?.stop();
  });

  it("creates a goal with a key result that is still there after a reload", async () => {
    const page = await browser.context.newPage();
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    const person = await pickDemoPerson(cascade.url);

    await page.goto(new URL("/", cascade.url).href);
    const signInRenderMs = await readFirstRenderMs(page);
    await signInWithKeyboard(page, person);

    const title = `Cut customer onboarding time in half ${Date.now()}`;
    await createDraftGoal(page, {
      title,
      description: "New customers wait too long before they can use the product; halve the wait.",
      keyResultTitle: "Average onboarding time",
      target: "10",
      unit: "days",
    });
    const card = findGoalCard(page, title);
    await card.waitFor();
    await card.getByText("Average onboarding time").waitFor();

    await page.reload();
    const shellRenderMs = await readFirstRenderMs(page);
    const reloadedCard = findGoalCard(page, title);
    await reloadedCard.waitFor();
    await reloadedCard.getByText("Average onboarding time").waitFor();
    expect(await reloadedCard.getByText("Draft", { exact: true }).count()).toBe(1);
    expect(await reloadedCard.getByText("10 days", { exact: false }).count()).toBeGreaterThan(0);
    expect(pageErrors).toEqual([]);

    console.log(JSON.stringify({ e2e: "tab-first-render", signInPageMs: Math.round(signInRenderMs), signedInShellMs: Math.round(shellRenderMs) }));
  });
});
