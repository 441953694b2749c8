/** What the dashboard shows, worked out from the API's figures: the tiles, the chart series and
 * which figures deserve attention. Pure, so it is tested without a browser. */
import type { Dashboard, DashboardFigures } from "../../api/use-dashboard.js";
import { formatPercent } from "../../logic/format.js";

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

export function buildTiles(figures: DashboardFigures, elapsedShare: number): Tile[] {
  const isBehind = figures.activeGoals > 0 && figures.averageProgress < elapsedShare - 0.15;
  return [
    { id: "people", label: "People", value: String(figures.people), hint: "In this team, all levels", tone: "neutral" },
    { id: "goals", label: "Goals", value: String(figures.goals), hint: `${figures.activeGoals} under way`, tone: "neutral" },
    { id: "coverage", label: "Coverage", value: formatPercent(figures.coverage), hint: "People with an aligned goal", tone: toneForShare(figures.coverage) },
    { id: "progress", label: "Average progress", value: formatPercent(figures.averageProgress), hint: `${formatPercent(elapsedShare)} of the cycle gone`, tone: isBehind ? "warning" : "good" },
    { id: "at-risk", label: "At risk", value: String(figures.atRisk), hint: "Goals behind or flagged", tone: figures.atRisk === 0 ? "good" : "danger" },
    { id: "fresh-7", label: "Checked in this week", value: formatPercent(figures.checkedInWithin7Days), hint: `${formatPercent(figures.checkedInWithin14Days)} within two weeks`, tone: toneForShare(figures.checkedInWithin7Days) },
    { id: "pending", label: "Waiting for approval", value: String(figures.pendingApprovals), hint: "Goals sent for approval", tone: figures.pendingApprovals === 0 ? "neutral" : "warning" },
  ];
}

export const STATUS_LABELS: Record<string, string> = {
  active: "Under way",
  pending_approval: "Waiting for approval",
  changes_requested: "Changes requested",
  draft: "Draft",
  completed: "Completed",
  missed: "Missed",
  rejected: "Rejected",
  cancelled: "Cancelled",
};

/** Statuses with at least one goal, in lifecycle order. */
export function buildStatusSeries(byStatus: Dashboard["byStatus"]): Array<{ status: string; label: string; count: number }> {
  return Object.keys(STATUS_LABELS)
    .map((status) => ({ status, label: STATUS_LABELS[status]!, count: byStatus[status as keyof Dashboard["byStatus"]] ?? 0 }))
    .filter((item) => item.count > 0);
}

/** Average progress per direct report, lowest first, so the teams that need help come first. */
export function buildReportSeries(dashboard: Dashboard): Array<{ name: string; progress: number; activeGoals: number }> {
  return dashboard.directReports
    .map((report) => ({ name: report.person.displayName, progress: report.figures.averageProgress, activeGoals: report.figures.activeGoals }))
    .sort((a, b) => a.progress - b.progress || a.name.localeCompare(b.name));
}
