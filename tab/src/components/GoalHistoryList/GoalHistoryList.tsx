/** Every change and decision on a goal, newest first: who, when, and what changed. */
import { Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Me, PersonSummary } from "../../api/types.js";
import { useGoalHistory } from "../../api/use-goals.js";
import { sortNewestFirst } from "../../logic/goal-feedback.js";
import { describeActor } from "../../logic/history.js";
import { ErrorNotice } from "../ErrorNotice/ErrorNotice.js";
import { useFeedStyles } from "../FeedbackItem/FeedbackItem.styles.js";
import { HistoryEntryItem } from "../HistoryEntryItem/HistoryEntryItem.js";

const useStyles = makeStyles({
  muted: { color: tokens.colorNeutralForeground2 },
});

export interface GoalHistoryListProps {
  goalId: string;
  me: Me;
  known: readonly PersonSummary[];
}

export function GoalHistoryList({ goalId, me, known }: GoalHistoryListProps) {
  const styles = useStyles();
  const feed = useFeedStyles();
  const history = useGoalHistory(goalId);
  const entries = sortNewestFirst(history.data ?? []);
  return (
    <>
      {history.isLoading && <Spinner size="small" label="Loading history…" />}
      {history.error && <ErrorNotice title="The history could not be loaded" detail={history.error.message} onRetry={history.reload} />}
      {history.data && entries.length === 0 && <Text className={styles.muted}>Nothing has happened to this goal yet.</Text>}
      {entries.length > 0 && (
        <ol className={feed.list} aria-label="History">
          {entries.map((entry) => (
            <HistoryEntryItem key={entry.id} entry={entry} actorName={describeActor(entry.actorId, me, known)} />
          ))}
        </ol>
      )}
    </>
  );
}
