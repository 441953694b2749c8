/** The caller's goals for one cycle: see them, write and change them, send them for approval. */
import { makeStyles, tokens } from "@fluentui/react-components";
import { CloseOutPanel } from "../../components/CloseOutPanel/CloseOutPanel.js";
import { DeleteGoalDialog } from "../../components/DeleteGoalDialog/DeleteGoalDialog.js";
import { EmptyGoals } from "../../components/EmptyGoals/EmptyGoals.js";
import { ErrorNotice } from "../../components/ErrorNotice/ErrorNotice.js";
import { GoalEditor } from "../../components/GoalEditor/GoalEditor.js";
import { GoalListSkeleton } from "../../components/GoalListSkeleton/GoalListSkeleton.js";
import { InfoNotice } from "../../components/InfoNotice/InfoNotice.js";
import { describeError } from "../../i18n/describe-error.js";
import { GoalList } from "./GoalList/GoalList.js";
import { MyGoalsHeader } from "./MyGoalsHeader/MyGoalsHeader.js";
import { useMyGoalsPage } from "./use-my-goals-page.js";
import { useTranslator } from "../../i18n/use-translator.js";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
});

export default function MyGoalsView() {
  const styles = useStyles();
  const page = useMyGoalsPage();
  const { me, cycles, cycle, goals, editor, deletion } = page;
  const tr = useTranslator();
  const { t } = tr;

  const loadError = me.error ?? cycles.error;
  if (loadError) {
    const retry = () => {
      me.reload();
      cycles.reload();
    };
    return <ErrorNotice title={t("myGoals.loadFailed")} detail={describeError(loadError, tr)} onRetry={retry} />;
  }
  if (me.isLoading || cycles.isLoading) return <GoalListSkeleton />;
  if (!me.data || !cycle) return <InfoNotice text={t("cycle.noneYet")} />;

  const canCreate = cycle.status === "open";
  const hasGoals = goals.data !== undefined && goals.data.length > 0;
  return (
    <div className={styles.root}>
      <MyGoalsHeader
        me={me.data}
        cycles={cycles.data ?? []}
        cycle={cycle}
        canCreate={canCreate}
        onSelectCycle={page.selectCycle}
        onCreate={() => page.openEditor(null)}
      />
      {!canCreate && <InfoNotice text={t("myGoals.cycleClosed")} />}
      {goals.error && <ErrorNotice title={t("myGoals.loadFailed")} detail={describeError(goals.error, tr)} onRetry={goals.reload} />}
      {goals.isLoading && <GoalListSkeleton />}
      {goals.data?.length === 0 && <EmptyGoals cycleName={cycle.name} canCreate={canCreate} onCreate={() => page.openEditor(null)} />}
      {hasGoals && (
        <GoalList
          label={t("myGoals.listLabel", { cycle: cycle.name })}
          goals={goals.data ?? []}
          parentOptions={page.parentOptions.data ?? []}
          isRefreshing={goals.isRefreshing}
          submittingId={page.submittingId}
          onEdit={page.openEditor}
          onSubmit={(goal) => void page.submitGoal(goal)}
          onShowDetails={page.showDetails}
          onDelete={page.askToDelete}
        />
      )}
      {cycle.isCloseOutOpen && goals.data && <CloseOutPanel cycle={cycle} cycles={cycles.data ?? []} goals={goals.data} />}
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
      <DeleteGoalDialog
        title={deletion.goal?.title ?? null}
        isOpen={deletion.isOpen}
        isDeleting={deletion.isDeleting}
        onConfirm={() => void page.confirmDelete()}
        onCancel={page.cancelDelete}
      />
    </div>
  );
}
