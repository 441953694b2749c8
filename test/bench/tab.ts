/** Tab benchmarks: the initial JavaScript a first visit downloads (gzip) and the time to the first
 * useful screen in headless Chromium, on a fresh browser profile each run (cold cache). The first-render
 * mark is the same moment the tab calls notifySuccess inside Teams. */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { measureInitialJs, INITIAL_JS_BUDGET_KB } from "../../tab/scripts/measure-bundle.js";
import { FIRST_RENDER_MARK } from "../../tab/src/components/first-render.js";
import { startCascade } from "../support/cascade-server.js";
import { launchChromium } from "../e2e/support/chromium.js";
import { computePercentile } from "./api-load.js";

const RUNS = 7;
const FIRST_RENDER_BUDGET_MS = 2500;

async function measureFirstRender(url: string): Promise<number> {
  const browser = await launchChromium();
  try {
    const page = await browser.context.newPage();
    const started = Date.now();
    await page.goto(url);
    const handle = await page.waitForFunction((mark) => performance.getEntriesByName(mark)[0]?.startTime ?? null, FIRST_RENDER_MARK, { timeout: 30_000 });
    const markMs = Number(await handle.jsonValue());
    return Math.max(markMs, 0) || Date.now() - started;
  } finally {
    await browser.close();
  }
}

export async function runTabBench(): Promise<void> {
  execFileSync("npm", ["run", "build:tab", "--silent"], { stdio: "ignore" });
  const dist = fileURLToPath(new URL("../../tab/dist", import.meta.url));
  const bundle = await measureInitialJs(dist);
  console.log(JSON.stringify({ bench: "tab-bundle", initialJsGzipKb: bundle.initialJsGzipKb, files: bundle.files.length, budgetKb: INITIAL_JS_BUDGET_KB, isWithinBudget: bundle.initialJsGzipKb <= INITIAL_JS_BUDGET_KB }));
  const cascade = await startCascade();
  try {
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) times.push(await measureFirstRender(`${cascade.url}/`));
    const sorted = [...times].sort((a, b) => a - b);
    const p95 = computePercentile(sorted, 0.95);
    console.log(JSON.stringify({ bench: "tab-first-render", runs: RUNS, medianMs: Math.round(computePercentile(sorted, 0.5)), p95Ms: Math.round(p95), maxMs: Math.round(sorted.at(-1)!), budgetMs: FIRST_RENDER_BUDGET_MS, isWithinBudget: p95 <= FIRST_RENDER_BUDGET_MS }));
  } finally {
    await cascade.stop();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  runTabBench().then(() => process.exit(0), (error: unknown) => { console.error(error); process.exit(1); });
}
