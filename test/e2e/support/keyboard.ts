/** Moving through the tab the way a keyboard user does: Tab and Shift+Tab until the wanted control
 * has focus, and a look at where focus is (its accessible name, and whether the page shows it). */
import type { Locator, Page } from "playwright-core";

export interface FocusedElement {
  /** The name a screen reader announces: aria-labelledby, aria-label, a label, then the text. */
  name: string;
  tag: string;
  role: string | null;
  /** The browser shows a focus indicator (`:focus-visible`) and the element takes up space. */
  isShown: boolean;
}

/** What has focus now, or null when focus is on the page itself. */
export async function readFocus(page: Page): Promise<FocusedElement | null> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!(element instanceof HTMLElement) || element === document.body) return null;
    const textOf = (ids: string) =>
      ids
        .split(/\s+/)
        .map((id) => document.getElementById(id)?.textContent?.trim() ?? "")
        .filter(Boolean)
        .join(" ");
    const labelledBy = element.getAttribute("aria-labelledby");
    const labels = "labels" in element ? [...((element as HTMLInputElement).labels ?? [])].map((label) => label.textContent?.trim() ?? "").join(" ") : "";
    const name = (labelledBy ? textOf(labelledBy) : "") || element.getAttribute("aria-label")?.trim() || labels.trim() || element.textContent?.trim() || element.getAttribute("title")?.trim() || "";
    const box = element.getBoundingClientRect();
    return {
      name,
      tag: element.tagName.toLowerCase(),
      role: element.getAttribute("role"),
      isShown: element.matches(":focus-visible") && box.width > 0 && box.height > 0,
    };
  });
}

async function hasFocus(target: Locator): Promise<boolean> {
  if ((await target.count()) === 0) return false;
  return target.first().evaluate((element) => element === document.activeElement || element.contains(document.activeElement));
}

/** Presses Tab (or Shift+Tab) until the target has focus; fails naming every stop on the way. */
export async function tabTo(page: Page, target: Locator, options: { backwards?: boolean; maxPresses?: number } = {}): Promise<FocusedElement> {
  const key = options.backwards ? "Shift+Tab" : "Tab";
  const stops: string[] = [];
  for (let press = 0; press <= (options.maxPresses ?? 60); press++) {
    if (await hasFocus(target)) {
      const focus = await readFocus(page);
      if (!focus) throw new Error("Focus was lost on the way");
      return focus;
    }
    await page.keyboard.press(key);
    const focus = await readFocus(page);
    stops.push(focus ? `${focus.tag}${focus.role ? `[${focus.role}]` : ""} "${focus.name.slice(0, 60)}"` : "(page)");
  }
  throw new Error(`${key} never reached ${target.toString()}; it stopped at:\n${stops.join("\n")}`);
}

/** Waits until the target has focus, as after a dialog opens or closes. */
export async function waitForFocus(page: Page, target: Locator, timeoutMs = 10_000): Promise<FocusedElement> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await hasFocus(target)) {
      const focus = await readFocus(page);
      if (focus) return focus;
    }
    await page.waitForTimeout(100);
  }
  const focus = await readFocus(page);
  throw new Error(`Focus never reached ${target.toString()}; it is on ${focus ? `${focus.tag} "${focus.name}"` : "the page"}`);
}
