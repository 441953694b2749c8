/** Thanks on a goal, newest first, and a way to send some: anyone who can see the goal except its owner. */
import { Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { HeartRegular } from "@fluentui/react-icons";
import type { GoalView, PersonSummary } from "../../api/types.js";
import { useFeedbackActions } from "../../api/use-feedback-actions.js";
import { useGoalKudos } from "../../api/use-goal-details.js";
import { KUDOS_MESSAGE_MAX } from "../../../../functions/src/domain/feedback.js";
import { describeKudosAccess } from "../../logic/goal-feedback.js";
import { ErrorNotice } from "../ErrorNotice/ErrorNotice.js";
import { FeedbackForm } from "../FeedbackForm/FeedbackForm.js";
import { FeedbackItem } from "../FeedbackItem/FeedbackItem.js";
import { useFeedStyles } from "../FeedbackItem/FeedbackItem.styles.js";
import { useNotify } from "../Notify/use-notify.js";
import { PersonName } from "../PersonName/PersonName.js";

const useStyles = makeStyles({
  muted: { color: tokens.colorNeutralForeground2 },
  icon: { color: tokens.colorPaletteRedForeground1 },
});

export interface KudosSectionProps {
  goal: GoalView;
  meId: string;
  ownerName: string;
  known: readonly PersonSummary[];
}

function describeEmpty(canGive: boolean, isOwn: boolean, ownerName: string): string {
  if (isOwn) return "No kudos yet. When colleagues thank you for this goal, their words show here.";
  if (canGive) return `No kudos yet. Be the first to thank ${ownerName} for this goal: write a few words above.`;
  return "No kudos yet.";
}

export function KudosSection({ goal, meId, ownerName, known }: KudosSectionProps) {
  const styles = useStyles();
  const feed = useFeedStyles();
  const kudos = useGoalKudos(goal.id);
  const actions = useFeedbackActions();
  const notify = useNotify();
  const access = describeKudosAccess(goal, meId);
  // The API answers newest first, and a sent one is put on top.
  const items = kudos.data ?? [];

  const send = async (message: string) => {
    await actions.giveKudos(goal.id, message);
    notify("Kudos sent", { body: `${ownerName} will see your thanks.` });
  };

  return (
    <div className={feed.section}>
      {access.canGive ? (
        <FeedbackForm
          label={`Thank ${ownerName}`}
          hint="Say what they did well. Everyone who can see the goal sees this."
          field="message"
          max={KUDOS_MESSAGE_MAX}
          emptyMessage="Write a few words of thanks."
          submitLabel="Send kudos"
          icon={<HeartRegular />}
          onSend={send}
        />
      ) : (
        access.reason && <Text className={styles.muted}>{access.reason}</Text>
      )}
      {kudos.isLoading && <Spinner size="small" label="Loading kudos…" />}
      {kudos.error && <ErrorNotice title="Kudos could not be loaded" detail={kudos.error.message} onRetry={kudos.reload} />}
      {kudos.data && items.length === 0 && <Text className={styles.muted}>{describeEmpty(access.canGive, goal.ownerId === meId, ownerName)}</Text>}
      {items.length > 0 && (
        <ul className={feed.list} aria-label="Kudos">
          {items.map((item) => (
            <FeedbackItem
              key={item.id}
              icon={<HeartRegular aria-hidden className={styles.icon} />}
              author={<PersonName personId={item.fromId} meId={meId} known={known} name={item.fromName} />}
              at={item.at}
              text={item.message}
            />
          ))}
        </ul>
      )}
    </div>
  );
}
