/** The charts: goals by status and progress per direct report. Loaded on its own, after the
 * figures, so the charting code never delays the first paint. */
import { Card, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { DonutChart, HorizontalBarChartWithAxis } from "@fluentui/react-charts";
import type { Dashboard } from "../../../api/use-dashboard.js";
import { formatPercent } from "../../../logic/format.js";
import { buildReportSeries, buildStatusSeries } from "../dashboard-figures.js";

const useStyles = makeStyles({
  row: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(320px, 1fr))", gap: tokens.spacingHorizontalL },
  card: { padding: tokens.spacingHorizontalL, gap: tokens.spacingVerticalM },
});

export interface DashboardChartsProps {
  dashboard: Dashboard;
}

export default function DashboardCharts({ dashboard }: DashboardChartsProps) {
  const styles = useStyles();
  const statuses = buildStatusSeries(dashboard.byStatus);
  const reports = buildReportSeries(dashboard);
  const total = statuses.reduce((sum, s) => sum + s.count, 0);
  return (
    <div className={styles.row}>
      <Card className={styles.card} data-chart="status">
        <Subtitle2 as="h3">Goals by status</Subtitle2>
        <DonutChart
          data={{ chartTitle: "Goals by status", chartData: statuses.map((s) => ({ legend: s.label, data: s.count })) }}
          innerRadius={55}
          valueInsideDonut={String(total)}
          height={240}
          hideLabels={false}
        />
      </Card>
      <Card className={styles.card} data-chart="reports">
        <Subtitle2 as="h3">Average progress by direct report</Subtitle2>
        {reports.length > 0 ? (
          <HorizontalBarChartWithAxis
            chartTitle="Average progress by direct report"
            data={reports.map((r) => ({ x: Math.round(r.progress * 100), y: r.name, legend: r.name, xAxisCalloutData: r.name, yAxisCalloutData: `${formatPercent(r.progress)} across ${r.activeGoals} goals` }))}
            height={Math.max(160, reports.length * 40 + 60)}
            xMaxValue={100}
            hideLegend
            useSingleColor
          />
        ) : (
          <span>No direct reports.</span>
        )}
      </Card>
    </div>
  );
}
