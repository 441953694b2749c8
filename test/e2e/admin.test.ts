/** An admin uses the Admin view in a browser: settings, cycles, sync, export and a typed-name
 * erasure. Someone without the admin role does not see the view. Everything it changes in the shared
 * demo organisation is put back or is new (a far-future cycle, a person with no reports erased on this test's own server). */
import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ADMIN_IDS, DEMO_PEOPLE } from "../../functions/src/directory/demo-org.js";
import { startCascade } from "../support/cascade-server.js";
import { launchChromium, type BrowserSession } from "./support/chromium.js";
import { signInWithKeyboard, type DemoPerson } from "./support/my-goals-page.js";

let cascade: Awaited<ReturnType<typeof startCascade>>;
let browser: BrowserSession;
const admin = DEMO_PEOPLE.find((p) => p.id === DEMO_ADMIN_IDS[0])! as DemoPerson;

beforeAll(async () => {
  cascade = await startCascade();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await cascade?.stop();
});

async function openAdmin(page: Page): Promise<void> {
  await page.goto(new URL("/", cascade.url).href);
  await signInWithKeyboard(page, admin);
  await page.getByRole("tab", { name: "Admin" }).click();
  await page.getByRole("heading", { name: "Admin", level: 1 }).waitFor();
}

async function saveApproval(page: Page, isOn: boolean): Promise<void> {
  const toggle = page.getByRole("switch", { name: "Goals need the manager's approval" });
  await toggle.waitFor();
  if ((await toggle.isChecked()) !== isOn) await toggle.click();
  await page.getByRole("button", { name: "Save settings" }).click();
  await page.getByText("Settings saved").first().waitFor();
}

async function eraseById(page: Page, personId: string): Promise<void> {
  await page.getByRole("textbox", { name: "Or enter their object id" }).fill(personId);
  await page.getByRole("button", { name: "Erase…" }).click();
  const dialog = page.getByRole("alertdialog");
  const erase = dialog.getByRole("button", { name: "Erase" });
  expect(await erase.isDisabled()).toBe(true);
  await dialog.getByRole("textbox").fill(personId);
  await erase.click();
  await dialog.waitFor({ state: "hidden" });
}

describe("the Admin view", () => {
  it("is not listed for people without the admin role", async () => {
    const page = await browser.context.newPage();
    const employee = DEMO_PEOPLE.find((p) => p.managerId !== null && !DEMO_ADMIN_IDS.includes(p.id) && DEMO_PEOPLE.filter((q) => q.displayName === p.displayName).length === 1)!;
    await page.goto(new URL("/", cascade.url).href);
    await signInWithKeyboard(page, employee as DemoPerson);
    await page.getByRole("tab", { name: "My goals" }).waitFor();
    expect(await page.getByRole("tab", { name: "Admin" }).count()).toBe(0);
    await page.goto(new URL("/?view=admin", cascade.url).href);
    await page.getByText("The Admin view is for Cascade admins", { exact: false }).waitFor();
    await page.close();
  });

  it("lets an admin change settings, manage cycles, sync, export and erase", async () => {
    const page = await browser.context.newPage();
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await openAdmin(page);

    await saveApproval(page, false);
    await saveApproval(page, true);

    const cycles = page.getByRole("form", { name: "New cycle" });
    await cycles.getByRole("textbox", { name: "Name" }).fill("E2E 2031");
    await cycles.getByLabel("First day").fill("2031-01-01");
    await cycles.getByLabel("Last day").fill("2031-03-31");
    await cycles.getByRole("button", { name: "Create cycle" }).click();
    await page.getByRole("button", { name: "Close E2E 2031" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Close cycle" }).click();
    await page.getByText("E2E 2031 is closed").first().waitFor();

    await page.getByRole("button", { name: "Sync now" }).click();
    await page.getByText("Last sync finished", { exact: false }).waitFor({ timeout: 30_000 });

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download everything (JSON)" }).click()]);
    const exported = JSON.parse(await readFile((await download.path())!, "utf8"));
    expect(exported.format).toBe("cascade-export/1");
    expect(exported.sections.people).toHaveLength(DEMO_PEOPLE.length);
    expect(exported.sections.goals.length).toBeGreaterThan(0);

    const nobody = "0badc0de-0000-4000-8000-000000000000";
    await eraseById(page, nobody);
    await page.getByText("The erasure did not start").first().waitFor();

    const leaver = DEMO_PEOPLE.find((p) => !DEMO_ADMIN_IDS.includes(p.id) && !DEMO_PEOPLE.some((q) => q.managerId === p.id))!;
    await eraseById(page, leaver.id);
    await page.getByText("Last erasure finished", { exact: false }).waitFor({ timeout: 30_000 });
    await page.getByText("A person's data was erased").first().waitFor();
    expect(pageErrors).toEqual([]);
  });
});
