/** A manager decides on goals in the browser: in the tab's Approvals inbox, and in the local
 * "Teams chat" panel, which acts through /api/messages exactly as Teams would. */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCascade } from "../support/cascade-server.js";
import { launchChromium, type BrowserSession } from "./support/chromium.js";
import { signInWithKeyboard, type DemoPerson } from "./support/my-goals-page.js";

let cascade: Awaited<ReturnType<typeof startCascade>>;
let browser: BrowserSession;
let people: DemoPerson[];

async function devToken(userId: string): Promise<string> {
  const response = await fetch(new URL("/api/dev/token", cascade.url), { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ userId }) });
  return ((await response.json()) as { token: string }).token;
}

async function callApi(token: string, method: string, path: string, body?: unknown): Promise<any> {
  const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
  const response = await fetch(new URL(path, cascade.url), { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  expect(response.ok, `${method} ${path} → ${response.status}`).toBe(true);
  return response.json();
}

/** Someone whose manager has no decision waiting yet, so the page shows exactly one card to act on. */
async function pickEmployee(skip: Set<string>): Promise<{ employee: DemoPerson; manager: DemoPerson }> {
  const names = new Map<string, number>();
  for (const person of people) names.set(person.displayName, (names.get(person.displayName) ?? 0) + 1);
  for (const employee of people) {
    const manager = people.find((p) => p.id === employee.managerId);
    if (!manager || skip.has(manager.id) || names.get(manager.displayName) !== 1 || names.get(employee.displayName) !== 1) continue;
    const waiting = await callApi(await devToken(manager.id), "GET", "/api/approvals");
    if (waiting.items.length === 0) return { employee, manager };
  }
  throw new Error("No manager without pending approvals in the demo organisation");
}

/** The employee writes a goal aligned to a goal up their chain and sends it for approval. */
async function submitGoal(employee: DemoPerson, title: string): Promise<string> {
  const token = await devToken(employee.id);
  const cycle = (await callApi(token, "GET", "/api/cycles")).items.find((c: any) => c.isCurrent);
  const parents = await callApi(token, "GET", `/api/alignment/parent-options?cycle=${cycle.id}`);
  const body = {
    cycleId: cycle.id,
    title,
    description: "Customers leave when checkout is slow; a faster checkout keeps more of them buying.",
    dueDate: cycle.endDate,
    visibility: "public",
    parentId: parents.items[0].goal.id,
    weight: 1,
    keyResults: [{ title: "Median checkout time", kind: "number", start: 90, target: 30, current: 90, unit: "s" }],
  };
  const goal = await callApi(token, "POST", "/api/goals", body);
  const submitted = await callApi(token, "POST", `/api/goals/${goal.id}/submit`);
  expect(submitted.status).toBe("pending_approval");
  return goal.id;
}

async function goalStatus(userId: string, goalId: string): Promise<string> {
  return (await callApi(await devToken(userId), "GET", `/api/goals/${goalId}`)).status;
}

async function openAs(person: DemoPerson, viewTab: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(new URL("/", cascade.url).href);
  await signInWithKeyboard(page, person);
  await page.getByRole("tab", { name: viewTab }).click();
  return { page, errors };
}

describe("Approvals in a browser", () => {
  const used = new Set<string>();

  beforeAll(async () => {
    cascade = await startCascade();
    browser = await launchChromium();
    people = (await (await fetch(new URL("/api/dev/users", cascade.url))).json()) as DemoPerson[];
  });

  afterAll(async () => {
    await browser?.close();
    await cascade?.stop();
  });

  it("a manager approves a goal from the Approvals inbox in one click", async () => {
    const { employee, manager } = await pickEmployee(used);
    used.add(manager.id);
    const title = "Make checkout twice as fast for shoppers";
    const goalId = await submitGoal(employee, title);
    const { page, errors } = await openAs(manager, "Approvals");

    const item = page.getByRole("article", { name: `${title}, from ${employee.displayName}` });
    await item.getByText("A goal needs your approval").waitFor();
    await item.getByRole("button", { name: `Details of ${title}` }).press("Enter");
    await page.getByRole("dialog", { name: title }).waitFor();
    await page.keyboard.press("Escape");
    await page.getByRole("dialog").waitFor({ state: "detached" });
    await page.screenshot({ path: "test-results/approvals-pending.png", fullPage: true }).catch(() => undefined);
    await item.getByRole("button", { name: "Approve" }).click();
    await item.getByText("Approved", { exact: true }).waitFor();
    await expect.poll(() => goalStatus(employee.id, goalId)).toBe("active");
    expect(await item.getByRole("button", { name: "Approve" }).count()).toBe(0);
    await page.screenshot({ path: "test-results/approvals.png", fullPage: true }).catch(() => undefined);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("the Teams chat panel shows the card sent to the manager, and asks for changes with a comment", async () => {
    const { employee, manager } = await pickEmployee(used);
    used.add(manager.id);
    const title = "Answer every support chat within a minute";
    const goalId = await submitGoal(employee, title);
    const { page, errors } = await openAs(manager, "Teams chat");

    const message = page.getByRole("group", { name: "Message from Cascade" }).filter({ hasText: title });
    await message.getByRole("button", { name: "Request changes" }).click();
    await message.getByRole("button", { name: "Send request" }).click();
    await message.getByText("Say what should change so the owner can fix it.").first().waitFor();
    expect(await goalStatus(employee.id, goalId)).toBe("pending_approval");
    await message.getByRole("textbox").fill("Add a target for mobile shoppers too");
    await message.getByRole("button", { name: "Send request" }).click();
    await message.getByText("Changes requested", { exact: true }).waitFor();
    await page.screenshot({ path: "test-results/teams-chat.png", fullPage: true }).catch(() => undefined);
    await expect.poll(() => goalStatus(employee.id, goalId)).toBe("changes_requested");
    expect(errors).toEqual([]);
    await page.close();
  });
});
