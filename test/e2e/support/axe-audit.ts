/** axe-core in the page under test: its own script evaluated in the page (the tab's content security
 * policy does not apply to it), a run over the whole document, and the serious and critical
 * violations written as one line each, saying where they were found. */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const BLOCKING_IMPACTS = ["serious", "critical"];
/** Fluent's focus manager (Tabster) puts empty `<i tabindex="0" aria-hidden="true" data-tabster-dummy>`
 * bumpers around focus groups; they hand focus on at once and must stay hidden from screen readers.
 * axe's aria-hidden-focus reports them; Microsoft's own scanners suppress exactly these results
 * (microsoft/tabster#288, microsoft/accessibility-insights-web#7605). Only that rule, only those
 * elements: the markup is the library's, not the tab's. */
const THIRD_PARTY_EXCEPTIONS: { rule: string; selector: string }[] = [{ rule: "aria-hidden-focus", selector: "[data-tabster-dummy]" }];

interface AxeNode {
  target: unknown[];
  html: string;
  failureSummary?: string;
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: AxeNode[];
}

/** Runs axe on the whole page and returns one line per serious or critical finding. */
export async function auditPage(page: Page, where: string): Promise<string[]> {
  const hasAxe = await page.evaluate(() => "axe" in window);
  if (!hasAxe) await page.evaluate(AXE_SOURCE);
  const violations = (await page.evaluate(async (exceptions) => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const results = await axe.run(document, { resultTypes: ["violations"] });
    const isThirdParty = (rule: string, target: unknown[]) =>
      exceptions.some((exception) => exception.rule === rule && target.length === 1 && typeof target[0] === "string" && document.querySelector(target[0])?.matches(exception.selector) === true);
    return results.violations.map((violation) => ({ ...violation, nodes: violation.nodes.filter((node) => !isThirdParty(violation.id, node.target)) }));
  }, THIRD_PARTY_EXCEPTIONS)) as AxeViolation[];
  return violations
    .filter((violation) => violation.impact !== null && BLOCKING_IMPACTS.includes(violation.impact))
    .flatMap((violation) =>
      violation.nodes.map((node) => {
        const detail = (node.failureSummary ?? "").split("\n").slice(1, 2).join("").trim();
        const html = node.html.length > 160 ? `${node.html.slice(0, 160)}…` : node.html;
        return `[${where}] ${violation.id} (${violation.impact}) at ${JSON.stringify(node.target)} ${html}: ${violation.help}${detail ? ` — ${detail}` : ""}`;
      }),
    );
}
