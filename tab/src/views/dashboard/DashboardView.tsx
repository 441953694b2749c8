/** The team at a glance: headline figures, charts, the same per direct report, and goals at risk.
 * Also what a channel tab shows when a team pins its dashboard (`?view=dashboard&manager=…`). */
import { Button, Subtitle1, Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowDownloadRegular } from "@fluentui/react-icons";
import { lazy, Suspense } from "react";
import { CyclePicker } from "../../components/CyclePicker/CyclePicker.js";
import { ErrorNotice } from "../../components/ErrorNotice/ErrorNotice.js";
import { GoalListSkeleton } from "../../components/GoalListSkeleton/GoalListSkeleton.js";
import { InfoNotice } from "../../components/InfoNotice/InfoNotice.js";
import { describeError } from "../../i18n/describe-error.js";
import { AtRiskList } from "./AtRiskList/AtRiskList.js";
import { buildTiles } from "./dashboard-figures.js";
import { FigureTiles } from "./FigureTiles/FigureTiles.js";
import { ReportsTable } from "./ReportsTable/ReportsTable.js";
import { useDashboardPage } from "./use-dashboard-page.js";
import { useTranslator } from "../../i18n/use-translator.js";

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
  const tr = useTranslator();
  const { t } = tr;

  if (cycles.error) return <ErrorNotice title={t("cycle.loadFailed")} detail={describeError(cycles.error, tr)} onRetry={cycles.reload} />;
  if (cycles.isLoading) return <GoalListSkeleton />;
  if (!cycle) return <InfoNotice text={t("cycle.noneYet")} />;
  const data = dashboard.data;
  return (
    <div className={styles.root}>
      <div className={styles.header}>
        <div className={styles.title}>
          <Subtitle1 as="h2">{data ? t("team.theirs", { name: data.manager.displayName }) : t("dashboard.title")}</Subtitle1>
          {data && <Text className={styles.subtle}>{t("dashboard.asOf", { when: tr.formatDateTime(data.asOf) })}</Text>}
        </div>
        <CyclePicker cycles={cycles.data ?? []} selected={cycle} onSelect={page.selectCycle} />
        <Button icon={<ArrowDownloadRegular />} onClick={() => void page.download()} disabled={page.isExporting}>
          {t("dashboard.export")}
        </Button>
      </div>
      {dashboard.error && <ErrorNotice title={t("dashboard.loadFailed")} detail={describeError(dashboard.error, tr)} onRetry={dashboard.reload} />}
      {dashboard.isLoading && <GoalListSkeleton />}
      {data && (
        <>
          <FigureTiles tiles={buildTiles(data.summary, data.elapsedShare, tr)} />
          <Suspense fallback={<div className={styles.chartsFallback} aria-busy="true" />}>
            <DashboardCharts dashboard={data} />
          </Suspense>
          <section className={styles.section}>
            <Subtitle2 as="h3">{t("dashboard.byReport")}</Subtitle2>
            <ReportsTable reports={data.directReports} />
          </section>
          <section className={styles.section}>
            <Subtitle2 as="h3">{t("dashboard.atRisk")}</Subtitle2>
            <AtRiskList goals={data.atRiskGoals} />
          </section>
        </>
      )}
    </div>
  );
}
