/** Moving through the tab the way a keyboard user does: Tab and Shift+Tab until the wanted control
 * has focus, and a look at where focus is (its accessible name, and whether the page shows it). */
import type { Locator, Page } from "playwright-core";

export interface FocusedElement {
  /** The name a screen reader announces: aria-labelledby, aria-label, a label, then the text. */
  name: string;
  tag: string;
  role: string | null;
  /** The browser shows a focus indicator (`:focus-visible`, or a field's caret) and the element
   * takes up space. */
  isShown: boolean;
  /** Something a person can act on (a control, a tree item, a scrolling region), not a tab stop
   * that only holds text, like a badge. */
  isWorthAStop: boolean;
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
    // A field that takes typing always shows its caret or edited part (a date's day, month or year),
    // though Chromium does not match :focus-visible on a date field's input itself.
    const notTyped = ["button", "submit", "reset", "checkbox", "radio", "range", "color", "file", "image"];
    const takesTyping = element instanceof HTMLTextAreaElement || (element instanceof HTMLInputElement && !notTyped.includes(element.type));
    const controlTags = ["a", "button", "input", "select", "textarea", "summary", "iframe"];
    const controlRoles = ["button", "link", "checkbox", "radio", "switch", "tab", "treeitem", "menuitem", "menuitemcheckbox", "menuitemradio", "option", "combobox", "textbox", "searchbox", "spinbutton", "slider", "gridcell", "row", "dialog", "alertdialog"];
    const role = element.getAttribute("role");
    const style = getComputedStyle(element);
    const scrolls = (/(auto|scroll)/.test(style.overflowY) && element.scrollHeight > element.clientHeight) || (/(auto|scroll)/.test(style.overflowX) && element.scrollWidth > element.clientWidth);
    const isWorthAStop = controlTags.includes(element.tagName.toLowerCase()) || (role !== null && controlRoles.includes(role)) || element.isContentEditable || scrolls;
    return {
      name,
      tag: element.tagName.toLowerCase(),
      role: element.getAttribute("role"),
      isShown: (element.matches(":focus-visible") || takesTyping) && box.width > 0 && box.height > 0,
      isWorthAStop,
    };
  });
}

async function hasFocus(target: Locator): Promise<boolean> {
  if ((await target.count()) === 0) return false;
  return target.first().evaluate((element) => element === document.activeElement || element.contains(document.activeElement));
}

/** Presses Tab (or Shift+Tab) until the target has focus; fails naming every stop on the way, and
 * on any stop on the way that is not worth one, is not shown, or has no name. */
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
    const stop = focus ? `${focus.tag}${focus.role ? `[${focus.role}]` : ""} "${focus.name.slice(0, 60)}"` : "(page)";
    stops.push(stop);
    if (focus && !focus.isWorthAStop) throw new Error(`${key} stopped on ${stop}, which has nothing to act on, on the way to ${target.toString()}`);
    if (focus && !focus.isShown) throw new Error(`${key} stopped on ${stop} without showing where focus is`);
    if (focus && !focus.name) throw new Error(`${key} stopped on ${stop}, which has no name`);
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
