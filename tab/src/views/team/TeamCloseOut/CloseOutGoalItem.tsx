/** One goal of the team at close-out: what its owner said, what managers said, and a comment to add. */
import { Button, Field, Spinner, Text, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { CommentRegular } from "@fluentui/react-icons";
import { useState } from "react";
import type { TeamCloseOut } from "../../../api/use-close-out.js";
import { useCloseOutActions } from "../../../api/use-close-out-actions.js";
import { useNotify, useNotifyFailure } from "../../../components/Notify/use-notify.js";
import { useTranslator } from "../../../i18n/use-translator.js";
import { OUTCOME_LABELS } from "../../../logic/close-out.js";

const COMMENT_MAX = 1000;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, padding: tokens.spacingVerticalS, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  muted: { color: tokens.colorNeutralForeground3 },
  comments: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export function CloseOutGoalItem({ goal }: { goal: TeamCloseOut["goals"][number] }) {
  const styles = useStyles();
  const tr = useTranslator();
  const { t } = tr;
  const notify = useNotify();
  const notifyFailure = useNotifyFailure();
  const actions = useCloseOutActions();
  const [text, setText] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [isSending, setIsSending] = useState(false);

  const send = async () => {
    if (!text.trim()) return setError(t("teamCloseOut.comment.required"));
    setError(undefined);
    setIsSending(true);
    try {
      await actions.commentOnCloseOut(goal.id, text.trim());
      setText("");
      notify(t("teamCloseOut.comment.sent"));
    } catch (caught) {
      notifyFailure(t("teamCloseOut.comment.notSent"), caught);
    } finally {
      setIsSending(false);
    }
  };

  return (
    <li className={styles.root}>
      <Text weight="semibold">{t("teamCloseOut.goal", { owner: goal.ownerName, title: goal.title })}</Text>
      {goal.closeOut ? (
        <>
          <Text>{t("closeOut.given", { score: goal.closeOut.score, outcome: t(OUTCOME_LABELS[goal.closeOut.outcome]) })}</Text>
          <Text className={styles.muted}>{goal.closeOut.reflection}</Text>
          {goal.closeOut.comments.length > 0 && (
            <ul className={styles.comments} aria-label={t("teamCloseOut.comments")}>
              {goal.closeOut.comments.map((comment) => <li key={comment.id}>{comment.text}</li>)}
            </ul>
          )}
          <Field label={t("teamCloseOut.comment.label", { title: goal.title })} validationMessage={error}>
            <Textarea value={text} maxLength={COMMENT_MAX} onChange={(_event, data) => setText(data.value)} />
          </Field>
          <div>
            <Button icon={isSending ? <Spinner size="tiny" /> : <CommentRegular />} disabled={isSending} onClick={() => void send()}>{t("teamCloseOut.comment.send")}</Button>
          </div>
        </>
      ) : (
        <Text className={styles.muted}>{t("teamCloseOut.notYet", { progress: tr.formatPercent(goal.progress) })}</Text>
      )}
      {goal.carriedTo.length > 0 && <Text className={styles.muted}>{t("teamCloseOut.carried")}</Text>}
    </li>
  );
}
