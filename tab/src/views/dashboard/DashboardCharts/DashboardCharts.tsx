/** The charts: goals by status and progress per direct report. Loaded on its own, after the
 * figures, so the charting code never delays the first paint. */
import { Card, Subtitle2, makeStyles, tokens, useFluent, useId } from "@fluentui/react-components";
import { DataVizPalette, DonutChart, getColorFromToken, HorizontalBarChartWithAxis } from "@fluentui/react-charts";
import { useRef } from "react";
import type { Dashboard } from "../../../api/use-dashboard.js";
import { SpokenOnly } from "../../../components/SpokenOnly/SpokenOnly.js";
import { buildReportSeries, buildStatusSeries } from "../dashboard-figures.js";
import { useTranslator } from "../../../i18n/use-translator.js";
import { useChartWords } from "./use-chart-words.js";

/** Status colours from the charts' own data-visualisation palette. */
const STATUS_TOKENS: Record<string, string> = {
  active: DataVizPalette.color1,
  pending_approval: DataVizPalette.warning,
  changes_requested: DataVizPalette.color5,
  draft: DataVizPalette.disabled,
  completed: DataVizPalette.success,
  missed: DataVizPalette.error,
  rejected: DataVizPalette.color8,
  cancelled: DataVizPalette.color10,
};

const useStyles = makeStyles({
  row: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(min(320px, 100%), 1fr))", gap: tokens.spacingHorizontalL },
  card: { padding: tokens.spacingHorizontalL, gap: tokens.spacingVerticalM },
});

export interface DashboardChartsProps {
  dashboard: Dashboard;
}

/** The shell sets the page's colour scheme from the Teams or browser theme. */
function isDarkPage(): boolean {
  return typeof document !== "undefined" && document.documentElement.style.colorScheme === "dark";
}

export default function DashboardCharts({ dashboard }: DashboardChartsProps) {
  const styles = useStyles();
  const isDark = isDarkPage();
  const colorOf = (token: string) => getColorFromToken(token, isDark);
  const tr = useTranslator();
  const { t } = tr;
  const statuses = buildStatusSeries(dashboard.byStatus, tr);
  const reports = buildReportSeries(dashboard);
  const total = statuses.reduce((sum, s) => sum + s.count, 0);
  const ids = { status: useId("chart-status"), reports: useId("chart-reports") };
  // The names sit where a line starts: on the left in English, on the right in Arabic, and the chart
  // keeps its wide margin on that side for them.
  const { dir } = useFluent();
  const nameSide = 140;
  const barEnd = 16;
  const margins = dir === "rtl" ? { left: barEnd, right: nameSide, top: 8, bottom: 32 } : { left: nameSide, right: barEnd, top: 8, bottom: 32 };
  const statusChart = useRef<HTMLDivElement>(null);
  const reportsChart = useRef<HTMLDivElement>(null);
  useChartWords(statusChart, t("dashboard.chart.status"), tr);
  useChartWords(reportsChart, t("dashboard.chart.reports"), tr);
  // Each chart is a figure named by its heading and described in words, for people who cannot see it.
  const statusSummary = tr.formatList(statuses.map((s) => t("dashboard.chart.statusItem", { status: s.label, count: tr.formatNumber(s.count) })));
  const reportsSummary = tr.formatList(
    reports.map((r) => t("dashboard.chart.reportItem", { name: r.name, detail: t("dashboard.chart.callout", { progress: tr.formatPercent(r.progress), count: r.activeGoals }) })),
  );
  return (
    <div className={styles.row}>
      <Card ref={statusChart} className={styles.card} data-chart="status" role="figure" aria-labelledby={`${ids.status}-title`} aria-describedby={`${ids.status}-summary`}>
        <Subtitle2 as="h3" id={`${ids.status}-title`}>
          {t("dashboard.chart.status")}
        </Subtitle2>
        <SpokenOnly id={`${ids.status}-summary`}>{statusSummary}</SpokenOnly>
        <DonutChart
          data={{ chartTitle: t("dashboard.chart.status"), chartData: statuses.map((s) => ({ legend: s.label, data: s.count, color: colorOf(STATUS_TOKENS[s.status] ?? DataVizPalette.color1) })) }}
          innerRadius={55}
          valueInsideDonut={tr.formatNumber(total)}
          height={240}
          hideLabels={false}
          culture={tr.locale}
          legendsOverflowText={t("dashboard.chart.more")}
        />
      </Card>
      <Card ref={reportsChart} className={styles.card} data-chart="reports" role="figure" aria-labelledby={`${ids.reports}-title`} aria-describedby={reports.length > 0 ? `${ids.reports}-summary` : undefined}>
        <Subtitle2 as="h3" id={`${ids.reports}-title`}>
          {t("dashboard.chart.reports")}
        </Subtitle2>
        {reports.length > 0 ? (
          <>
            <SpokenOnly id={`${ids.reports}-summary`}>{reportsSummary}</SpokenOnly>
            <HorizontalBarChartWithAxis
              chartTitle={t("dashboard.chart.reports")}
              data={reports.map((r) => {
                const detail = t("dashboard.chart.callout", { progress: tr.formatPercent(r.progress), count: r.activeGoals });
                return { x: Math.round(r.progress * 100), y: r.name, legend: r.name, xAxisCalloutData: r.name, yAxisCalloutData: detail, callOutAccessibilityData: { ariaLabel: t("dashboard.chart.reportItem", { name: r.name, detail }) } };
              })}
              height={Math.max(160, reports.length * 40 + 60)}
              hideLegend
              useSingleColor
              colors={[colorOf(DataVizPalette.color1)]}
              margins={margins}
              showYAxisLables
              culture={tr.locale}
            />
          </>
        ) : (
          <span>{t("dashboard.noReports")}</span>
        )}
      </Card>
    </div>
  );
}
