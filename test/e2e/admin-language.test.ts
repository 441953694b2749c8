/** An admin sets the organisation's default language in the Admin view: a labelled list that names
 * each language in itself (and marks it as that language), saved with the other settings and kept
 * after a reload. The setting is put back afterwards. */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ADMIN_IDS, DEMO_PEOPLE } from "../../functions/src/directory/demo-org.js";
import { startCascade } from "../support/cascade-server.js";
import { launchChromium, type BrowserSession } from "./support/chromium.js";
import { callApiAs } from "./support/demo-api.js";
import { readFocus } from "./support/keyboard.js";
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
  await page.getByRole("tab", { name: "Admin" }).click();
  await page.getByRole("heading", { name: "Admin", level: 1 }).waitFor();
}

async function readDefaultLocale(): Promise<string> {
  return (await callApiAs(cascade.url, admin.id, "GET", "/api/admin/settings")).defaultLocale;
}

describe("the organisation's default language in the Admin view", () => {
  it("lists every language in itself, saves the one chosen and keeps it", async () => {
    const page = await browser.context.newPage();
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await page.goto(new URL("/", cascade.url).href);
    await signInWithKeyboard(page, admin);
    await openAdmin(page);
    expect(await readDefaultLocale()).toBe("en");

    const language = page.getByRole("combobox", { name: "Default language" });
    await language.waitFor();
    const options = await language.locator("option").evaluateAll((items) => items.map((item) => ({ value: (item as HTMLOptionElement).value, name: item.textContent, lang: item.getAttribute("lang") })));
    expect(options).toEqual([
      { value: "en", name: "English", lang: "en" },
      { value: "de", name: "Deutsch", lang: "de" },
      { value: "fr", name: "Français", lang: "fr" },
      { value: "es", name: "Español", lang: "es" },
      { value: "ja", name: "日本語", lang: "ja" },
      { value: "ar", name: "العربية", lang: "ar" },
    ]);
    expect(await language.inputValue()).toBe("en");
    // Its hint says what the setting does, and is read with the list.
    const describedBy = (await language.getAttribute("aria-describedby")) ?? "";
    expect(await page.evaluate((ids) => ids.split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? "").join(" "), describedBy)).toContain("whose language Cascade does not know");

    // Chosen with the keyboard: focus on the list, then the arrow keys.
    await language.focus();
    expect((await readFocus(page))?.name).toContain("Default language");
    await page.keyboard.press("ArrowDown");
    await expect.poll(() => language.inputValue()).toBe("de");
    await page.getByRole("button", { name: "Save settings" }).click();
    await page.getByText("Settings saved").first().waitFor();
    expect(await readDefaultLocale()).toBe("de");

    await page.reload();
    await page.getByRole("heading", { name: "Admin", level: 1 }).waitFor();
    await expect.poll(() => page.getByRole("combobox", { name: "Default language" }).inputValue()).toBe("de");

    await page.getByRole("combobox", { name: "Default language" }).selectOption("en");
    await page.getByRole("button", { name: "Save settings" }).click();
    await page.getByText("Settings saved").first().waitFor();
    expect(await readDefaultLocale()).toBe("en");
    expect(pageErrors).toEqual([]);
  });
});
