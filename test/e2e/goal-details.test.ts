/** A goal's details, opened the way chat cards link to it (`?goal=`): the owner comments, their
 * manager thanks them from the link and lands on Team, the owner finds the thanks, a colleague
 * outside the chain sees kudos but no comments, and a link to a missing goal explains itself. */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCascade } from "../support/cascade-server.js";
import { launchChromium, type BrowserSession } from "./support/chromium.js";
import { createApprovedGoal, fetchDemoPeople, pickGoalCast, type GoalCast } from "./support/demo-api.js";
import { signInWithKeyboard, type DemoPerson } from "./support/my-goals-page.js";

const TITLE = "Get every new hire shipping in their first week";
const COMMENT = "Two teams piloted the buddy plan; both had new hires ship on day four.";
const KUDOS = "The buddy plan is a great idea, thank you for driving it!";

let cascade: Awaited<ReturnType<typeof startCascade>>;
let browser: BrowserSession;
let cast: GoalCast;
let goalId: string;

async function openSignedIn(person: DemoPerson): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(new URL("/", cascade.url).href);
  await signInWithKeyboard(page, person);
  return { page, errors };
}

/** The address a chat card links to. */
function buildLink(goal: string, view?: string): string {
  const url = new URL("/", cascade.url);
  if (view) url.searchParams.set("view", view);
  url.searchParams.set("goal", goal);
  return url.href;
}

function readParam(page: Page, name: string): string | null {
  return new URL(page.url()).searchParams.get(name);
}

describe("Goal details in a browser", () => {
  beforeAll(async () => {
    cascade = await startCascade();
    browser = await launchChromium();
    cast = await pickGoalCast(cascade.url, await fetchDemoPeople(cascade.url));
    goalId = await createApprovedGoal(cascade.url, cast, TITLE);
  });

  afterAll(async () => {
    await browser?.close();
    await cascade?.stop();
  });

  it("the owner opens their goal from a link and adds a comment", async () => {
    const { page, errors } = await openSignedIn(cast.owner);
    await page.goto(buildLink(goalId, "my-goals"));
    const panel = page.getByRole("dialog", { name: TITLE });
    await panel.getByText("No check-ins yet.", { exact: false }).waitFor();

    await panel.getByRole("tab", { name: "Kudos" }).click();
    await panel.getByText("Kudos from your colleagues and managers show here.").waitFor();
    expect(await panel.getByRole("button", { name: "Send kudos" }).count()).toBe(0);

    await panel.getByRole("tab", { name: "Comments" }).click();
    await panel.getByText("No comments yet.", { exact: false }).waitFor();
    await panel.getByRole("button", { name: "Add comment" }).click();
    await panel.getByText("Write a comment first.").waitFor();
    const box = panel.getByRole("textbox", { name: /^Add a comment/ });
    await box.fill(COMMENT);
    await box.press("Control+Enter");
    const comments = panel.getByRole("list", { name: "Comments" });
    await comments.getByText(COMMENT).waitFor();
    await comments.getByText("You", { exact: true }).waitFor();
    expect(await box.inputValue()).toBe("");

    await page.keyboard.press("Escape");
    await panel.waitFor({ state: "hidden" });
    expect(readParam(page, "goal")).toBeNull();

    const details = page.getByRole("article", { name: TITLE }).getByRole("button", { name: `Details of ${TITLE}` });
    await details.focus();
    await page.keyboard.press("Enter");
    await panel.getByRole("tab", { name: "History" }).click();
    await panel.getByRole("list", { name: "History" }).getByText("approved it", { exact: false }).waitFor();
    expect(readParam(page, "goal")).toBe(goalId);
    await page.keyboard.press("Escape");
    await panel.waitFor({ state: "hidden" });
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe(`Details of ${TITLE}`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("the manager follows the link to Team, reads the comment and sends kudos the owner then sees", async () => {
    const manager = await openSignedIn(cast.manager);
    await manager.page.goto(buildLink(goalId, "my-goals"));
    const panel = manager.page.getByRole("dialog", { name: TITLE });
    await panel.getByRole("tab", { name: "Comments" }).click();
    await panel.getByRole("list", { name: "Comments" }).getByText(COMMENT).waitFor();
    await expect.poll(() => readParam(manager.page, "view")).toBe("team");

    await panel.getByRole("tab", { name: "Kudos" }).click();
    await panel.getByRole("textbox", { name: new RegExp(`^Thank ${cast.owner.displayName}`) }).fill(KUDOS);
    await panel.getByRole("button", { name: "Send kudos" }).click();
    const sent = panel.getByRole("list", { name: "Kudos" });
    await sent.getByText(KUDOS).waitFor();
    await sent.getByText("You", { exact: true }).waitFor();
    expect(manager.errors).toEqual([]);
    await manager.page.close();

    const owner = await openSignedIn(cast.owner);
    await owner.page.goto(buildLink(goalId));
    const ownerPanel = owner.page.getByRole("dialog", { name: TITLE });
    await ownerPanel.getByRole("tab", { name: "Kudos" }).click();
    const received = ownerPanel.getByRole("list", { name: "Kudos" });
    await received.getByText(KUDOS).waitFor();
    await received.getByText(cast.manager.displayName, { exact: true }).waitFor();
    expect(readParam(owner.page, "view")).toBeNull();
    expect(owner.errors).toEqual([]);
    await owner.page.close();
  });

  it("a colleague outside the chain sees the kudos but no comments, and a missing goal shows a notice", async () => {
    const { page, errors } = await openSignedIn(cast.colleague);
    await page.goto(buildLink(goalId, "my-goals"));
    const panel = page.getByRole("dialog", { name: TITLE });
    await panel.getByRole("tab", { name: "Kudos" }).click();
    await panel.getByRole("list", { name: "Kudos" }).getByText(KUDOS).waitFor();
    expect(await panel.getByRole("tab", { name: "Comments" }).count()).toBe(0);
    await expect.poll(() => readParam(page, "view")).toBe("organisation");

    await page.goto(buildLink("no-such-goal"));
    const missing = page.getByRole("dialog", { name: "Goal" });
    await missing.getByText("This goal could not be found").waitFor();
    await missing.getByRole("button", { name: "Close" }).click();
    await missing.waitFor({ state: "hidden" });
    await page.getByRole("heading", { name: "My goals", level: 1 }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });
});
