/** What the dashboard shows, worked out from the API's figures: the tiles, the chart series and
 * which figures deserve attention. Pure, so it is tested without a browser. */
import type { Dashboard, DashboardFigures } from "../../api/use-dashboard.js";
import type { Translator } from "../../i18n/translator.js";

export type Tone = "neutral" | "good" | "warning" | "danger";

export interface Tile {
  id: string;
  label: string;
  value: string;
  hint: string;
  tone: Tone;
}

/** Freshness below these shares means many people have gone quiet. */
const FRESH_GOOD = 0.8;
const FRESH_WARN = 0.5;

function toneForShare(share: number): Tone {
  if (share >= FRESH_GOOD) return "good";
  return share >= FRESH_WARN ? "warning" : "danger";
}

export function buildTiles(figures: DashboardFigures, elapsedShare: number, tr: Translator): Tile[] {
  const { t, formatNumber: count, formatPercent: percent } = tr;
  const isBehind = figures.activeGoals > 0 && figures.averageProgress < elapsedShare - 0.15;
  return [
    { id: "people", label: t("dashboard.tile.people"), value: count(figures.people), hint: t("dashboard.tile.people.hint"), tone: "neutral" },
    { id: "goals", label: t("dashboard.tile.goals"), value: count(figures.goals), hint: t("dashboard.tile.goals.hint", { count: figures.activeGoals }), tone: "neutral" },
    { id: "coverage", label: t("dashboard.tile.coverage"), value: percent(figures.coverage), hint: t("dashboard.tile.coverage.hint"), tone: toneForShare(figures.coverage) },
    { id: "progress", label: t("dashboard.tile.progress"), value: percent(figures.averageProgress), hint: t("dashboard.tile.progress.hint", { share: percent(elapsedShare) }), tone: isBehind ? "warning" : "good" },
    { id: "at-risk", label: t("dashboard.tile.atRisk"), value: count(figures.atRisk), hint: t("dashboard.tile.atRisk.hint"), tone: figures.atRisk === 0 ? "good" : "danger" },
    { id: "fresh-7", label: t("dashboard.tile.fresh"), value: percent(figures.checkedInWithin7Days), hint: t("dashboard.tile.fresh.hint", { share: percent(figures.checkedInWithin14Days) }), tone: toneForShare(figures.checkedInWithin7Days) },
    { id: "pending", label: t("dashboard.tile.pending"), value: count(figures.pendingApprovals), hint: t("dashboard.tile.pending.hint"), tone: figures.pendingApprovals === 0 ? "neutral" : "warning" },
  ];
}

/** Lifecycle order, and the chart's word for each status. */
const CHART_STATUSES = ["active", "pending_approval", "changes_requested", "draft", "completed", "missed", "rejected", "cancelled"] as const;

/** Statuses with at least one goal, in lifecycle order. */
export function buildStatusSeries(byStatus: Dashboard["byStatus"], tr: Translator): Array<{ status: string; label: string; count: number }> {
  return CHART_STATUSES.map((status) => ({ status, label: tr.t(`dashboard.status.${status}`), count: byStatus[status as keyof Dashboard["byStatus"]] ?? 0 })).filter(
    (item) => item.count > 0,
  );
}

/** Average progress per direct report, lowest first, so the teams that need help come first. */
export function buildReportSeries(dashboard: Dashboard): Array<{ name: string; progress: number; activeGoals: number }> {
  return dashboard.directReports
    .map((report) => ({ name: report.person.displayName, progress: report.figures.averageProgress, activeGoals: report.figures.activeGoals }))
    .sort((a, b) => a.progress - b.progress || a.name.localeCompare(b.name));
}
