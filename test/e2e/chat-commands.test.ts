/** Typing a command in the local "Teams chat" panel: the message goes through /api/messages as
 * Teams would send it, and the bot's answer appears in the chat. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCascade } from "../support/cascade-server.js";
import { launchChromium, type BrowserSession } from "./support/chromium.js";
import { pickDemoPerson, signInWithKeyboard } from "./support/my-goals-page.js";

let cascade: Awaited<ReturnType<typeof startCascade>>;
let browser: BrowserSession;

describe("Commands in the Teams chat panel", () => {
  beforeAll(async () => {
    cascade = await startCascade();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await cascade?.stop();
  });

  it('"my goals" typed in the chat is answered with the person\'s goals', async () => {
    const person = await pickDemoPerson(cascade.url);
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(new URL("/", cascade.url).href);
    await signInWithKeyboard(page, person);
    await page.getByRole("tab", { name: "Teams chat" }).click();

    const box = page.getByRole("textbox", { name: "Message to Cascade" });
    await box.fill("My goals");
    await box.press("Enter");
    const answer = page.getByRole("group", { name: "Message from Cascade" }).filter({ hasText: "Your goals:" });
    await answer.first().waitFor();
    expect(await box.inputValue()).toBe("");

    await box.fill("help");
    await page.getByRole("button", { name: "Send" }).click();
    const help = page.getByRole("group", { name: "Message from Cascade" }).filter({ hasText: "What I can do" }).first();
    await help.waitFor();
    const goalsBefore = await page.getByRole("group", { name: "Message from Cascade" }).filter({ hasText: "Your goals:" }).count();
    await help.getByRole("button", { name: "My goals" }).click();
    await expect.poll(() => page.getByRole("group", { name: "Message from Cascade" }).filter({ hasText: "Your goals:" }).count(), { timeout: 20_000 }).toBe(goalsBefore + 1);
    await page.screenshot({ path: "test-results/teams-chat-commands.png", fullPage: true }).catch(() => undefined);
    expect(errors).toEqual([]);
    await page.close();
  });
});
