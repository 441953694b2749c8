/** Someone who cannot use a mouse writes a goal with a key result, sends it for approval, and their
 * manager approves it from the Approvals view: Tab, Shift+Tab, Enter, Space, arrows and typing only.
 * Wherever focus lands it is shown, it has a name a screen reader can say, and it is on something
 * to act on (no tab stops on badges or text). The editor keeps focus while it is open, also when it
 * is opened again at once; a closed panel gives focus back to the button that opened it; saves are
 * announced in the polite live region. */
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCascade } from "../support/cascade-server.js";
import { launchChromium, type BrowserSession } from "./support/chromium.js";
import { callApiAs, fetchDemoPeople, pickGoalCast, type GoalCast } from "./support/demo-api.js";
import { readFocus, tabTo, waitForFocus, type FocusedElement } from "./support/keyboard.js";
import type { DemoPerson } from "./support/my-goals-page.js";
import { waitForSettled } from "./support/tab-tour.js";

/** Longer than a closing panel may keep handing focus back to its opener. */
const FOCUS_SETTLE_MS = 2000;

let cascade: Awaited<ReturnType<typeof startCascade>>;
let browser: BrowserSession;

function expectShown(focus: FocusedElement, name: string | RegExp): void {
  expect(focus.isShown, `focus indicator on "${focus.name}"`).toBe(true);
  if (typeof name === "string") expect(focus.name).toContain(name);
  else expect(focus.name).toMatch(name);
}

function politeRegion(page: Page): Locator {
  return page.locator('[aria-live="polite"][data-announcer]');
}

/** Where focus is when it is not inside the surface, or null when it is. */
function readFocusOutside(surface: Locator): Promise<string | null> {
  return surface.evaluate((element) => (element.contains(document.activeElement) ? null : (document.activeElement?.outerHTML.slice(0, 200) ?? "(nothing)")));
}

async function signInByKeyboard(page: Page, person: DemoPerson): Promise<void> {
  await page.goto(new URL("/", cascade.url).href);
  const search = page.getByRole("searchbox", { name: "Find a person" });
  await search.waitFor();
  expectShown(await tabTo(page, search), "Find a person");
  await page.keyboard.type(person.displayName);
  await page.getByRole("button", { name: `Sign in as ${person.displayName}`, exact: false }).first().waitFor();
  await page.keyboard.press("ArrowDown");
  expectShown((await readFocus(page))!, person.displayName);
  await page.keyboard.press("Enter");
  await page.getByRole("heading", { name: "My goals", level: 1 }).waitFor();
  await waitForSettled(page);
}

async function typeInto(page: Page, target: Locator, text: string, name: string | RegExp): Promise<void> {
  expectShown(await tabTo(page, target), name);
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type(text);
}

async function findGoalId(ownerId: string, title: string): Promise<string> {
  const cycle = (await callApiAs(cascade.url, ownerId, "GET", "/api/cycles")).items.find((candidate: any) => candidate.isCurrent);
  const goals = await callApiAs(cascade.url, ownerId, "GET", `/api/goals?cycle=${cycle.id}`);
  const match = goals.items.find((candidate: any) => candidate.title === title);
  if (!match) throw new Error(`No goal titled ${title}`);
  return match.id;
}

describe("The tab with the keyboard only", () => {
  let cast: GoalCast;

  beforeAll(async () => {
    cascade = await startCascade();
    browser = await launchChromium();
    cast = await pickGoalCast(cascade.url, await fetchDemoPeople(cascade.url));
  });

  afterAll(async () => {
    await browser?.close();
    await cascade?.stop();
  });

  it("writes a goal, sends it for approval, and the manager approves it", async () => {
    const title = `Halve the time new customers wait to go live ${Date.now()}`;
    const owner = await browser.context.newPage();
    const ownerErrors: string[] = [];
    owner.on("pageerror", (error) => ownerErrors.push(error.message));
    await signInByKeyboard(owner, cast.owner);

    // The editor opens from the New goal button and gives focus back to it on Escape.
    const newGoal = owner.getByRole("button", { name: "New goal" }).first();
    expectShown(await tabTo(owner, newGoal), "New goal");
    await owner.keyboard.press("Enter");
    const editor = owner.getByRole("dialog", { name: "New goal" });
    await editor.waitFor();
    await expect.poll(() => readFocusOutside(editor), { message: "focus moves into the editor" }).toBeNull();
    await owner.keyboard.press("Escape");
    await editor.waitFor({ state: "detached" });
    expectShown(await waitForFocus(owner, newGoal), "New goal");

    // Opened again at once, it takes focus and keeps it: nothing of the closed one pulls it back.
    await owner.keyboard.press("Space");
    await editor.waitFor();
    await expect.poll(() => readFocusOutside(editor), { message: "focus moves into the reopened editor" }).toBeNull();
    await owner.waitForTimeout(FOCUS_SETTLE_MS);
    expect(await readFocusOutside(editor), "the reopened editor still has focus").toBeNull();
    for (let press = 0; press < 40; press++) {
      await owner.keyboard.press(press % 5 === 4 ? "Shift+Tab" : "Tab");
      expect(await readFocusOutside(editor), "Tab stays inside the editor").toBeNull();
      const focus = await readFocus(owner);
      expect(focus?.isShown, `focus indicator on "${focus?.name}"`).toBe(true);
      expect(focus?.name, `a name for the ${focus?.tag} with focus`).not.toBe("");
    }
    await typeInto(owner, editor.getByRole("textbox", { name: /^Title/ }), title, /^Title/);
    await typeInto(owner, editor.getByRole("textbox", { name: /^Description/ }), "New customers wait three weeks before they can use what they bought; one week is enough.", /^Description/);

    const parent = editor.getByRole("combobox", { name: /^Aligned to/ });
    expectShown(await tabTo(owner, parent), /Aligned to|Not aligned yet/);
    await owner.keyboard.press("Enter");
    await owner.getByRole("listbox").waitFor();
    await owner.keyboard.press("ArrowDown");
    await owner.keyboard.press("Enter");
    await owner.getByRole("listbox").waitFor({ state: "detached" });
    expect(await parent.textContent()).not.toContain("Not aligned yet");

    await typeInto(owner, editor.getByRole("textbox", { name: /^What will you measure/ }), "Days from purchase to first use", /^What will you measure/);
    await typeInto(owner, editor.getByRole("spinbutton", { name: /^Target/ }), "7", /^Target/);
    await typeInto(owner, editor.getByRole("textbox", { name: /^Unit/ }), "days", /^Unit/);

    const sendNow = editor.getByRole("button", { name: "Save and send for approval" });
    await expect.poll(() => sendNow.getAttribute("aria-disabled")).not.toBe("true");
    expectShown(await tabTo(owner, sendNow), "Save and send for approval");
    await owner.keyboard.press("Enter");
    await editor.waitFor({ state: "detached" });
    await expect.poll(() => politeRegion(owner).textContent()).toContain("Sent for approval");
    expectShown(await waitForFocus(owner, newGoal), "New goal");
    const card = owner.getByRole("article", { name: title });
    await card.getByText("Waiting for approval", { exact: true }).waitFor();

    // From there to the new goal's details, past its title and status, which are no tab stops.
    const cardDetails = card.getByRole("button", { name: `Details of ${title}` });
    expectShown(await tabTo(owner, cardDetails), `Details of ${title}`);
    expect(ownerErrors).toEqual([]);

    // The manager, in a page of their own, approves it from the Approvals view.
    const manager = await browser.context.newPage();
    const managerErrors: string[] = [];
    manager.on("pageerror", (error) => managerErrors.push(error.message));
    await signInByKeyboard(manager, cast.manager);
    const myGoalsTab = manager.getByRole("tab", { name: "My goals" });
    expectShown(await tabTo(manager, myGoalsTab, { backwards: true }), "My goals");
    const approvalsTab = manager.getByRole("tab", { name: "Approvals" });
    for (let press = 0; press < 8 && (await approvalsTab.getAttribute("aria-selected")) !== "true"; press++) {
      await manager.keyboard.press("ArrowRight");
      await manager.keyboard.press("Enter");
    }
    await manager.getByRole("heading", { name: "Approvals", level: 1 }).waitFor();
    await waitForSettled(manager);

    const item = manager.getByRole("article", { name: `${title}, from ${cast.owner.displayName}` });
    await item.waitFor();
    const details = item.getByRole("button", { name: `Details of ${title}` });
    expectShown(await tabTo(manager, details), `Details of ${title}`);
    await manager.keyboard.press("Enter");
    const drawer = manager.getByRole("dialog", { name: title });
    await drawer.waitFor();
    await expect.poll(() => readFocusOutside(drawer), { message: "focus moves into the details panel" }).toBeNull();
    await manager.keyboard.press("Escape");
    await drawer.waitFor({ state: "detached" });
    expectShown(await waitForFocus(manager, details), `Details of ${title}`);

    const approve = item.getByRole("button", { name: "Approve" });
    expectShown(await tabTo(manager, approve), "Approve");
    await manager.keyboard.press("Enter");
    await item.getByText("Approved", { exact: true }).waitFor();
    await expect.poll(() => politeRegion(manager).textContent()).toContain("Approved");
    const goal = await callApiAs(cascade.url, cast.owner.id, "GET", `/api/goals/${await findGoalId(cast.owner.id, title)}`);
    expect(goal.status).toBe("active");
    expect(managerErrors).toEqual([]);
  });
});
