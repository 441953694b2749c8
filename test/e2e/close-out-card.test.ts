/** A person closes out a goal and carries it into the next cycle from the close-out card, in the local
 * "Teams chat" panel (which acts through /api/messages as Teams does): an admin opens the current
 * cycle's close-out, the card arrives, the owner fills it in, the card turns into the receipt, and its
 * "Carry over" button makes the draft that continues the goal in the next cycle. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ADMIN_IDS } from "../../functions/src/directory/demo-org.js";
import { startCascade } from "../support/cascade-server.js";
import { launchChromium, type BrowserSession } from "./support/chromium.js";
import { callApiAs, createApprovedGoal, fetchDemoPeople, pickGoalCast, type GoalCast } from "./support/demo-api.js";
import { signInWithKeyboard } from "./support/my-goals-page.js";

const TITLE = "Get every new hire shipping in their first week";
const REFLECTION = "Two teams ran the buddy plan; the others started it too late.";

let cascade: Awaited<ReturnType<typeof startCascade>>;
let browser: BrowserSession;
let cast: GoalCast;
let goalId: string;

describe("Close-out from the card in a browser", () => {
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

  it("the owner closes out a goal and carries it over from the close-out card in the chat", async () => {
    const cycles = (await callApiAs(cascade.url, cast.owner.id, "GET", "/api/cycles")).items;
    const current = cycles.find((c: any) => c.isCurrent);
    const next = cycles.filter((c: any) => c.status === "open" && c.startDate > current.endDate).sort((a: any, b: any) => a.startDate.localeCompare(b.startDate))[0];
    expect(next, "the demo organisation has a cycle after the current one").toBeDefined();

    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(new URL("/", cascade.url).href);
    await signInWithKeyboard(page, cast.owner);
    // Opening the chat installs the app for the owner (as adding it in Teams does), so the card can reach them.
    const installed = page.waitForResponse((r) => r.url().endsWith("/api/messages") && (r.request().postData() ?? "").includes("installationUpdate"));
    await page.getByRole("tab", { name: "Teams chat" }).click();
    expect((await installed).ok()).toBe(true);

    await callApiAs(cascade.url, DEMO_ADMIN_IDS[0]!, "POST", `/api/admin/cycles/${current.id}/close-out`);
    await page.getByRole("button", { name: "Check for new messages" }).click();
    const message = page.getByRole("group", { name: "Message from Cascade" }).filter({ hasText: `Close out ${current.name}` }).filter({ hasText: TITLE });
    await message.first().waitFor({ timeout: 20_000 });
    const card = message.first();
    // The owner has more than one goal to close out, so each form opens on its own.
    const goalForm = card.locator("div").filter({ has: page.getByText(TITLE, { exact: true }) }).filter({ has: page.getByRole("button", { name: "Close out", exact: true }) }).last();
    await goalForm.getByRole("button", { name: "Close out", exact: true }).click();
    await goalForm.getByRole("spinbutton", { name: /Score from 0 to 100/ }).fill("35");
    await goalForm.getByRole("radio", { name: "Partly achieved" }).check();
    await goalForm.getByRole("textbox", { name: /Reflection/ }).fill(REFLECTION);
    await goalForm.getByRole("button", { name: "Save the close-out" }).click();

    const receipt = page.getByRole("group", { name: "Message from Cascade" }).filter({ hasText: `Closed out for ${current.name}` }).filter({ hasText: REFLECTION });
    await receipt.first().waitFor({ timeout: 20_000 });
    await expect.poll(async () => (await callApiAs(cascade.url, cast.owner.id, "GET", `/api/goals/${goalId}`)).closeOut?.outcome).toBe("partly");

    await receipt.first().getByRole("button", { name: `Carry over to ${next.name}` }).first().click();
    await page.getByText(`Carried over to ${next.name} as a new draft.`).first().waitFor({ timeout: 20_000 });
    const source = await callApiAs(cascade.url, cast.owner.id, "GET", `/api/goals/${goalId}`);
    expect(source.closeOut).toMatchObject({ score: 35, outcome: "partly", reflection: REFLECTION });
    expect(source.carriedTo).toHaveLength(1);
    const draft = await callApiAs(cascade.url, cast.owner.id, "GET", `/api/goals/${source.carriedTo[0].goalId}`);
    expect(draft).toMatchObject({ status: "draft", cycleId: next.id, continuedFrom: goalId, title: TITLE });
    await page.screenshot({ path: "test-results/close-out-card.png", fullPage: true }).catch(() => undefined);
    expect(errors).toEqual([]);
    await page.close();
  });
});
