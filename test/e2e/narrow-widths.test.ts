/** The tab in a window as narrow as Teams on a phone or a narrow side panel (320 CSS px): on every
 * view and every dialog, in the pseudo-locale (every string lengthened) and in Arabic (right to left),
 * and in English at a common phone's 375 px,
 * the page never scrolls sideways, no box reaches past the window's edge, no text is cut off or spills
 * out of its box, and a wide table scrolls only inside its own named region a keyboard can reach. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PSEUDO_LOCALE } from "../../cards/src/i18n/locales.js";
import { startCascade } from "../support/cascade-server.js";
import { launchChromium } from "./support/chromium.js";
import { auditLayout, describeFindings } from "./support/layout-audit.js";
import { sayIn, seedScene, tourTab, type Scene } from "./support/tab-scene.js";
import { signInQuietly, waitForSettled } from "./support/tab-tour.js";

/** Left out of the look: in the Chat view, the cards already in the chat (the Adaptive Cards
 * library lays them out at its own fixed sizes). */
const SENT_CARDS = ".ac-adaptiveCard";

const SCENES = [
  { locale: PSEUDO_LOCALE, width: 320, search: { lang: PSEUDO_LOCALE } },
  { locale: "ar", width: 320, search: {} },
  { locale: "en", width: 375, search: {} },
] as const;

describe("The tab in a narrow window", () => {
  let cascade: Awaited<ReturnType<typeof startCascade>>;
  let scene: Scene;

  beforeAll(async () => {
    cascade = await startCascade();
    scene = await seedScene(cascade.url);
  });

  afterAll(async () => {
    await cascade?.stop();
  });

  for (const { locale, width, search } of SCENES) {
    it(`fits ${width} px in ${locale} on every view and dialog`, async () => {
      const browser = await launchChromium({ locale: locale === PSEUDO_LOCALE ? "en" : locale, viewport: { width, height: 720 } });
      try {
        const page = await browser.context.newPage();
        const pageErrors: string[] = [];
        page.on("pageerror", (error) => pageErrors.push(error.message));
        await signInQuietly(page, cascade.url);
        const findings: string[] = [];
        const places: string[] = [];
        await tourTab(page, {
          baseUrl: cascade.url,
          scene,
          say: sayIn(locale),
          search,
          look: async (where) => {
            await waitForSettled(page);
            places.push(where);
            expect(await page.evaluate(() => document.documentElement.lang), where).toBe(locale);
            findings.push(...describeFindings(`${where} · ${width} px · ${locale}`, await auditLayout(page, where === "view chat" ? SENT_CARDS : null)));
          },
        });
        expect(places.length).toBeGreaterThan(15);
        expect([...new Set(findings)]).toEqual([]);
        expect(pageErrors).toEqual([]);
      } finally {
        await browser.close();
      }
    });
  }
});
