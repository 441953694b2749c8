/** A leader of the demo organisation signs in and finds its cascade in the Organisation view: the
 * org chart with everyone's goals and figures, opened and searched the way a person would (someone
 * below the levels shown is found from the top); the
 * Team view shows the same leader's direct reports with their goals. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { startCascade } from "../support/cascade-server.js";
import { launchChromium, type BrowserSession } from "./support/chromium.js";
import { signInWithKeyboard, type DemoPerson } from "./support/my-goals-page.js";

async function findDemoPerson(baseUrl: string, name: string): Promise<DemoPerson> {
  const response = await fetch(new URL("/api/dev/users", baseUrl));
  const people = (await response.json()) as DemoPerson[];
  const person = people.find((candidate) => candidate.displayName === name);
  if (!person) throw new Error(`${name} is not in the demo organisation`);
  return person;
}

async function openView(page: Page, label: string): Promise<void> {
  await page.getByRole("tab", { name: label, exact: true }).click();
  await page.getByRole("heading", { name: label === "Team" ? "My team" : label, level: 1 }).waitFor();
}

describe("the demo organisation's cascade in a browser", () => {
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

  it("a leader sees the org chart with goals, opens a branch and searches for a person and a goal, deep ones too", async () => {
    const page = await browser.context.newPage();
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    const leader = await findDemoPerson(cascade.url, "Amara Okafor");
    await page.goto(new URL("/", cascade.url).href);
    await signInWithKeyboard(page, leader);
    await openView(page, "Organisation");

    const tree = page.getByRole("tree", { name: "Organisation chart with goals" });
    const ceo = tree.getByRole("treeitem", { name: "Amara Okafor, Chief Executive Officer" });
    await ceo.waitFor();
    expect(await ceo.getAttribute("aria-expanded")).toBe("true");
    await tree.getByRole("treeitem", { name: "Goal: Grow recurring revenue to 48 million" }).waitFor();
    expect(await page.locator('[data-figure="people"]').innerText()).toContain("50");

    // One answer holds the top of the organisation; a branch whose reports it cut off shows its own
    // goals and figures, and opens as its own answer.
    const search = page.getByRole("searchbox", { name: "Find a person or a goal" });
    await search.fill("customers love");
    await tree.getByRole("treeitem", { name: "Goal: Make customers love the product again" }).waitFor();
    await page.getByRole("status").filter({ hasText: /match/ }).waitFor();
    await search.fill("");
    await page.getByRole("region", { name: "Needs attention" }).getByRole("button", { name: /^Nothing aligned to them yet/ }).waitFor();

    // Someone deep below the levels the top answer holds is found from the top, on the server, and
    // the match opens the branch they are in.
    await search.fill("Fatima");
    const further = page.getByRole("region", { name: "Further down the organisation" });
    await further.getByRole("button", { name: "Fatima Zahra El Idrissi · in Hiroshi Tanaka's team" }).click();
    await tree.getByRole("treeitem", { name: "Hiroshi Tanaka, Director of Platform Engineering" }).waitFor();
    await tree.getByRole("treeitem", { name: "Fatima Zahra El Idrissi, Engineering Manager, Infrastructure" }).waitFor();
    expect(await tree.getByRole("treeitem", { name: /Amara Okafor/ }).count()).toBe(0);
    await search.fill("");
    await page.getByRole("button", { name: "Back", exact: true }).click();
    await ceo.waitFor();

    const cto = tree.getByRole("treeitem", { name: "Daniel Kim, Chief Technology Officer" });
    await cto.getByText("Daniel Kim", { exact: true }).first().click();
    await expect.poll(() => cto.getByRole("treeitem", { name: /^Goal: / }).count()).toBeGreaterThan(0);
    await cto.getByRole("button", { name: "Show Daniel Kim's 2 reports" }).click();
    const ctoRoot = tree.getByRole("treeitem", { name: "Daniel Kim, Chief Technology Officer" });
    await ctoRoot.getByRole("treeitem", { name: "Hiroshi Tanaka, Director of Platform Engineering" }).waitFor();
    expect(await tree.getByRole("treeitem", { name: /Amara Okafor/ }).count()).toBe(0);

    await search.fill("Fatima");
    await tree.getByRole("treeitem", { name: "Fatima Zahra El Idrissi, Engineering Manager, Infrastructure" }).waitFor();
    await expect.poll(() => tree.getByRole("treeitem", { name: /Olivia Chen/ }).count()).toBe(0);
    await search.fill("");
    await page.getByRole("button", { name: "Back", exact: true }).click();
    await tree.getByRole("treeitem", { name: "Amara Okafor, Chief Executive Officer" }).waitFor();

    expect(pageErrors).toEqual([]);
  });

  it("the Team view lists the leader's direct reports with their goals, and opens a report's team", async () => {
    const page = await browser.context.newPage();
    const leader = await findDemoPerson(cascade.url, "Amara Okafor");
    await page.goto(new URL("/", cascade.url).href);
    await signInWithKeyboard(page, leader);
    await openView(page, "Team");
    const reports = page.getByRole("region", { name: "Direct reports" });
    const cto = reports.getByRole("article", { name: "Daniel Kim" });
    await cto.waitFor();
    expect(await reports.getByRole("article").count()).toBe(8);
    expect(await cto.getByRole("list", { name: "Daniel Kim's goals" }).getByRole("listitem").count()).toBeGreaterThan(0);
    await cto.getByRole("button", { name: /^Open Daniel Kim's team/ }).click();
    await page.getByRole("heading", { name: "Daniel Kim's team", level: 1 }).waitFor();
    await page.getByRole("region", { name: "Direct reports" }).getByRole("article", { name: "Hiroshi Tanaka" }).waitFor();
  });
});
