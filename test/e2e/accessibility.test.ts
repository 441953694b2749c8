/** axe-core on every view and every dialog of the tab, in the light, dark and high-contrast themes and
 * in Arabic (right to left): no serious or critical violation anywhere. An admin who manages a team
 * walks the tab, so every view has something to show; the scene is set through the API first (a
 * draft to delete, an approved goal with a check-in, kudos and a comment, a report's goal waiting for
 * approval). Each finding names its rule, the element and the view, theme and language. */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCascade } from "../support/cascade-server.js";
import { auditPage } from "./support/axe-audit.js";
import { launchChromium, type BrowserSession } from "./support/chromium.js";
import { sayIn, seedScene, tourTab, type Scene } from "./support/tab-scene.js";
import { signInQuietly, waitForSettled } from "./support/tab-tour.js";

type ThemeName = "light" | "dark" | "contrast";
type Locale = "en" | "ar";

let cascade: Awaited<ReturnType<typeof startCascade>>;
let scene: Scene;

/** Every view, then every dialog, drawer tab and menu, audited as a person reaches them. Each place
 * is its own soft expectation, so one run lists every finding. */
async function auditTab(page: Page, theme: ThemeName, locale: Locale): Promise<void> {
  const t = sayIn(locale);
  await tourTab(page, {
    baseUrl: cascade.url,
    scene,
    say: t,
    look: async (where) => {
      await waitForSettled(page);
      if (where === "view my-goals") {
        const themeButton = page.getByRole("button", { name: t("theme.label", { theme: t(`theme.${theme}`) }) });
        expect(await themeButton.count(), `the tab follows the system into the ${theme} theme`).toBe(1);
      }
      const findings = await auditPage(page, `${where} · ${theme} theme · ${locale}`);
      expect.soft(findings, `axe found serious or critical violations:\n${findings.join("\n")}`).toEqual([]);
    },
  });
}

/** The system settings the tab follows in a browser: a dark preference, and Windows contrast themes
 * (forced colours) for high contrast. */
const SYSTEM_SETTINGS: Record<ThemeName, { colorScheme: "light" | "dark"; forcedColors: "none" | "active" }> = {
  light: { colorScheme: "light", forcedColors: "none" },
  dark: { colorScheme: "dark", forcedColors: "none" },
  contrast: { colorScheme: "dark", forcedColors: "active" },
};

/** Every theme in English; Arabic (right to left) in each theme too. One browser per language, a page per theme. */
const SCENES: { locale: Locale; themes: ThemeName[] }[] = [
  { locale: "en", themes: ["light", "dark", "contrast"] },
  { locale: "ar", themes: ["light", "dark", "contrast"] },
];

describe("Accessibility of every view and dialog (axe-core)", () => {
  beforeAll(async () => {
    cascade = await startCascade();
    scene = await seedScene(cascade.url);
  });

  afterAll(async () => {
    await cascade?.stop();
  });

  for (const { locale, themes } of SCENES) {
    describe(`in ${locale}`, () => {
      let browser: BrowserSession;
      beforeAll(async () => {
        browser = await launchChromium({ locale });
      });
      afterAll(async () => {
        await browser?.close();
      });

      for (const theme of themes) {
        it(`has no serious or critical violation in the ${theme} theme`, async () => {
          const page = await browser.context.newPage();
          const pageErrors: string[] = [];
          page.on("pageerror", (error) => pageErrors.push(error.message));
          // No theme chosen in the tab: it follows the system, as the tour checks on the theme button.
          await page.emulateMedia(SYSTEM_SETTINGS[theme]);
          await signInQuietly(page, cascade.url);
          try {
            await auditTab(page, theme, locale);
          } finally {
            await page.close();
          }
          expect(pageErrors).toEqual([]);
        });
      }
    });
  }
});
