/** The caller's team: each direct report with their goals, coverage and risk, and a way down into
 * any report's own team. Goals of people who left wait here for the manager to give or close them. */
import { Breadcrumb, BreadcrumbButton, BreadcrumbDivider, BreadcrumbItem, Button, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowClockwiseRegular } from "@fluentui/react-icons";
import { Fragment } from "react";
import { CyclePicker } from "../../components/CyclePicker/CyclePicker.js";
import { ErrorNotice } from "../../components/ErrorNotice/ErrorNotice.js";
import { GoalListSkeleton } from "../../components/GoalListSkeleton/GoalListSkeleton.js";
import { InfoNotice } from "../../components/InfoNotice/InfoNotice.js";
import { PageHeader } from "../../components/PageHeader/PageHeader.js";
import { CascadeSummary } from "../organisation/CascadeSummary/CascadeSummary.js";
import { LeaverGoalDialog } from "./LeaverGoalDialog/LeaverGoalDialog.js";
import { ReportCard } from "./ReportCard/ReportCard.js";
import { TeamCloseOut } from "./TeamCloseOut/TeamCloseOut.js";
import { useTeamPage } from "./use-team-page.js";
import { MY_TEAM, type TeamCrumb } from "./team-logic.js";
import { describeError } from "../../i18n/describe-error.js";
import { useTranslator } from "../../i18n/use-translator.js";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  list: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(min(100%, 460px), 1fr))", gap: tokens.spacingVerticalM },
});

export default function TeamView() {
  const styles = useStyles();
  const page = useTeamPage();
  const { me, cycles, cycle, cascade, root, reports, path } = page;
  const tr = useTranslator();
  const { t } = tr;
  const nameCrumb = (crumb: TeamCrumb) => (crumb.id === MY_TEAM.id ? t("team.mine") : crumb.label);

  const loadError = me.error ?? cycles.error;
  if (loadError) return <ErrorNotice title={t("team.loadFailed")} detail={describeError(loadError, tr)} onRetry={() => { me.reload(); cycles.reload(); }} />;
  if (me.isLoading || cycles.isLoading) return <GoalListSkeleton />;
  if (!me.data || !cycle) return <InfoNotice text={t("cycle.noneYet")} />;
  const isMine = path.length === 1;
  return (
    <div className={styles.root}>
      <PageHeader title={isMine ? t("team.mine") : t("team.theirs", { name: path[path.length - 1]!.label })} subtitle={t("team.subtitle", { cycle: cycle.name })}>
        <CyclePicker cycles={cycles.data ?? []} selected={cycle} onSelect={page.selectCycle} />
        <Button appearance="subtle" icon={<ArrowClockwiseRegular />} aria-label={t("common.refresh")} onClick={cascade.reload} />
      </PageHeader>
      {path.length > 1 && (
        <Breadcrumb aria-label={t("team.breadcrumb")}>
          {path.map((crumb, index) => (
            <Fragment key={crumb.id}>
              {index > 0 && <BreadcrumbDivider />}
              <BreadcrumbItem>
                <BreadcrumbButton current={index === path.length - 1} onClick={() => page.goTo(crumb)}>
                  {nameCrumb(crumb)}
                </BreadcrumbButton>
              </BreadcrumbItem>
            </Fragment>
          ))}
        </Breadcrumb>
      )}
      {cascade.error && <ErrorNotice title={t("team.cascadeFailed")} detail={describeError(cascade.error, tr)} onRetry={cascade.reload} />}
      {cascade.isLoading && <GoalListSkeleton />}
      {root && root.reportsCount === 0 && <InfoNotice text={t("team.noReports")} />}
      {root && root.reportsCount > 0 && cascade.data && (
        <>
          <CascadeSummary figures={root.figures} elapsedShare={cascade.data.elapsedShare} label={t("team.figures")} />
          <section className={styles.list} aria-label={t("team.reports")}>
            {reports.map((node) => (
              <ReportCard key={node.person.id} node={node} onOpenTeam={page.openTeam} onDecideLeaverGoal={cascade.data?.isManagerView ? page.decideLeaverGoal : undefined} />
            ))}
          </section>
        </>
      )}
      {cycle.isCloseOutOpen && root && root.reportsCount > 0 && <TeamCloseOut managerId={path[path.length - 1]!.id === MY_TEAM.id ? null : path[path.length - 1]!.id} cycle={cycle} />}
      {page.leaverGoal && <LeaverGoalDialog goal={page.leaverGoal} me={me.data} onClose={page.closeLeaverDialog} />}
    </div>
  );
}
