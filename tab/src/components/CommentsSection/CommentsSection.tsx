/** The conversation about a goal between its owner and their managers, newest first. */
import { Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { GoalView, PersonSummary } from "../../api/types.js";
import { useFeedbackActions } from "../../api/use-feedback-actions.js";
import { useGoalComments } from "../../api/use-goal-details.js";
import { COMMENT_MAX } from "../../../../functions/src/contracts/limits.js";
import { describeError } from "../../i18n/describe-error.js";
import { ErrorNotice } from "../ErrorNotice/ErrorNotice.js";
import { FeedbackForm } from "../FeedbackForm/FeedbackForm.js";
import { FeedbackItem } from "../FeedbackItem/FeedbackItem.js";
import { useFeedStyles } from "../FeedbackItem/FeedbackItem.styles.js";
import { useNotify } from "../Notify/use-notify.js";
import { PersonName } from "../PersonName/PersonName.js";
import { useTranslator } from "../../i18n/use-translator.js";

const useStyles = makeStyles({
  muted: { color: tokens.colorNeutralForeground2 },
});

export interface CommentsSectionProps {
  goal: GoalView;
  meId: string;
  ownerName: string;
  known: readonly PersonSummary[];
}

export function CommentsSection({ goal, meId, ownerName, known }: CommentsSectionProps) {
  const styles = useStyles();
  const feed = useFeedStyles();
  const comments = useGoalComments(goal.id);
  const actions = useFeedbackActions();
  const notify = useNotify();
  const tr = useTranslator();
  const { t } = tr;
  const isOwn = goal.ownerId === meId;
  // The API answers newest first, and a sent one is put on top.
  const items = comments.data ?? [];

  const send = async (text: string) => {
    await actions.addComment(goal.id, text);
    notify(t("comments.added"));
  };

  return (
    <div className={feed.section}>
      <FeedbackForm
        label={t("comments.label")}
        hint={isOwn ? t("comments.hintOwn") : t("comments.hintOther", { name: ownerName })}
        field="text"
        max={COMMENT_MAX}
        emptyMessage={t("comments.empty")}
        submitLabel={t("comments.submit")}
        onSend={send}
      />
      {comments.isLoading && <Spinner size="small" label={t("comments.loading")} />}
      {comments.error && <ErrorNotice title={t("comments.loadFailed")} detail={describeError(comments.error, tr)} onRetry={comments.reload} />}
      {comments.data && items.length === 0 && (
        <Text className={styles.muted}>{isOwn ? t("comments.noneOwn") : t("comments.noneOther", { name: ownerName })}</Text>
      )}
      {items.length > 0 && (
        <ul className={feed.list} aria-label={t("comments.list")}>
          {items.map((item) => (
            <FeedbackItem key={item.id} author={<PersonName personId={item.authorId} meId={meId} known={known} name={item.authorName} />} at={item.at} text={item.text} />
          ))}
        </ul>
      )}
    </div>
  );
}
