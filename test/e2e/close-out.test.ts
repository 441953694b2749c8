/** A person closes out a goal and carries it into the next cycle from My goals: an admin opened the
 * current cycle's close-out, the owner scores the goal (the score starts from its progress), says how
 * it ended and reflects, then carries it over; the draft that continues it is in the next cycle. Their
 * manager then reads the team's close-out in the Team view, comments on it and downloads the report. */
import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ADMIN_IDS } from "../../functions/src/directory/demo-org.js";
import { startCascade } from "../support/cascade-server.js";
import { launchChromium, type BrowserSession } from "./support/chromium.js";
import { callApiAs, createApprovedGoal, fetchDemoPeople, pickGoalCast, type GoalCast } from "./support/demo-api.js";
import { findGoalCard, signInWithKeyboard } from "./support/my-goals-page.js";

const TITLE = "Get every new hire shipping in their first week";
const REFLECTION = "The buddy plan worked in two teams; the others started too late.";

let cascade: Awaited<ReturnType<typeof startCascade>>;
let browser: BrowserSession;
let cast: GoalCast;
let goalId: string;
let cycles: any[];

describe("Close-out in a browser", () => {
  beforeAll(async () => {
    cascade = await startCascade();
    browser = await launchChromium();
    cast = await pickGoalCast(cascade.url, await fetchDemoPeople(cascade.url));
    goalId = await createApprovedGoal(cascade.url, cast, TITLE);
    cycles = (await callApiAs(cascade.url, cast.owner.id, "GET", "/api/cycles")).items;
    const current = cycles.find((c) => c.isCurrent);
    await callApiAs(cascade.url, DEMO_ADMIN_IDS[0]!, "POST", `/api/admin/cycles/${current.id}/close-out`);
  });

  afterAll(async () => {
    await browser?.close();
    await cascade?.stop();
  });

  it("the owner closes out a goal and carries it over from My goals", async () => {
    const current = cycles.find((c) => c.isCurrent);
    const next = cycles.filter((c) => c.status === "open" && c.startDate > current.startDate).sort((a, b) => a.startDate.localeCompare(b.startDate))[0];
    expect(next, "the demo organisation has a next cycle").toBeDefined();
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(new URL("/", cascade.url).href);
    await signInWithKeyboard(page, cast.owner);

    await page.getByRole("heading", { name: `Close out ${current.name}` }).waitFor();
    const form = page.getByRole("region", { name: TITLE });
    const score = form.getByRole("spinbutton", { name: /^Score/ });
    // Nothing moved since the goal was approved: the score starts at its progress, 0.
    expect(await score.inputValue()).toBe("0");
    await form.getByRole("button", { name: `Save the close-out of ${TITLE}` }).click();
    await form.getByText("Choose how the goal ended.").waitFor();
    await form.getByText("Write a short reflection", { exact: false }).waitFor();

    await score.fill("35");
    await form.getByRole("radio", { name: "Partly achieved" }).check();
    await form.getByRole("textbox", { name: /^Reflection/ }).fill(REFLECTION);
    await form.getByRole("button", { name: `Save the close-out of ${TITLE}` }).click();
    await form.getByText("Closed out: score 35 · Partly achieved").waitFor();

    await form.getByRole("combobox", { name: "Carry into" }).waitFor();
    expect(await form.getByRole("combobox", { name: "Carry into" }).textContent()).toContain(next.name);
    await form.getByRole("button", { name: `Carry ${TITLE} into the chosen cycle` }).click();
    await form.getByText(`Continues in ${next.name}`).waitFor();

    const source = await callApiAs(cascade.url, cast.owner.id, "GET", `/api/goals/${goalId}`);
    expect(source.closeOut).toMatchObject({ score: 35, outcome: "partly", reflection: REFLECTION });
    expect(source.carriedTo).toHaveLength(1);
    const draft = await callApiAs(cascade.url, cast.owner.id, "GET", `/api/goals/${source.carriedTo[0].goalId}`);
    expect(draft).toMatchObject({ status: "draft", cycleId: next.id, continuedFrom: goalId, title: TITLE });

    await page.getByRole("combobox", { name: "Cycle" }).click();
    await page.getByRole("option", { name: new RegExp(`^${next.name}`) }).click();
    await findGoalCard(page, TITLE).waitFor();
    expect(await findGoalCard(page, TITLE).getByText("Draft", { exact: true }).count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it("the manager reads the team's close-out, comments on it and downloads the cycle report", async () => {
    const current = cycles.find((c) => c.isCurrent);
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(new URL("/", cascade.url).href);
    await signInWithKeyboard(page, cast.manager);
    await page.getByRole("tab", { name: "Team", exact: true }).click();
    await page.getByRole("heading", { name: `Close-out of ${current.name}` }).waitFor();
    const item = page.getByRole("listitem").filter({ hasText: `${cast.owner.displayName}: ${TITLE}` });
    await item.getByText("Closed out: score 35 · Partly achieved").waitFor();
    await item.getByText(REFLECTION).waitFor();
    await item.getByRole("textbox", { name: `Your comment on ${TITLE}` }).fill("Good call to carry it on; let us pair the late teams with the pilots.");
    await item.getByRole("button", { name: "Comment" }).click();
    await item.getByRole("list", { name: "Comments on the close-out" }).getByText("Good call to carry it on", { exact: false }).waitFor();

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download the report (CSV)" }).click()]);
    expect(download.suggestedFilename()).toBe(`close-out-${current.id}.csv`);
    const csv = await readFile((await download.path())!, "utf8");
    expect(csv.replace(/^\uFEFF/, "").split("\r\n")[0]).toMatch(/^scope,person_id,person_name,/);
    expect(csv).toContain(`team,${cast.manager.id},`);
    expect(errors).toEqual([]);
  });
});
