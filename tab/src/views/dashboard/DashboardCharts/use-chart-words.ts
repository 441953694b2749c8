/** @fluentui/react-charts names parts of its drawing in English it offers no prop for ("Donut chart
 * with 3 slices", "Legends", "Graph has no data to display", the bar chart's "… The X axis displays
 * values." and "Ana, bar group 1 of 2, with 1 bars."). This puts the page's words in their place,
 * whenever the library writes them. */
import { useLayoutEffect, type RefObject } from "react";
import type { Translator } from "../../../i18n/translator.js";

/** The library's fixed names, each with the count it carries when it has one. */
const LIBRARY_NAMES: readonly { pattern: RegExp; kind: "graph" | "row" | "legends" | "noData" }[] = [
  { pattern: /Donut chart with (\d+) slices/, kind: "graph" },
  { pattern: /Horizontal bar chart with (\d+) bars/, kind: "graph" },
  { pattern: /^(.*), bar group (\d+) of (\d+), with \d+ bars\.$/s, kind: "row" },
  { pattern: /^Legends$/, kind: "legends" },
  { pattern: /^Graph has no data to display$/, kind: "noData" },
];

/** The page's words for an `aria-label` the library wrote, or null when it is not one of the library's. */
export function chartWordsFor(label: string, title: string, tr: Pick<Translator, "t">): string | null {
  for (const { pattern, kind } of LIBRARY_NAMES) {
    const match = pattern.exec(label);
    if (!match) continue;
    if (kind === "graph") return tr.t("dashboard.chart.graph", { title, count: Number(match[1]) });
    if (kind === "row") return tr.t("dashboard.chart.row", { name: match[1], index: Number(match[2]), total: Number(match[3]) });
    return tr.t(kind === "legends" ? "dashboard.chart.legends" : "dashboard.chart.noData");
  }
  return null;
}

export function useChartWords(container: RefObject<HTMLElement | null>, title: string, tr: Pick<Translator, "t">): void {
  useLayoutEffect(() => {
    const root = container.current;
    if (!root) return;
    const relabel = () => {
      for (const element of root.querySelectorAll("[aria-label]")) {
        const words = chartWordsFor(element.getAttribute("aria-label") ?? "", title, tr);
        if (words !== null) element.setAttribute("aria-label", words);
      }
    };
    relabel();
    // The library draws again on resize and on hover; its names come back with each drawing.
    const observer = new MutationObserver(relabel);
    observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ["aria-label"] });
    return () => observer.disconnect();
  }, [container, title, tr]);
}
