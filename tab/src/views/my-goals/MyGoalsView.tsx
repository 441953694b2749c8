/** The caller's goals for one cycle: see them, write and change them, send them for approval. */
import { Button, MessageBar, MessageBarBody, Spinner, Text, Title2 } from "@fluentui/react-components";
import { AddRegular } from "@fluentui/react-icons";
import { useMemo } from "react";
import { CyclePicker } from "../../components/CyclePicker/CyclePicker.js";
import { DeleteGoalDialog } from "../../components/DeleteGoalDialog/DeleteGoalDialog.js";
import { EmptyGoals } from "../../components/EmptyGoals/EmptyGoals.js";
import { ErrorNotice } from "../../components/ErrorNotice/ErrorNotice.js";
import { GoalCard } from "../../components/GoalCard/GoalCard.js";
import { GoalEditor } from "../../components/GoalEditor/GoalEditor.js";
import { GoalHistoryDrawer } from "../../components/GoalHistoryDrawer/GoalHistoryDrawer.js";
import { GoalListSkeleton } from "../../components/GoalListSkeleton/GoalListSkeleton.js";
import { GoalSummaryBar } from "../../components/GoalSummaryBar/GoalSummaryBar.js";
import { describeCycleDates } from "../../logic/cycles.js";
import { toIsoDay } from "../../logic/format.js";
import { sortGoalsForOwner } from "../../logic/goal-summary.js";
import { describeAlignment } from "../../logic/parent-options.js";
import { useMyGoalsStyles } from "./MyGoalsView.styles.js";
import { useMyGoalsPage } from "./use-my-goals-page.js";

export default function MyGoalsView() {
  const styles = useMyGoalsStyles();
  const page = useMyGoalsPage();
  const { me, cycles, cycle, goals, parentOptions, editor, history, deletion } = page;
  const today = useMemo(() => toIsoDay(new Date()), []);
  const sortedGoals = useMemo(() => sortGoalsForOwner(goals.data ?? []), [goals.data]);

  const loadError = me.error ?? cycles.error;
  if (loadError) return <ErrorNotice title="Your goals could not be loaded" detail={loadError.message} onRetry={() => { me.reload(); cycles.reload(); }} />;
  if (me.isLoading || cycles.isLoading) return <GoalListSkeleton />;
  if (!me.data || !cycle) return <MessageBar intent="info"><MessageBarBody>There is no goal cycle yet. Ask your admin to set one up.</MessageBarBody></MessageBar>;

  const canCreate = cycle.status === "open";
  return (
    <div className={styles.root}>
      <div className={styles.header}>
        <div className={styles.heading}>
          <Title2 as="h1" className={styles.title}>My goals</Title2>
          <Text className={styles.muted}>
            {cycle.name} · {describeCycleDates(cycle)}
            {me.data.manager ? ` · approved by ${me.data.manager.displayName}` : ""}
          </Text>
        </div>
        <div className={styles.controls}>
          <CyclePicker cycles={cycles.data ?? []} selected={cycle} onSelect={page.selectCycle} />
          {canCreate && (
            <Button appearance="primary" icon={<AddRegular />} onClick={() => page.openEditor(null)}>
              New goal
            </Button>
          )}
        </div>
      </div>
      {!canCreate && <MessageBar intent="info"><MessageBarBody>This cycle is closed. You can look at its goals but not add or change them.</MessageBarBody></MessageBar>}
      {goals.error && <ErrorNotice title="Your goals could not be loaded" detail={goals.error.message} onRetry={goals.reload} />}
      {goals.isLoading && <GoalListSkeleton />}
      {goals.data && goals.data.length === 0 && <EmptyGoals cycleName={cycle.name} canCreate={canCreate} onCreate={() => page.openEditor(null)} />}
      {goals.data && goals.data.length > 0 && (
        <>
          <GoalSummaryBar goals={goals.data} isRefreshing={goals.isRefreshing} />
          <section className={styles.list} aria-label={`Goals in ${cycle.name}`}>
            {sortedGoals.map((goal) => (
              <GoalCard
                key={goal.id}
                goal={goal}
                alignment={describeAlignment(goal, parentOptions.data ?? [])}
                today={today}
                isSubmitting={page.submittingId === goal.id}
                onEdit={() => page.openEditor(goal)}
                onSubmit={() => void page.submitGoal(goal)}
                onShowHistory={() => page.showHistory(goal)}
                onDelete={() => page.askToDelete(goal)}
              />
            ))}
          </section>
        </>
      )}
      {editor.session > 0 && (
        <GoalEditor
          key={editor.session}
          isOpen={editor.isOpen}
          goal={editor.goal}
          cycle={cycle}
          canSetTopLevel={me.data.canSetTopLevel}
          onClose={page.closeEditor}
          onSaved={page.onEditorSaved}
        />
      )}
      <GoalHistoryDrawer goal={history.goal} isOpen={history.isOpen} me={me.data} onClose={page.closeHistory} />
      <DeleteGoalDialog
        title={deletion.goal?.title ?? null}
        isOpen={deletion.isOpen}
        isDeleting={deletion.isDeleting}
        onConfirm={() => void page.confirmDelete()}
        onCancel={page.cancelDelete}
      />
      {goals.isRefreshing && <Spinner size="tiny" aria-label="Refreshing" />}
    </div>
  );
}
