/** An admin imports goals in the browser: downloads the template, previews and imports a filled-in
 * template, imports it again (nothing duplicated, a changed value updated), maps the columns of
 * another sheet, and imports a Viva Goals export. What the import wrote is checked through the API. */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ADMIN_IDS, DEMO_PEOPLE } from "../../functions/src/directory/demo-org.js";
import { TEMPLATE_HEADER_ROW } from "../../functions/src/contracts/import-template.js";
import type { Person } from "../../functions/src/domain/types.js";
import { startCascade } from "../support/cascade-server.js";
import { buildTemplateTable, buildVivaTable, toCsv, toXlsx, type Table } from "../support/import-files.js";
import { launchChromium, type BrowserSession } from "./support/chromium.js";
import { callApiAs } from "./support/demo-api.js";
import { signInWithKeyboard, type DemoPerson } from "./support/my-goals-page.js";

let cascade: Awaited<ReturnType<typeof startCascade>>;
let browser: BrowserSession;
let folder: string;
const admin = DEMO_PEOPLE.find((p) => p.id === DEMO_ADMIN_IDS[0])! as DemoPerson;
const isUnique = (person: Person) => DEMO_PEOPLE.filter((q) => q.displayName === person.displayName).length === 1;
const ceo = DEMO_PEOPLE.find((p) => p.managerId === null)!;
const manager = DEMO_PEOPLE.find((p) => p.managerId === ceo.id && isUnique(p) && DEMO_PEOPLE.some((q) => q.managerId === p.id))!;
const alice = DEMO_PEOPLE.find((p) => p.managerId === manager.id && isUnique(p))!;
const vp = DEMO_PEOPLE.find((p) => p.managerId === ceo.id && p.id !== manager.id && isUnique(p))!;

beforeAll(async () => {
  cascade = await startCascade();
  browser = await launchChromium();
  folder = await mkdtemp(join(tmpdir(), "cascade-import-"));
});
afterAll(async () => {
  await browser?.close();
  await cascade?.stop();
  if (folder) await rm(folder, { recursive: true, force: true });
});

async function openAdmin(page: Page): Promise<void> {
  await page.goto(new URL("/", cascade.url).href);
  await signInWithKeyboard(page, admin);
  await page.getByRole("tab", { name: "Admin" }).click();
  await page.getByRole("heading", { name: "Import goals", level: 2 }).waitFor();
}

/** Chooses the file the way a person does: the button opens the file chooser. */
async function chooseFile(page: Page, name: string, content: string | Uint8Array): Promise<void> {
  const path = join(folder, name);
  await writeFile(path, content);
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.getByRole("button", { name: "Choose a file…" }).click()]);
  await chooser.setFiles(path);
  await page.getByText(`File: ${name}`).waitFor();
}

async function summaryOf(page: Page): Promise<Record<string, string>> {
  const table = page.getByRole("table", { name: "Preview" });
  await table.waitFor();
  const facts: Record<string, string> = {};
  for (const row of await table.getByRole("row").all()) facts[(await row.getByRole("rowheader").innerText()).trim()] = (await row.getByRole("cell").innerText()).trim();
  return facts;
}

async function importAndWait(page: Page): Promise<string> {
  await page.getByRole("button", { name: "Import", exact: true }).click();
  // The page's live region repeats the bar's words for screen readers; read the bar itself.
  const bar = page.locator(".fui-MessageBar").filter({ hasText: "Import finished" });
  await bar.waitFor({ timeout: 60_000 });
  return (await bar.first().innerText()).replace(/\s+/g, " ");
}

const goalsOf = async (person: Person) => (await callApiAs(cascade.url, person.id, "GET", `/api/goals?owner=${person.id}`)).items as Array<{ title: string; status: string; keyResults: any[] }>;

describe("importing goals in the Admin view", () => {
  it("downloads the template, previews and imports it, imports it again without duplicates, maps another sheet and imports a Viva Goals export", async () => {
    const page = await browser.context.newPage();
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await openAdmin(page);
    const cycle = (await callApiAs(cascade.url, admin.id, "GET", "/api/cycles")).items.find((c: any) => c.isCurrent);

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download the template (CSV)" }).click()]);
    expect(download.suggestedFilename()).toBe("cascade-import-template.csv");
    const template = (await readFile((await download.path())!, "utf8")).replace(/^\uFEFF/, "").split("\r\n");
    expect(template[0]).toBe(TEMPLATE_HEADER_ROW.join(","));
    expect(template.filter((line) => line !== "")).toHaveLength(3);

    const table = buildTemplateTable({ ceo, manager, alice }, cycle.name, "e2e");
    await chooseFile(page, "goals.csv", toCsv(table));
    await page.getByText("Recognised as the Cascade template.").waitFor();
    expect(await summaryOf(page)).toEqual({ "Rows read": "5", Goals: "3 to create, 0 to update", "Key results": "2 to create, 0 to update", "Already up to date": "0" });
    await page.getByText("No errors: every row can be imported.").waitFor();
    expect(await importAndWait(page)).toContain("Processed 5 · created 5 · updated 0 · skipped 0");
    const team = (await goalsOf(manager)).filter((g) => g.title === "Make checkout faster");
    expect(team).toHaveLength(1);
    expect(team[0]).toMatchObject({ status: "active", keyResults: [{ title: "Median checkout time", current: 60 }, { title: "New checkout live", done: true }] });

    await chooseFile(page, "goals.csv", toCsv(table));
    expect(await summaryOf(page)).toMatchObject({ Goals: "0 to create, 0 to update", "Already up to date": "5" });
    const changed: Table = table.map((row) => [...row]);
    changed[3]![11] = 45;
    await chooseFile(page, "goals-changed.xlsx", await toXlsx(changed));
    expect(await summaryOf(page)).toMatchObject({ Goals: "0 to create, 1 to update", "Key results": "0 to create, 1 to update", "Already up to date": "3" });
    expect(await importAndWait(page)).toContain("created 0 · updated 2 · skipped 3");
    const updated = (await goalsOf(manager)).filter((g) => g.title === "Make checkout faster");
    expect(updated).toHaveLength(1);
    expect(updated[0]!.keyResults[0]).toMatchObject({ current: 45 });
    expect((await goalsOf(ceo)).filter((g) => g.title === "Grow online revenue")).toHaveLength(1);
    expect((await goalsOf(alice)).filter((g) => g.title === "Write the checkout guide")).toHaveLength(1);

    await chooseFile(page, "other.csv", toCsv([["Ref", "Kind", "Name", "Person", "Quarter"], ["m1", "goal", "Mapped goal", alice.mail, cycle.name]]));
    const mapping = page.getByRole("form", { name: "Map the columns" });
    await mapping.waitFor();
    expect(await page.getByRole("button", { name: "Import", exact: true }).count()).toBe(0);
    await mapping.getByLabel("Id (unique in the file)").selectOption("Ref");
    await mapping.getByLabel("Type (goal or key result)").selectOption("Kind");
    await mapping.getByLabel("Title").selectOption("Name");
    await mapping.getByLabel("Owner (mail or user principal name)").selectOption("Person");
    await mapping.getByLabel("Cycle").selectOption("Quarter");
    await mapping.getByRole("button", { name: "Preview with this mapping" }).click();
    await page.getByText("Read with your column mapping.").waitFor();
    expect(await summaryOf(page)).toMatchObject({ "Rows read": "1", Goals: "1 to create, 0 to update" });
    expect(await importAndWait(page)).toContain("created 1");
    expect((await goalsOf(alice)).filter((g) => g.title === "Mapped goal")).toHaveLength(1);

    await chooseFile(page, "viva-export.csv", toCsv(buildVivaTable({ vp, alice }, cycle.name)));
    await page.getByText("Recognised as a Viva Goals export.").waitFor();
    expect(await summaryOf(page)).toMatchObject({ "Rows read": "3", Goals: "1 to create, 0 to update", "Key results": "2 to create, 0 to update" });
    expect(await importAndWait(page)).toContain("Processed 3 · created 3");
    const [viva] = (await goalsOf(vp)).filter((g) => g.title === "Win the enterprise market");
    expect(viva).toMatchObject({ status: "active", keyResults: [{ title: "Enterprise pipeline", current: 35 }, { title: "Hire two account executives", done: true }] });
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it("names unknown owners and bad rows by line before anything is written", async () => {
    const page = await browser.context.newPage();
    await openAdmin(page);
    const cycle = (await callApiAs(cascade.url, admin.id, "GET", "/api/cycles")).items.find((c: any) => c.isCurrent);
    const rows: Table = [[...TEMPLATE_HEADER_ROW], ["bad-1", "goal", "Nobody's goal", null, "nobody@contoso.example", cycle.name, null, null, null, null, null, null, null, null], ["bad-2", "key result", "No target", null, null, null, "bad-1", null, null, null, null, null, null, null]];
    await chooseFile(page, "bad.csv", toCsv(rows));
    await page.getByText("Owners not found in the directory").waitFor();
    await page.getByText("nobody@contoso.example: nobody in the directory (lines 2)").waitFor();
    const errors = page.getByRole("table", { name: "2 rows cannot be imported" });
    await errors.waitFor();
    const lines = await errors.getByRole("row").allInnerTexts();
    expect(lines.slice(1).map((line) => line.split(/\s+/)[0])).toEqual(["2", "3"]);
    expect((await goalsOf(alice)).filter((g) => g.title === "Nobody's goal")).toEqual([]);
    await page.close();
  });
});
