/** The caller's team: each direct report with their goals, coverage and risk, and a way down into
 * any report's own team. Goals of people who left wait here for the manager to give or close them. */
import { Breadcrumb, BreadcrumbButton, BreadcrumbDivider, BreadcrumbItem, Button, Text, Title2, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowClockwiseRegular } from "@fluentui/react-icons";
import { Fragment } from "react";
import { CyclePicker } from "../../components/CyclePicker/CyclePicker.js";
import { ErrorNotice } from "../../components/ErrorNotice/ErrorNotice.js";
import { GoalListSkeleton } from "../../components/GoalListSkeleton/GoalListSkeleton.js";
import { InfoNotice } from "../../components/InfoNotice/InfoNotice.js";
import { CascadeSummary } from "../organisation/CascadeSummary/CascadeSummary.js";
import { LeaverGoalDialog } from "./LeaverGoalDialog/LeaverGoalDialog.js";
import { ReportCard } from "./ReportCard/ReportCard.js";
import { useTeamPage } from "./use-team-page.js";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  header: { display: "flex", flexWrap: "wrap", alignItems: "flex-end", gap: tokens.spacingHorizontalL },
  heading: { display: "flex", flexDirection: "column", flexGrow: 1, gap: tokens.spacingVerticalXXS },
  title: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  list: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(min(100%, 460px), 1fr))", gap: tokens.spacingVerticalM },
});

export default function TeamView() {
  const styles = useStyles();
  const page = useTeamPage();
  const { me, cycles, cycle, cascade, root, reports, path } = page;

  const loadError = me.error ?? cycles.error;
  if (loadError) return <ErrorNotice title="Your team could not be loaded" detail={loadError.message} onRetry={() => { me.reload(); cycles.reload(); }} />;
  if (me.isLoading || cycles.isLoading) return <GoalListSkeleton />;
  if (!me.data || !cycle) return <InfoNotice text="There is no goal cycle yet. Ask your admin to set one up." />;
  const isMine = path.length === 1;
  return (
    <div className={styles.root}>
      <div className={styles.header}>
        <div className={styles.heading}>
          <Title2 as="h1" className={styles.title}>
            {isMine ? "My team" : `${path[path.length - 1]!.label}'s team`}
          </Title2>
          <Text className={styles.muted}>{`${cycle.name} · the figures cover the whole team, all levels`}</Text>
        </div>
        <CyclePicker cycles={cycles.data ?? []} selected={cycle} onSelect={page.selectCycle} />
        <Button appearance="subtle" icon={<ArrowClockwiseRegular />} aria-label="Refresh" onClick={cascade.reload} />
      </div>
      {path.length > 1 && (
        <Breadcrumb aria-label="Teams opened">
          {path.map((crumb, index) => (
            <Fragment key={crumb.id}>
              {index > 0 && <BreadcrumbDivider />}
              <BreadcrumbItem>
                <BreadcrumbButton current={index === path.length - 1} onClick={() => page.goTo(crumb)}>
                  {crumb.label}
                </BreadcrumbButton>
              </BreadcrumbItem>
            </Fragment>
          ))}
        </Breadcrumb>
      )}
      {cascade.error && <ErrorNotice title="The team could not be loaded" detail={cascade.error.message} onRetry={cascade.reload} />}
      {cascade.isLoading && <GoalListSkeleton />}
      {root && root.reportsCount === 0 && <InfoNotice text="No one reports to you. The Organisation view shows everyone's public goals." />}
      {root && root.reportsCount > 0 && cascade.data && (
        <>
          <CascadeSummary figures={root.figures} elapsedShare={cascade.data.elapsedShare} label="Team figures" />
          <section className={styles.list} aria-label="Direct reports">
            {reports.map((node) => (
              <ReportCard key={node.person.id} node={node} onOpenTeam={page.openTeam} onDecideLeaverGoal={cascade.data?.isManagerView ? page.decideLeaverGoal : undefined} />
            ))}
          </section>
        </>
      )}
      {page.leaverGoal && <LeaverGoalDialog goal={page.leaverGoal} me={me.data} onClose={page.closeLeaverDialog} />}
    </div>
  );
}
