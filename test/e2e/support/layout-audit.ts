/** The page's layout as a narrow window shows it: whether the document scrolls sideways and which
 * boxes push it wider, which texts are cut off or spill out of their box, which boxes are cut off by
 * the window's edge, and whether every box that scrolls sideways on its own is a labelled region a
 * keyboard can reach. One line per finding, naming the element and a few of its words. */
import type { Page } from "playwright-core";

export interface LayoutFindings {
  /** How far the document scrolls sideways, in CSS pixels (0 when it does not). */
  sideways: number;
  /** The outermost boxes that reach past the window's left or right edge. */
  outside: string[];
  /** Texts cut off or spilling out of their box (ellipsis, hidden overflow, or drawn over the edge). */
  clipped: string[];
  /** Boxes that scroll sideways but are not a named, focusable region. */
  unlabelledScrollers: string[];
}

/** Reads the page's layout; `ignore` is a selector for parts left out of the look. */
export function auditLayout(page: Page, ignore: string | null = null): Promise<LayoutFindings> {
  return page.evaluate((ignoreSelector) => {
    const root = document.documentElement;
    const windowWidth = root.clientWidth;
    const words = (element: Element) => (element.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 48);
    const describe = (element: Element) => {
      const classes = [...element.classList].filter((name) => name.startsWith("fui-")).slice(0, 2).join(".");
      const label = element.getAttribute("aria-label");
      return `${element.tagName.toLowerCase()}${classes ? `.${classes}` : ""}${label ? `[aria-label="${label.slice(0, 40)}"]` : ""} "${words(element)}"`;
    };
    const isLeftOut = (element: Element) => element.closest(`script, style, noscript, template, svg${ignoreSelector ? `, ${ignoreSelector}` : ""}`) !== null;
    const scrollsSideways = (element: Element) => {
      const style = getComputedStyle(element);
      return /(auto|scroll)/.test(style.overflowX) && element.scrollWidth > element.clientWidth + 1;
    };
    const insideScroller = (element: Element) => {
      for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
        if (/(auto|scroll)/.test(getComputedStyle(parent).overflowX)) return true;
      }
      return false;
    };
    const isDrawn = (element: HTMLElement) => {
      if (!element.checkVisibility({ visibilityProperty: true, opacityProperty: true })) return false;
      const box = element.getBoundingClientRect();
      // Words for screen readers only sit in a 1 px box on purpose.
      return box.width > 1 && box.height > 1;
    };
    const isFormControl = (element: Element) => element.matches("input, textarea, select");

    const outside: string[] = [];
    const clipped: string[] = [];
    const unlabelledScrollers: string[] = [];
    const outsideElements = new Set<Element>();
    for (const element of document.body.querySelectorAll("*")) {
      if (!(element instanceof HTMLElement) || isLeftOut(element) || !isDrawn(element)) continue;
      const box = element.getBoundingClientRect();
      const isInScroller = insideScroller(element);
      if (!isInScroller && (box.right > windowWidth + 1 || box.left < -1)) {
        outsideElements.add(element);
        if (!element.parentElement || !outsideElements.has(element.parentElement)) outside.push(`${describe(element)} spans ${Math.round(box.left)}…${Math.round(box.right)} px`);
      }
      if (scrollsSideways(element) && !isFormControl(element)) {
        const isRegion = element.getAttribute("role") === "region" && (element.getAttribute("aria-label") ?? element.getAttribute("aria-labelledby") ?? "") !== "" && element.tabIndex === 0;
        if (!isRegion) unlabelledScrollers.push(describe(element));
      }
    }
    // Each text as drawn: its lines must lie inside the box that holds it (or it spills out), and
    // inside every ancestor that hides what overflows it (or it is cut off). A summary clamped to a
    // few lines on purpose (line-clamp, the whole text one click away) is not cut off.
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || !(node.textContent ?? "").trim() || isLeftOut(parent) || !(parent instanceof HTMLElement) || !isDrawn(parent) || isFormControl(parent)) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const text = range.getBoundingClientRect();
      if (text.width === 0 || text.height === 0) continue;
      let holder: Element = parent;
      while (holder.parentElement && /^(inline|contents)$/.test(getComputedStyle(holder).display)) holder = holder.parentElement;
      const box = holder.getBoundingClientRect();
      const where = describe(holder);
      if (text.right > box.right + 1 || text.left < box.left - 1) {
        clipped.push(`${where} spills ${Math.round(Math.max(text.right - box.right, box.left - text.left))} px out of its box`);
        continue;
      }
      for (let ancestor: Element | null = parent; ancestor && ancestor !== document.body; ancestor = ancestor.parentElement) {
        const style = getComputedStyle(ancestor);
        if (style.webkitLineClamp !== "none" && style.webkitLineClamp !== "") break;
        // Inside a box that scrolls, the text can be scrolled into view.
        if (/(auto|scroll)/.test(style.overflowX) || /(auto|scroll)/.test(style.overflowY)) break;
        const hidesX = /(hidden|clip)/.test(style.overflowX);
        const hidesY = /(hidden|clip)/.test(style.overflowY);
        if (!hidesX && !hidesY) continue;
        const edge = ancestor.getBoundingClientRect();
        const cutX = hidesX && (text.right > edge.right + 1 || text.left < edge.left - 1);
        const cutY = hidesY && (text.bottom > edge.bottom + 1 || text.top < edge.top - 1);
        if (cutX || cutY) {
          clipped.push(`${where} is cut off ${cutX ? "at the side" : "below"} by ${describe(ancestor)}`);
          break;
        }
      }
    }
    return { sideways: Math.max(0, root.scrollWidth - root.clientWidth), outside, clipped, unlabelledScrollers };
  }, ignore);
}

/** The findings as lines, each prefixed with where they were seen. */
export function describeFindings(where: string, findings: LayoutFindings): string[] {
  return [
    ...(findings.sideways > 1 ? [`${where}: the page scrolls sideways by ${findings.sideways} px`] : []),
    ...findings.outside.map((line) => `${where}: reaches past the window: ${line}`),
    ...findings.clipped.map((line) => `${where}: clipped: ${line}`),
    ...findings.unlabelledScrollers.map((line) => `${where}: scrolls sideways without a labelled, focusable region: ${line}`),
  ];
}
