/** A leader signs in, opens the Dashboard and sees their organisation at a glance: the figures the
 * API computes, the charts, the per-report table. A check-in by someone below them moves it. In
 * Arabic the per-report chart reads right to left: the same bars as in English, mirrored. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCascade } from "../support/cascade-server.js";
import { launchChromium, type BrowserSession } from "./support/chromium.js";
import { signInWithKeyboard, type DemoPerson } from "./support/my-goals-page.js";
import { openView, signInQuietly } from "./support/tab-tour.js";

async function devToken(baseUrl: string, userId: string): Promise<string> {
  const response = await fetch(new URL("/api/dev/token", baseUrl), { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ userId }) });
  return ((await response.json()) as { token: string }).token;
}

async function callApi(baseUrl: string, token: string, method: string, path: string, body?: unknown): Promise<any> {
  const response = await fetch(new URL(path, baseUrl), { method, headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
  expect(response.ok, `${method} ${path} → ${response.status}`).toBe(true);
  return response.json();
}

/** Someone below the leader with an active goal, to check in as. */
async function findActiveGoalBelow(baseUrl: string, people: DemoPerson[], leaderId: string): Promise<{ token: string; goal: any }> {
  for (const person of people.filter((p) => p.managerId !== null && p.id !== leaderId)) {
    const token = await devToken(baseUrl, person.id);
    const goals = await callApi(baseUrl, token, "GET", "/api/goals?owner=me&status=active");
    if (goals.items.length > 0) return { token, goal: goals.items[0] };
  }
  throw new Error("The demo organisation has no active goal to check in on");
}

interface DrawnBar {
  name: string;
  /** Edges in pixels from the chart's left edge. */
  left: number;
  right: number;
  nameLeft: number;
  nameRight: number;
}

/** Where the per-report chart draws each bar and its person's name, and its axis's numbers from left to right. */
async function readReportsChart(page: import("playwright-core").Page): Promise<{ width: number; bars: DrawnBar[]; ticks: number[]; dir: string }> {
  await page.locator('[data-chart="reports"] svg rect[role="option"]').first().waitFor();
  return page.evaluate(() => {
    const svg = document.querySelector('[data-chart="reports"] svg')!;
    const origin = svg.getBoundingClientRect();
    const names = [...svg.querySelectorAll(".fui-cart__yAxis .tick text")];
    const bars = [...svg.querySelectorAll('rect[role="option"]')].map((rect) => {
      const box = rect.getBoundingClientRect();
      const label = rect.getAttribute("aria-label") ?? "";
      const name = names.find((text) => label.startsWith(`${text.textContent}`))!;
      const nameBox = name.getBoundingClientRect();
      return { name: name.textContent ?? "", left: box.left - origin.left, right: box.right - origin.left, nameLeft: nameBox.left - origin.left, nameRight: nameBox.right - origin.left };
    });
    const ticks = [...svg.querySelectorAll(".fui-cart__xAxis .tick text")]
      .map((text) => ({ value: Number(text.textContent), x: text.getBoundingClientRect().left }))
      .sort((a, b) => a.x - b.x)
      .map((tick) => tick.value);
    return { width: origin.width, bars, ticks, dir: getComputedStyle(svg).direction };
  });
}

const readFigure = async (page: import("playwright-core").Page, id: string) => (await page.locator(`[data-figure="${id}"] [data-value]`).first().textContent())?.trim();

describe("Dashboard in a browser", () => {
  let cascade: Awaited<ReturnType<typeof startCascade>>;
  let browser: BrowserSession;

  beforeAll(async () => {
    cascade = await startCascade();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await cascade?.stop();
  });

  it("shows the leader's organisation at a glance, and moves after a check-in", async () => {
    const people = (await (await fetch(new URL("/api/dev/users", cascade.url))).json()) as DemoPerson[];
    const leader = people.find((p) => p.managerId === null)!;
    const page = await browser.context.newPage();
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));

    await page.goto(new URL("/", cascade.url).href);
    await signInWithKeyboard(page, leader);
    await page.getByRole("tab", { name: "Dashboard" }).click();
    await page.getByRole("heading", { name: `${leader.displayName}'s team` }).waitFor();

    const leaderToken = await devToken(cascade.url, leader.id);
    const expected = await callApi(cascade.url, leaderToken, "GET", "/api/dashboard?manager=me");
    expect(await readFigure(page, "people")).toBe(String(expected.summary.people));
    expect(await readFigure(page, "goals")).toBe(String(expected.summary.goals));
    expect(await readFigure(page, "at-risk")).toBe(String(expected.summary.atRisk));
    await page.locator('[data-chart="status"] svg').first().waitFor();
    await page.locator('[data-chart="reports"] svg').first().waitFor();
    expect(await page.getByRole("table", { name: "Figures per direct report" }).locator("tbody tr").count()).toBe(expected.directReports.length);

    const atRisk = expected.atRiskGoals[0];
    expect(atRisk, "the demo organisation has a goal at risk").toBeDefined();
    await page.getByRole("list", { name: "Goals at risk" }).getByRole("button", { name: `Details of ${atRisk.title}` }).first().press("Enter");
    await page.getByRole("dialog", { name: atRisk.title }).waitFor();
    await page.keyboard.press("Escape");
    await page.getByRole("dialog").waitFor({ state: "detached" });

    const { token, goal } = await findActiveGoalBelow(cascade.url, people, leader.id);
    const kr = goal.keyResults[0];
    const value = kr.kind === "milestone" ? { id: kr.id, done: true } : { id: kr.id, current: kr.target };
    await callApi(cascade.url, token, "POST", `/api/goals/${goal.id}/checkins`, { keyResults: [value], confidence: "on_track", note: "Done ahead of time" });
    const after = await callApi(cascade.url, leaderToken, "GET", "/api/dashboard?manager=me");
    expect(after.summary.averageProgress).toBeGreaterThan(expected.summary.averageProgress);

    await page.reload();
    await page.getByRole("heading", { name: `${leader.displayName}'s team` }).waitFor();
    await page.waitForFunction(
      ([selector, text]) => document.querySelector(selector!)?.textContent?.trim() === text,
      ['[data-figure="progress"] [data-value]', `${Math.round(after.summary.averageProgress * 100)}%`] as const,
      { timeout: 15_000 },
    );
    await page.locator('[data-chart="status"] svg').first().waitFor();
    await page.locator('[data-chart="reports"] svg').first().waitFor();
    await page.screenshot({ path: "test-results/dashboard.png", fullPage: true }).catch(() => undefined);
    expect(pageErrors).toEqual([]);
  });

  it("draws the per-report chart right to left in Arabic: English mirrored", async () => {
    const people = (await (await fetch(new URL("/api/dev/users", cascade.url))).json()) as DemoPerson[];
    const leader = people.find((p) => p.managerId === null)!;
    const charts: Record<string, Awaited<ReturnType<typeof readReportsChart>>> = {};
    for (const locale of ["en", "ar"]) {
      const session = await launchChromium({ locale });
      try {
        const page = await session.context.newPage();
        await signInQuietly(page, cascade.url, leader);
        await openView(page, cascade.url, "dashboard");
        charts[locale] = await readReportsChart(page);
      } finally {
        await session.close();
      }
    }
    const english = charts.en!;
    const arabic = charts.ar!;
    expect(english.bars.length).toBeGreaterThan(1);
    expect(arabic.dir).toBe("rtl");

    // English: names at the left, every bar starts at the same line and runs right, the axis counts up.
    for (const bar of english.bars) {
      expect(bar.nameRight, bar.name).toBeLessThanOrEqual(bar.left + 1);
      expect(bar.nameLeft, `${bar.name} is drawn inside the chart`).toBeGreaterThanOrEqual(-1);
    }
    expect(new Set(english.bars.map((bar) => Math.round(bar.left))).size).toBe(1);
    expect(english.ticks[0]).toBe(0);
    expect(english.ticks).toEqual([...english.ticks].sort((a, b) => a - b));

    // Arabic: names at the right, every bar starts at the same line and runs left, the axis counts up leftwards.
    for (const bar of arabic.bars) {
      expect(bar.nameLeft, bar.name).toBeGreaterThanOrEqual(bar.right - 1);
      expect(bar.nameRight, `${bar.name} is drawn inside the chart`).toBeLessThanOrEqual(arabic.width + 1);
    }
    expect(new Set(arabic.bars.map((bar) => Math.round(bar.right))).size).toBe(1);
    expect(arabic.ticks.at(-1)).toBe(0);
    expect(arabic.ticks).toEqual([...arabic.ticks].sort((a, b) => b - a));

    // The same bars, mirrored across the chart.
    expect(arabic.width).toBeCloseTo(english.width, 0);
    for (const bar of english.bars) {
      const mirrored = arabic.bars.find((candidate) => candidate.name === bar.name)!;
      expect(mirrored, bar.name).toBeDefined();
      expect(Math.abs(mirrored.right - (english.width - bar.left)), bar.name).toBeLessThanOrEqual(1);
      expect(Math.abs(mirrored.left - (english.width - bar.right)), bar.name).toBeLessThanOrEqual(1);
    }
  });
});
