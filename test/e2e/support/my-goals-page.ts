/** Steps on the tab that browser tests share, written the way a person uses the page. */
import type { Page } from "playwright-core";

export const FIRST_RENDER_MARK = "cascade:first-render";

export interface DemoPerson {
  id: string;
  displayName: string;
  managerId: string | null;
}

/** A person with a manager, so the goal has someone to approve it and parents to align to. */
export async function pickDemoPerson(baseUrl: string): Promise<DemoPerson> {
  const response = await fetch(new URL("/api/dev/users", baseUrl));
  if (!response.ok) throw new Error(`GET /api/dev/users answered ${response.status}`);
  const people = (await response.json()) as DemoPerson[];
  const names = new Map<string, number>();
  for (const person of people) names.set(person.displayName, (names.get(person.displayName) ?? 0) + 1);
  const person = people.find((candidate) => candidate.managerId !== null && names.get(candidate.displayName) === 1);
  if (!person) throw new Error("The demo organisation has nobody with a manager and a unique name");
  return person;
}

/** Milliseconds from navigation start to the tab's first useful screen. */
export async function readFirstRenderMs(page: Page): Promise<number> {
  const handle = await page.waitForFunction(
    (mark) => performance.getEntriesByName(mark)[0]?.startTime ?? null,
    FIRST_RENDER_MARK,
    { timeout: 30_000 },
  );
  return Number(await handle.jsonValue());
}

/** Signs in with the keyboard only: search, arrow into the list, Enter. */
export async function signInWithKeyboard(page: Page, person: DemoPerson): Promise<void> {
  const search = page.getByRole("searchbox", { name: "Find a person" });
  await search.fill(person.displayName);
  await page.getByRole("button", { name: `Sign in as ${person.displayName}`, exact: false }).first().waitFor();
  await search.press("ArrowDown");
  await page.keyboard.press("Enter");
  await page.getByRole("heading", { name: "My goals", level: 1 }).waitFor();
}

export interface NewGoal {
  title: string;
  description: string;
  keyResultTitle: string;
  target: string;
  unit: string;
}

export async function createDraftGoal(page: Page, goal: NewGoal): Promise<void> {
  await page.getByRole("button", { name: "New goal" }).click();
  const editor = page.getByRole("dialog", { name: "New goal" });
  await editor.getByRole("textbox", { name: /^Title/ }).fill(goal.title);
  await editor.getByRole("textbox", { name: /^Description/ }).fill(goal.description);
  await editor.getByRole("textbox", { name: /^What will you measure/ }).fill(goal.keyResultTitle);
  await editor.getByRole("spinbutton", { name: /^Target/ }).fill(goal.target);
  await editor.getByRole("textbox", { name: /^Unit/ }).fill(goal.unit);
  await editor.getByRole("button", { name: "Save as draft" }).click();
  await editor.waitFor({ state: "hidden" });
}

export function findGoalCard(page: Page, title: string) {
  return page.getByRole("article", { name: title });
}
