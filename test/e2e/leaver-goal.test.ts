/** A manager gives the goal of someone who left to someone further down their organisation: the dialog
 * offers their direct reports, and finds anyone below them by a search as they type, without loading
 * the organisation whole. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCascade } from "../support/cascade-server.js";
import { launchChromium, type BrowserSession } from "./support/chromium.js";
import { signInWithKeyboard } from "./support/my-goals-page.js";
import { buildQuarterCycles } from "../../functions/dev/seed-demo.js";
import { diffPeople } from "../../functions/src/directory/directory-changes.js";
import { DEMO_PEOPLE, DEMO_TENANT_ID } from "../../functions/src/directory/demo-org.js";
import { goalCreateSchema } from "../../functions/src/contracts/goals.js";
import { createGoal } from "../../functions/src/domain/goal-service.js";
import { createTableDirectory } from "../../functions/src/store/directory-store.js";
import { toPatch } from "../../functions/src/store/org-packing.js";

const person = (name: string) => DEMO_PEOPLE.find((p) => p.displayName === name)!;

describe("the goal of someone who left, in a browser", () => {
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

  it("is given to someone two levels down, found by searching, with the choice announced", async () => {
    const { services } = cascade;
    const director = person("Hiroshi Tanaka");
    const leaver = person("Ingrid Larsen");
    const newOwner = person("Mateo Rossi");
    const cycleId = buildQuarterCycles(DEMO_TENANT_ID, new Date())[0]!.id;
    const input = goalCreateSchema.parse({ cycleId, title: "Halve the time a build takes", keyResults: [{ title: "Shared build cache in use", kind: "milestone" }] });
    const { goal } = await createGoal(services.goalDeps, { tenantId: DEMO_TENANT_ID, userId: leaver.id, name: leaver.displayName, roles: [] }, input);
    const applied = await createTableDirectory(services.tables).applyUpdate(DEMO_TENANT_ID, { patches: [toPatch({ ...leaver, accountEnabled: false })] });
    const report = await services.cascade.applyDirectoryChanges(DEMO_TENANT_ID, diffPeople(applied.changes));
    expect(report.failures).toEqual([]);

    const page = await browser.context.newPage();
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await page.goto(new URL("/", cascade.url).href);
    await signInWithKeyboard(page, director);
    await page.getByRole("tab", { name: "Team", exact: true }).click();
    await page.getByRole("heading", { name: "My team", level: 1 }).waitFor();
    const card = page.getByRole("article", { name: leaver.displayName });
    await card.getByRole("button", { name: "Give or close" }).first().click();

    const dialog = page.getByRole("dialog");
    await dialog.getByText("Your direct reports are listed.", { exact: false }).waitFor();
    const field = dialog.getByRole("combobox", { name: "New owner" });
    await field.click();
    // Direct reports are offered as they are; the leaver is not.
    await page.getByRole("option", { name: `${director.displayName} (you)` }).waitFor();
    await page.getByRole("option", { name: /^Fatima Zahra El Idrissi/ }).waitFor();
    expect(await page.getByRole("option", { name: /^Ingrid Larsen/ }).count()).toBe(0);
    expect(await page.getByRole("option", { name: /^Mateo Rossi/ }).count()).toBe(0);

    await field.fill("zzqx");
    await page.getByRole("option", { name: "No one below you matches." }).waitFor();
    await field.fill("Mateo");
    const found = page.getByRole("option", { name: `${newOwner.displayName} · ${newOwner.jobTitle}` });
    await found.waitFor();
    await found.click();
    expect(await field.inputValue()).toBe(`${newOwner.displayName} · ${newOwner.jobTitle}`);
    await dialog.getByRole("button", { name: "Give the goal" }).click();
    await page.getByText(`The goal now belongs to ${newOwner.displayName} · ${newOwner.jobTitle}`).first().waitFor();

    const stored = await services.goalDeps.goals.getGoal(DEMO_TENANT_ID, goal.value.id);
    expect(stored?.value.ownerId).toBe(newOwner.id);
    expect(pageErrors).toEqual([]);
  });
});
