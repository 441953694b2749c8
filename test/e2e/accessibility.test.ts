/** axe-core on every view and every dialog of the tab, in the light, dark and high-contrast themes and
 * in Arabic (right to left): no serious or critical violation anywhere. An admin who manages a team
 * walks the tab, so every view has something to show; the scene is set through the API first (a
 * draft to delete, an approved goal with a check-in, kudos and a comment, a report's goal waiting for
 * approval). Each finding names its rule, the element and the view, theme and language. */
import { readFileSync } from "node:fs";
import { IntlMessageFormat } from "intl-messageformat";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PEOPLE } from "../../functions/src/directory/demo-org.js";
import { startCascade } from "../support/cascade-server.js";
import { auditPage } from "./support/axe-audit.js";
import { launchChromium, type BrowserSession } from "./support/chromium.js";
import { callApiAs } from "./support/demo-api.js";
import { TOUR_PERSON, VIEW_IDS, openView, signInQuietly, waitForSettled } from "./support/tab-tour.js";

type ThemeName = "light" | "dark" | "contrast";
type Locale = "en" | "ar";

const DRAFT_TITLE = "Publish the accessibility statement";
const ACTIVE_TITLE = "Run a listening session in every team";

const readCatalogue = (locale: Locale) => JSON.parse(readFileSync(new URL(`../../tab/src/i18n/messages/${locale}.json`, import.meta.url), "utf8")) as Record<string, string>;

/** A message of the tab's catalogue, as the page shows it. */
function say(catalogue: Record<string, string>, locale: Locale, id: string, values: Record<string, string> = {}): string {
  const message = catalogue[id];
  if (message === undefined) throw new Error(`The ${locale} catalogue has no ${id}`);
  return String(new IntlMessageFormat(message, locale).format(values));
}

let cascade: Awaited<ReturnType<typeof startCascade>>;
let currentCycleName: string;

async function seedScene(baseUrl: string): Promise<void> {
  const me = TOUR_PERSON;
  const manager = DEMO_PEOPLE.find((person) => person.id === me.managerId)!;
  const report = DEMO_PEOPLE.find((person) => person.managerId === me.id)!;
  const cycle = (await callApiAs(baseUrl, me.id, "GET", "/api/cycles")).items.find((candidate: any) => candidate.isCurrent);
  const goal = (title: string) => ({
    cycleId: cycle.id,
    title,
    description: "Everyone can read, hear and use what we publish, whatever tools they use.",
    dueDate: cycle.endDate,
    visibility: "public",
    weight: 1,
    keyResults: [{ title: "Teams that held a session", kind: "number", start: 0, target: 12, current: 0, unit: "teams" }],
  });
  currentCycleName = cycle.name;
  await callApiAs(baseUrl, me.id, "POST", "/api/goals", goal(DRAFT_TITLE));

  const [parentId] = (await callApiAs(baseUrl, me.id, "GET", `/api/alignment/parent-options?cycle=${cycle.id}`)).items.map((option: any) => option.goal.id);
  const active = await callApiAs(baseUrl, me.id, "POST", "/api/goals", { ...goal(ACTIVE_TITLE), parentId });
  await callApiAs(baseUrl, me.id, "POST", `/api/goals/${active.id}/submit`);
  await callApiAs(baseUrl, manager.id, "POST", `/api/goals/${active.id}/decision`, { decision: "approve", comment: null });
  const keyResultId = active.keyResults[0].id;
  await callApiAs(baseUrl, me.id, "POST", `/api/goals/${active.id}/checkins`, { keyResults: [{ id: keyResultId, current: 5 }], confidence: "at_risk", note: "Five teams so far; two more are booked." });
  await callApiAs(baseUrl, manager.id, "POST", `/api/goals/${active.id}/comments`, { text: "Could the sessions be recorded for people on leave?" });
  await callApiAs(baseUrl, manager.id, "POST", `/api/goals/${active.id}/kudos`, { message: "Thank you for listening to everyone." });

  const [reportParentId] = (await callApiAs(baseUrl, report.id, "GET", `/api/alignment/parent-options?cycle=${cycle.id}`)).items.map((option: any) => option.goal.id);
  const waiting = await callApiAs(baseUrl, report.id, "POST", "/api/goals", { ...goal("Answer every survey comment within a week"), parentId: reportParentId });
  await callApiAs(baseUrl, report.id, "POST", `/api/goals/${waiting.id}/submit`);
}

const VIEW_LABELS = { "my-goals": "view.myGoals", team: "view.team", organisation: "view.organisation", dashboard: "view.dashboard", approvals: "view.approvals", chat: "view.chat", admin: "view.admin" } as const;

/** Every view, then every dialog, drawer tab and menu, audited as a person reaches them. Each place
 * is its own soft expectation, so one run lists every finding. */
async function tourTab(page: Page, theme: ThemeName, locale: Locale): Promise<void> {
  const catalogue = readCatalogue(locale);
  const t = (id: string, values?: Record<string, string>) => say(catalogue, locale, id, values);
  const audit = async (where: string) => {
    await waitForSettled(page);
    const findings = await auditPage(page, `${where} · ${theme} theme · ${locale}`);
    expect.soft(findings, `axe found serious or critical violations:\n${findings.join("\n")}`).toEqual([]);
  };
  const openByTab = async (viewId: keyof typeof VIEW_LABELS) => {
    await page.getByRole("tab", { name: t(VIEW_LABELS[viewId]), exact: true }).click();
    await page.locator("main").first().waitFor();
  };
  const closeOverlay = async () => {
    await page.keyboard.press("Escape");
    await page.locator('[role="dialog"], [role="alertdialog"], [role="menu"]').first().waitFor({ state: "detached" });
  };
  const cancelAlert = async (cancelId: string) => {
    await page.getByRole("alertdialog").getByRole("button", { name: t(cancelId) }).click();
    await page.getByRole("alertdialog").waitFor({ state: "detached" });
  };

  // The channel tab's settings page is reached only by its address; the others from the header.
  await openView(page, cascade.url, "config");
  await audit("view config");
  await openView(page, cascade.url, "my-goals");
  const themeButton = page.getByRole("button", { name: t("theme.label", { theme: t(`theme.${theme}`) }) });
  expect(await themeButton.count(), `the tab follows the system into the ${theme} theme`).toBe(1);
  for (const viewId of VIEW_IDS) {
    if (viewId === "config") continue;
    if (viewId !== "my-goals") await openByTab(viewId);
    await audit(`view ${viewId}`);
  }

  await themeButton.click();
  await page.getByRole("menu").waitFor();
  await audit("theme menu");
  await closeOverlay();

  await page.getByRole("button", { name: t("personMenu.label", { name: TOUR_PERSON.displayName }) }).click();
  await page.getByRole("menu").waitFor();
  await audit("person menu");
  await closeOverlay();

  await openByTab("my-goals");
  await page.getByRole("button", { name: t("goalEditor.newTitle") }).first().click();
  await page.getByRole("dialog", { name: t("goalEditor.newTitle") }).waitFor();
  await audit("goal editor, new goal");
  await closeOverlay();

  await page.getByRole("button", { name: t("goal.edit.label", { title: DRAFT_TITLE }) }).click();
  await page.getByRole("dialog").waitFor();
  await audit("goal editor, draft");
  await closeOverlay();

  await page.getByRole("button", { name: t("goal.delete.label", { title: DRAFT_TITLE }) }).click();
  await page.getByRole("alertdialog").waitFor();
  await audit("delete dialog");
  await cancelAlert("deleteGoal.cancel");

  await page.getByRole("button", { name: t("goal.details.label", { title: ACTIVE_TITLE }) }).click();
  const drawer = page.getByRole("dialog", { name: ACTIVE_TITLE });
  await drawer.waitFor();
  for (const section of ["check-ins", "kudos", "comments", "history"]) {
    await drawer.getByRole("tab", { name: t(`goalDetails.section.${section}`) }).click();
    await audit(`goal details drawer, ${section}`);
  }
  await closeOverlay();

  await openByTab("admin");
  await page.getByRole("textbox", { name: t("admin.erase.objectId") }).fill("0badc0de-0000-4000-8000-000000000000");
  await page.getByRole("button", { name: t("admin.erase.button") }).click();
  await page.getByRole("alertdialog").waitFor();
  await audit("erase dialog");
  await cancelAlert("common.cancel");

  await page.getByRole("button", { name: t("admin.cycles.close.label", { name: currentCycleName }) }).click();
  await page.getByRole("alertdialog").waitFor();
  await audit("close cycle dialog");
  await cancelAlert("admin.cycles.dialog.cancel");
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
    await seedScene(cascade.url);
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
            await tourTab(page, theme, locale);
          } finally {
            await page.close();
          }
          expect(pageErrors).toEqual([]);
        });
      }
    });
  }
});
