/** Every change and decision on a goal, newest first: who, when, and what changed. */
import { Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo } from "react";
import type { GoalView, Me, PersonSummary } from "../../api/types.js";
import { useGoalHistory } from "../../api/use-goals.js";
import { sortNewestFirst } from "../../logic/goal-feedback.js";
import { describeActor } from "../../logic/history.js";
import { describeError } from "../../i18n/describe-error.js";
import { ErrorNotice } from "../ErrorNotice/ErrorNotice.js";
import { useFeedStyles } from "../FeedbackItem/FeedbackItem.styles.js";
import { HistoryEntryItem } from "../HistoryEntryItem/HistoryEntryItem.js";
import { useTranslator } from "../../i18n/use-translator.js";

const useStyles = makeStyles({
  muted: { color: tokens.colorNeutralForeground2 },
});

export interface GoalHistoryListProps {
  goalId: string;
  me: Me;
  known: readonly PersonSummary[];
  /** The goal's key results, so a check-in's change names the one it was made to. */
  keyResults: GoalView["keyResults"];
}

export function GoalHistoryList({ goalId, me, known, keyResults }: GoalHistoryListProps) {
  const styles = useStyles();
  const feed = useFeedStyles();
  const history = useGoalHistory(goalId);
  const tr = useTranslator();
  const { t } = tr;
  const entries = sortNewestFirst(history.data ?? []);
  const keyResultTitles = useMemo(() => new Map(keyResults.map((keyResult) => [keyResult.id, keyResult.title])), [keyResults]);
  return (
    <>
      {history.isLoading && <Spinner size="small" label={t("history.loading")} />}
      {history.error && <ErrorNotice title={t("history.loadFailed")} detail={describeError(history.error, tr)} onRetry={history.reload} />}
      {history.data && entries.length === 0 && <Text className={styles.muted}>{t("history.empty")}</Text>}
      {entries.length > 0 && (
        <ol className={feed.list} aria-label={t("history.list")}>
          {entries.map((entry) => (
            <HistoryEntryItem key={entry.id} entry={entry} actorName={describeActor(entry.actorId, me, known, tr)} keyResults={keyResultTitles} />
          ))}
        </ol>
      )}
    </>
  );
}
