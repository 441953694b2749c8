/** The tab opened in a browser set to German, Japanese or Arabic shows every view in that language:
 * the page says which language it is in (and Arabic reads right to left), the header names the views
 * in that language, and no sentence of the English catalogue is left on any view. */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCascade } from "../support/cascade-server.js";
import { launchChromium } from "./support/chromium.js";
import { VIEW_IDS, openView, signInQuietly } from "./support/tab-tour.js";

const readCatalogue = (locale: string) => JSON.parse(readFileSync(new URL(`../../tab/src/i18n/messages/${locale}.json`, import.meta.url), "utf8")) as Record<string, string>;
const english = readCatalogue("en");

/** English sentences whose translation differs: any of them on the page means text skipped the catalogue. */
function listEnglishSentences(catalogue: Record<string, string>): string[] {
  return Object.entries(english)
    .filter(([id, message]) => catalogue[id] !== message && !message.includes("{") && /\S+\s+\S+\s+\S+/.test(message))
    .map(([, message]) => message);
}

describe("The tab in the browser's language", () => {
  let cascade: Awaited<ReturnType<typeof startCascade>>;

  beforeAll(async () => {
    cascade = await startCascade();
  });

  afterAll(async () => {
    await cascade?.stop();
  });

  for (const locale of ["de", "ja", "ar"] as const) {
    it(`shows every view in ${locale}`, async () => {
      const catalogue = readCatalogue(locale);
      const englishSentences = listEnglishSentences(catalogue);
      const browser = await launchChromium({ locale });
      try {
        const page = await browser.context.newPage();
        const pageErrors: string[] = [];
        page.on("pageerror", (error) => pageErrors.push(error.message));
        const languages = new Set<string>();
        page.on("request", (request) => {
          if (new URL(request.url()).pathname.startsWith("/api/")) languages.add(request.headers()["accept-language"] ?? "(none)");
        });
        await signInQuietly(page, cascade.url);

        for (const viewId of VIEW_IDS) {
          await openView(page, cascade.url, viewId);
          const html = await page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));
          expect(html, viewId).toEqual({ lang: locale, dir: locale === "ar" ? "rtl" : "ltr" });
          await page.getByRole("tab", { name: catalogue["view.myGoals"] }).waitFor();
          const text = await page.locator("body").innerText();
          expect(englishSentences.filter((sentence) => text.includes(sentence)), `English left on ${viewId}`).toEqual([]);
        }
        expect([...languages]).toEqual([locale]);
        expect(pageErrors).toEqual([]);
      } finally {
        await browser.close();
      }
    });
  }
});
