/** A scene for the tests that walk the whole tab (accessibility, the pseudo-locale): an admin who
 * manages a team, with a draft to delete, an approved goal with a check-in, kudos and a comment, and
 * a report's goal waiting for approval, all set through the API. Then the walk: every view, then
 * every dialog, drawer tab and menu as a person reaches them, with a look at each place. */
import { readFileSync } from "node:fs";
import { IntlMessageFormat } from "intl-messageformat";
import type { Page } from "playwright-core";
import { PSEUDO_LOCALE, formattingLocale, type Locale } from "../../../cards/src/i18n/locales.js";
import { pseudoLocalize } from "../../../cards/src/i18n/pseudo.js";
import { DEMO_PEOPLE } from "../../../functions/src/directory/demo-org.js";
import { callApiAs } from "./demo-api.js";
import { TOUR_PERSON, VIEW_IDS, openView } from "./tab-tour.js";

/** The words the scene writes: a test that walks the tab in another language may pick its own, so
 * it can tell what the person wrote from what the tab says. */
export interface SceneTexts {
  draftTitle: string;
  activeTitle: string;
  waitingTitle: string;
  description: string;
  keyResultTitle: string;
  keyResultUnit: string;
  checkInNote: string;
  comment: string;
  kudos: string;
}

export const ENGLISH_SCENE: SceneTexts = {
  draftTitle: "Publish the accessibility statement",
  activeTitle: "Run a listening session in every team",
  waitingTitle: "Answer every survey comment within a week",
  description: "Everyone can read, hear and use what we publish, whatever tools they use.",
  keyResultTitle: "Teams that held a session",
  keyResultUnit: "teams",
  checkInNote: "Five teams so far; two more are booked.",
  comment: "Could the sessions be recorded for people on leave?",
  kudos: "Thank you for listening to everyone.",
};

export interface Scene {
  texts: SceneTexts;
  currentCycleName: string;
}

export async function seedScene(baseUrl: string, texts: SceneTexts = ENGLISH_SCENE): Promise<Scene> {
  const me = TOUR_PERSON;
  const manager = DEMO_PEOPLE.find((person) => person.id === me.managerId)!;
  const report = DEMO_PEOPLE.find((person) => person.managerId === me.id)!;
  const cycle = (await callApiAs(baseUrl, me.id, "GET", "/api/cycles")).items.find((candidate: any) => candidate.isCurrent);
  const goal = (title: string) => ({
    cycleId: cycle.id,
    title,
    description: texts.description,
    dueDate: cycle.endDate,
    visibility: "public",
    weight: 1,
    keyResults: [{ title: texts.keyResultTitle, kind: "number", start: 0, target: 12, current: 0, unit: texts.keyResultUnit }],
  });
  await callApiAs(baseUrl, me.id, "POST", "/api/goals", goal(texts.draftTitle));

  const [parentId] = (await callApiAs(baseUrl, me.id, "GET", `/api/alignment/parent-options?cycle=${cycle.id}`)).items.map((option: any) => option.goal.id);
  const active = await callApiAs(baseUrl, me.id, "POST", "/api/goals", { ...goal(texts.activeTitle), parentId });
  await callApiAs(baseUrl, me.id, "POST", `/api/goals/${active.id}/submit`);
  await callApiAs(baseUrl, manager.id, "POST", `/api/goals/${active.id}/decision`, { decision: "approve", comment: null });
  const keyResultId = active.keyResults[0].id;
  await callApiAs(baseUrl, me.id, "POST", `/api/goals/${active.id}/checkins`, { keyResults: [{ id: keyResultId, current: 5 }], confidence: "at_risk", note: texts.checkInNote });
  await callApiAs(baseUrl, manager.id, "POST", `/api/goals/${active.id}/comments`, { text: texts.comment });
  await callApiAs(baseUrl, manager.id, "POST", `/api/goals/${active.id}/kudos`, { message: texts.kudos });

  const [reportParentId] = (await callApiAs(baseUrl, report.id, "GET", `/api/alignment/parent-options?cycle=${cycle.id}`)).items.map((option: any) => option.goal.id);
  const waiting = await callApiAs(baseUrl, report.id, "POST", "/api/goals", { ...goal(texts.waitingTitle), parentId: reportParentId });
  await callApiAs(baseUrl, report.id, "POST", `/api/goals/${waiting.id}/submit`);
  return { texts, currentCycleName: cycle.name };
}

export type Say = (id: string, values?: Record<string, string>) => string;

/** The tab's catalogue for a language (the pseudo-locale's is English, pseudo-localised as the
 * build does it). */
export function readCatalogue(locale: Locale): Record<string, string> {
  const file = locale === PSEUDO_LOCALE ? "en" : locale;
  const catalogue = JSON.parse(readFileSync(new URL(`../../../tab/src/i18n/messages/${file}.json`, import.meta.url), "utf8")) as Record<string, string>;
  if (locale !== PSEUDO_LOCALE) return catalogue;
  return Object.fromEntries(Object.entries(catalogue).map(([id, message]) => [id, pseudoLocalize(message)]));
}

/** Messages of the tab's catalogue, as the page shows them in that language. */
export function sayIn(locale: Locale): Say {
  const catalogue = readCatalogue(locale);
  return (id, values = {}) => {
    const message = catalogue[id];
    if (message === undefined) throw new Error(`The ${locale} catalogue has no ${id}`);
    return String(new IntlMessageFormat(message, formattingLocale(locale)).format(values));
  };
}

/** The object id the walk types into the Admin view's erase form (nobody's). */
export const ERASE_OBJECT_ID = "0badc0de-0000-4000-8000-000000000000";

const VIEW_LABELS = { "my-goals": "view.myGoals", team: "view.team", organisation: "view.organisation", dashboard: "view.dashboard", approvals: "view.approvals", chat: "view.chat", admin: "view.admin" } as const;

export interface TourOptions {
  baseUrl: string;
  scene: Scene;
  /** A message of the tab's catalogue in the page's language, as the page shows it. */
  say: Say;
  /** Extra address parameters kept on every view opened by its address (`lang`, for one). */
  search?: Record<string, string>;
  /** Called on each view and dialog once it has opened and settled. */
  look: (where: string) => Promise<void>;
}

/** Every view, then every dialog, drawer tab and menu, as a person reaches them. */
export async function tourTab(page: Page, { baseUrl, scene, say: t, search = {}, look }: TourOptions): Promise<void> {
  const { draftTitle, activeTitle } = scene.texts;
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
  await openView(page, baseUrl, "config", search);
  await look("view config");
  await openView(page, baseUrl, "my-goals", search);
  for (const viewId of VIEW_IDS) {
    if (viewId === "config") continue;
    if (viewId !== "my-goals") await openByTab(viewId);
    await look(`view ${viewId}`);
  }

  await page.getByRole("button", { name: new RegExp(`^${escapeRegExp(t("theme.label", { theme: "\u0000" })).replace("\u0000", ".+")}$`) }).click();
  await page.getByRole("menu").waitFor();
  await look("theme menu");
  await closeOverlay();

  await page.getByRole("button", { name: t("personMenu.label", { name: TOUR_PERSON.displayName }) }).click();
  await page.getByRole("menu").waitFor();
  await look("person menu");
  await closeOverlay();

  await openByTab("my-goals");
  await page.getByRole("button", { name: t("goalEditor.newTitle") }).first().click();
  await page.getByRole("dialog", { name: t("goalEditor.newTitle") }).waitFor();
  await look("goal editor, new goal");
  await closeOverlay();

  await page.getByRole("button", { name: t("goal.edit.label", { title: draftTitle }) }).click();
  await page.getByRole("dialog").waitFor();
  await look("goal editor, draft");
  await closeOverlay();

  await page.getByRole("button", { name: t("goal.delete.label", { title: draftTitle }) }).click();
  await page.getByRole("alertdialog").waitFor();
  await look("delete dialog");
  await cancelAlert("deleteGoal.cancel");

  await page.getByRole("button", { name: t("goal.details.label", { title: activeTitle }) }).click();
  const drawer = page.getByRole("dialog", { name: activeTitle });
  await drawer.waitFor();
  for (const section of ["check-ins", "kudos", "comments", "history"]) {
    await drawer.getByRole("tab", { name: t(`goalDetails.section.${section}`) }).click();
    await look(`goal details drawer, ${section}`);
  }
  await closeOverlay();

  await openByTab("admin");
  await page.getByRole("textbox", { name: t("admin.erase.objectId") }).fill(ERASE_OBJECT_ID);
  await page.getByRole("button", { name: t("admin.erase.button") }).click();
  await page.getByRole("alertdialog").waitFor();
  await look("erase dialog");
  await cancelAlert("common.cancel");

  await page.getByRole("button", { name: t("admin.cycles.close.label", { name: scene.currentCycleName }), exact: true }).click();
  await page.getByRole("alertdialog").waitFor();
  await look("close cycle dialog");
  await cancelAlert("admin.cycles.dialog.cancel");
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
