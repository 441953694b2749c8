/** The team at a glance: headline figures, charts, the same per direct report, and goals at risk.
 * Also what a channel tab shows when a team pins its dashboard (`?view=dashboard&manager=…`). */
import { Button, Subtitle1, Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowDownloadRegular } from "@fluentui/react-icons";
import { lazy, Suspense } from "react";
import { CyclePicker } from "../../components/CyclePicker/CyclePicker.js";
import { ErrorNotice } from "../../components/ErrorNotice/ErrorNotice.js";
import { GoalListSkeleton } from "../../components/GoalListSkeleton/GoalListSkeleton.js";
import { InfoNotice } from "../../components/InfoNotice/InfoNotice.js";
import { formatDateTime } from "../../logic/format.js";
import { AtRiskList } from "./AtRiskList/AtRiskList.js";
import { buildTiles } from "./dashboard-figures.js";
import { FigureTiles } from "./FigureTiles/FigureTiles.js";
import { ReportsTable } from "./ReportsTable/ReportsTable.js";
import { useDashboardPage } from "./use-dashboard-page.js";

const DashboardCharts = lazy(() => import("./DashboardCharts/DashboardCharts.js"));

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXL },
  header: { display: "flex", alignItems: "flex-end", gap: tokens.spacingHorizontalL, flexWrap: "wrap" },
  title: { display: "flex", flexDirection: "column", flexGrow: 1 },
  subtle: { color: tokens.colorNeutralForeground3 },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  chartsFallback: { minHeight: "280px" },
});

export default function DashboardView() {
  const styles = useStyles();
  const page = useDashboardPage();
  const { cycles, cycle, dashboard } = page;

  if (cycles.error) return <ErrorNotice title="The cycles could not be loaded" detail={cycles.error.message} onRetry={cycles.reload} />;
  if (cycles.isLoading) return <GoalListSkeleton />;
  if (!cycle) return <InfoNotice text="There is no goal cycle yet. Ask your admin to set one up." />;
  const data = dashboard.data;
  return (
    <div className={styles.root}>
      <div className={styles.header}>
        <div className={styles.title}>
          <Subtitle1 as="h2">{data ? `${data.manager.displayName}'s team` : "Team dashboard"}</Subtitle1>
          {data && <Text className={styles.subtle}>{`As of ${formatDateTime(data.asOf)}`}</Text>}
        </div>
        <CyclePicker cycles={cycles.data ?? []} selected={cycle} onSelect={page.selectCycle} />
        <Button icon={<ArrowDownloadRegular />} onClick={() => void page.download()} disabled={page.isExporting}>
          Export CSV
        </Button>
      </div>
      {dashboard.error && <ErrorNotice title="The dashboard could not be loaded" detail={dashboard.error.message} onRetry={dashboard.reload} />}
      {dashboard.isLoading && <GoalListSkeleton />}
      {data && (
        <>
          <FigureTiles tiles={buildTiles(data.summary, data.elapsedShare)} />
          <Suspense fallback={<div className={styles.chartsFallback} aria-busy="true" />}>
            <DashboardCharts dashboard={data} />
          </Suspense>
          <section className={styles.section}>
            <Subtitle2 as="h3">By direct report</Subtitle2>
            <ReportsTable reports={data.directReports} />
          </section>
          <section className={styles.section}>
            <Subtitle2 as="h3">Goals at risk</Subtitle2>
            <AtRiskList goals={data.atRiskGoals} />
          </section>
        </>
      )}
    </div>
  );
}
