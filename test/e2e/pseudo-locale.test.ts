/** The tab in the pseudo-locale (`?lang=qps-ploc`: every catalogue message accented, lengthened by
 * about a third and put in brackets): on every view and every dialog, no text shows or is spoken that
 * skipped the catalogue, and no text is cut off or spills out of its box. What people wrote (names,
 * goals, notes, cycle names) is not the catalogue's: the test reads it from the API's answers to the
 * page and from the scene it seeds (every seeded text in «guillemets», so it stands out), and takes
 * it out of the text before looking. */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PSEUDO_LOCALE } from "../../cards/src/i18n/locales.js";
import { findUnlocalizedText } from "../../cards/src/i18n/pseudo-text.js";
import { startCascade } from "../support/cascade-server.js";
import { launchChromium, type BrowserSession } from "./support/chromium.js";
import { ENGLISH_SCENE, ERASE_OBJECT_ID, sayIn, seedScene, tourTab, type Scene, type SceneTexts } from "./support/tab-scene.js";
import { signInQuietly, waitForSettled } from "./support/tab-tour.js";

/** The scene's texts, recognisably the person's own words rather than the tab's. */
const SEEDED: SceneTexts = Object.fromEntries(Object.entries(ENGLISH_SCENE).map(([key, text]) => [key, `«${text}»`])) as unknown as SceneTexts;

/** Fields of the API's answers that hold what people wrote or the directory says, never the tab's words. */
const DATA_FIELDS = new Set(["displayName", "name", "title", "description", "jobTitle", "department", "unit", "note", "text", "message", "comment", "mail", "email", "userPrincipalName", "officeLocation", "timeZone"]);

/** Characters that are the same in every language: digits, punctuation, symbols and spaces. */
const NEUTRAL = /[\s\d.,:;!?'"’“”«»()[\]{}\-–—/\\|·•…%+*=#&@<>_~^$€£¥]/gu;

interface PageText {
  text: string;
  where: string;
  /** The text's element cuts it off or lets it spill out of its box. */
  isClipped: boolean;
}

/** Left out of the look: in the Chat view, the cards already in the chat. They were written in the
 * language the person had when they were sent, and the Adaptive Cards library formats their dates in
 * the browser's. */
const SENT_CARDS = ".ac-adaptiveCard";

/** Every text node of the page, seen or only spoken, with what names or labels an element
 * (aria-label, placeholder, title, alt), and whether its element clips it. Avatars' initials are
 * letters of names, so they are left out. */
function readPageTexts(page: Page, isChat: boolean): Promise<PageText[]> {
  return page.evaluate(({ sentCards }) => {
    const describe = (element: Element) => {
      const classes = [...element.classList].filter((name) => name.startsWith("fui-")).slice(0, 2).join(".");
      return `${element.tagName.toLowerCase()}${classes ? `.${classes}` : ""}`;
    };
    // Words marked as another language (a language named in itself) are foreign on purpose.
    const isForeign = (element: Element) => element.closest("[lang]") !== document.documentElement;
    const isHiddenAway = (element: Element) => isForeign(element) || element.closest(`.fui-Avatar, script, style, noscript, template${sentCards ? `, ${sentCards}` : ""}`) !== null;
    const overflows = (element: Element) => {
      if (!(element instanceof HTMLElement) || element.clientWidth === 0) return false;
      const style = getComputedStyle(element);
      if (style.display === "inline") return false;
      const box = element.getBoundingClientRect();
      // Words for screen readers only sit in a 1 px box on purpose.
      if (box.width <= 1 || box.height <= 1) return false;
      const scrollsX = /(auto|scroll)/.test(style.overflowX);
      const scrollsY = /(auto|scroll)/.test(style.overflowY);
      const clipsY = /(hidden|clip)/.test(style.overflowY);
      return (!scrollsX && element.scrollWidth > element.clientWidth + 1) || (!scrollsY && clipsY && element.scrollHeight > element.clientHeight + 1);
    };
    const texts: { text: string; where: string; isClipped: boolean }[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const text = node.textContent?.trim() ?? "";
      if (!parent || !text || isHiddenAway(parent)) continue;
      if (!parent.checkVisibility({ visibilityProperty: true }) && !parent.closest("[data-announcer]")) continue;
      texts.push({ text, where: describe(parent), isClipped: overflows(parent) });
    }
    for (const element of document.body.querySelectorAll("[aria-label], [placeholder], [title], [alt], [aria-description], [aria-valuetext]")) {
      // What is not drawn (a clear button with nothing to clear) is not spoken either.
      if (isHiddenAway(element) || !element.checkVisibility({ visibilityProperty: true })) continue;
      for (const attribute of ["aria-label", "placeholder", "title", "alt", "aria-description", "aria-valuetext"]) {
        const text = element.getAttribute(attribute)?.trim();
        if (text) texts.push({ text, where: `${describe(element)}[${attribute}]`, isClipped: false });
      }
    }
    return texts;
  }, { sentCards: isChat ? SENT_CARDS : null });
}

/** Every string of a JSON answer that sits in a data field, however deep. An Adaptive Card is the
 * server's writing, not data: the page's text shows whether it was written in the page's language. */
function collectData(value: unknown, into: Set<string>, key = ""): void {
  if (typeof value === "string") {
    if (DATA_FIELDS.has(key) && value.trim()) into.add(value.trim());
  } else if (Array.isArray(value)) {
    for (const item of value) collectData(item, into, key);
  } else if (value && typeof value === "object" && (value as { type?: unknown }).type !== "AdaptiveCard") {
    for (const [field, item] of Object.entries(value)) collectData(item, into, field);
  }
}

/** The text with every piece of data taken out, longest first (a title may hold a name). */
function withoutData(text: string, data: readonly string[]): string {
  let rest = text;
  for (const piece of data) if (rest.includes(piece)) rest = rest.split(piece).join(" ");
  return rest;
}

describe("The tab in the pseudo-locale", () => {
  let cascade: Awaited<ReturnType<typeof startCascade>>;
  let browser: BrowserSession;
  let scene: Scene;

  beforeAll(async () => {
    cascade = await startCascade();
    scene = await seedScene(cascade.url, SEEDED);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await cascade?.stop();
  });

  it("shows no untranslated and no clipped text on any view or dialog", async () => {
    const page = await browser.context.newPage();
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    const data = new Set<string>([...Object.values(SEEDED), ERASE_OBJECT_ID]);
    const languages = new Set<string>();
    page.on("response", async (response) => {
      const request = response.request();
      if (!new URL(request.url()).pathname.startsWith("/api/")) return;
      languages.add(request.headers()["accept-language"] ?? "(none)");
      if (!(response.headers()["content-type"] ?? "").includes("json")) return;
      try {
        collectData(await response.json(), data);
      } catch {
        // An answer cut short by leaving the page has nothing to add.
      }
    });
    await signInQuietly(page, cascade.url);

    const findings: string[] = [];
    const places: string[] = [];
    await tourTab(page, {
      baseUrl: cascade.url,
      scene,
      say: sayIn(PSEUDO_LOCALE),
      search: { lang: PSEUDO_LOCALE },
      look: async (where) => {
        await waitForSettled(page);
        places.push(where);
        expect(await page.evaluate(() => document.documentElement.lang), where).toBe(PSEUDO_LOCALE);
        const known = [...data].sort((a, b) => b.length - a.length);
        for (const { text, where: element, isClipped } of await readPageTexts(page, where === "view chat")) {
          const rest = withoutData(text, known);
          const untranslated = findUnlocalizedText(rest);
          if (untranslated) findings.push(`${where} · ${element}: "${text}" has "${untranslated}" from outside the catalogue`);
          // Data cut short by design (a long title with an ellipsis) is not the catalogue's to fix.
          if (isClipped && rest.replace(NEUTRAL, "") !== "") findings.push(`${where} · ${element}: "${text}" is clipped or spills out of its box`);
        }
        const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        if (sideways > 1) findings.push(`${where}: the page scrolls sideways by ${sideways} px`);
      },
    });

    expect(places.length).toBeGreaterThan(15);
    expect([...new Set(findings)]).toEqual([]);
    expect([...languages]).toEqual([PSEUDO_LOCALE]);
    expect(pageErrors).toEqual([]);
  });
});
