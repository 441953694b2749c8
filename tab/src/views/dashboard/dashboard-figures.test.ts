import { describe, expect, test } from "vitest";
import { english } from "../../../../test/support/tab-translator.js";
import type { Dashboard, DashboardFigures } from "../../api/use-dashboard.js";
import { buildReportSeries, buildStatusSeries, buildTiles } from "./dashboard-figures.js";

const figures = (overrides: Partial<DashboardFigures> = {}): DashboardFigures => ({
  people: 4, goals: 6, activeGoals: 4, coverage: 0.75, averageProgress: 0.2, atRisk: 2,
  checkedInWithin7Days: 0.5, checkedInWithin14Days: 0.75, pendingApprovals: 1, ...overrides,
});

describe("dashboard tiles", () => {
  test("plain values with tones that draw the eye to problems", () => {
    const tiles = Object.fromEntries(buildTiles(figures(), 0.5, english).map((t) => [t.id, t]));
    expect(tiles.coverage).toMatchObject({ value: "75%", tone: "warning" });
    expect(tiles.progress).toMatchObject({ value: "20%", tone: "warning", hint: "50% of the cycle gone" });
    expect(tiles["at-risk"]).toMatchObject({ value: "2", tone: "danger" });
    expect(tiles["fresh-7"]).toMatchObject({ value: "50%", hint: "75% within two weeks" });
  });

  test("a healthy team is green", () => {
    const tiles = buildTiles(figures({ coverage: 1, averageProgress: 0.6, atRisk: 0, checkedInWithin7Days: 0.9 }), 0.5, english);
    expect(tiles.filter((t) => t.tone === "danger")).toEqual([]);
  });
});

describe("chart series", () => {
  test("statuses with goals only, in lifecycle order; reports lowest progress first", () => {
    const byStatus = { draft: 1, pending_approval: 0, active: 3, changes_requested: 0, rejected: 0, completed: 2, missed: 0, cancelled: 0 };
    expect(buildStatusSeries(byStatus, english).map((s) => s.status)).toEqual(["active", "draft", "completed"]);
    const dashboard = {
      directReports: [
        { person: { id: "a", displayName: "Ann", jobTitle: null }, figures: figures({ averageProgress: 0.7 }) },
        { person: { id: "b", displayName: "Ben", jobTitle: null }, figures: figures({ averageProgress: 0.1 }) },
      ],
    } as Dashboard;
    expect(buildReportSeries(dashboard).map((r) => r.name)).toEqual(["Ben", "Ann"]);
  });
});
