/** Thanks on a goal, newest first, and a way to send some: anyone who can see the goal except its owner. */
import { Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { HeartRegular } from "@fluentui/react-icons";
import type { GoalView, PersonSummary } from "../../api/types.js";
import { useFeedbackActions } from "../../api/use-feedback-actions.js";
import { useGoalKudos } from "../../api/use-goal-details.js";
import { KUDOS_MESSAGE_MAX } from "../../../../functions/src/contracts/limits.js";
import { describeKudosAccess } from "../../logic/goal-feedback.js";
import { describeError } from "../../i18n/describe-error.js";
import type { Translator } from "../../i18n/translator.js";
import { ErrorNotice } from "../ErrorNotice/ErrorNotice.js";
import { FeedbackForm } from "../FeedbackForm/FeedbackForm.js";
import { FeedbackItem } from "../FeedbackItem/FeedbackItem.js";
import { useFeedStyles } from "../FeedbackItem/FeedbackItem.styles.js";
import { useNotify } from "../Notify/use-notify.js";
import { PersonName } from "../PersonName/PersonName.js";
import { useTranslator } from "../../i18n/use-translator.js";

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

function describeEmpty(canGive: boolean, isOwn: boolean, ownerName: string, tr: Translator): string {
  if (isOwn) return tr.t("kudos.emptyOwn");
  if (canGive) return tr.t("kudos.emptyCanGive", { name: ownerName });
  return tr.t("kudos.empty");
}

export function KudosSection({ goal, meId, ownerName, known }: KudosSectionProps) {
  const styles = useStyles();
  const feed = useFeedStyles();
  const kudos = useGoalKudos(goal.id);
  const actions = useFeedbackActions();
  const notify = useNotify();
  const tr = useTranslator();
  const { t } = tr;
  const access = describeKudosAccess(goal, meId, tr);
  // The API answers newest first, and a sent one is put on top.
  const items = kudos.data ?? [];

  const send = async (message: string) => {
    await actions.giveKudos(goal.id, message);
    notify(t("kudos.sent"), { body: t("kudos.sent.body", { name: ownerName }) });
  };

  return (
    <div className={feed.section}>
      {access.canGive ? (
        <FeedbackForm
          label={t("kudos.label", { name: ownerName })}
          hint={t("kudos.hint")}
          field="message"
          max={KUDOS_MESSAGE_MAX}
          emptyMessage={t("kudos.emptyMessage")}
          submitLabel={t("kudos.submit")}
          icon={<HeartRegular />}
          onSend={send}
        />
      ) : (
        access.reason && <Text className={styles.muted}>{access.reason}</Text>
      )}
      {kudos.isLoading && <Spinner size="small" label={t("kudos.loading")} />}
      {kudos.error && <ErrorNotice title={t("kudos.loadFailed")} detail={describeError(kudos.error, tr)} onRetry={kudos.reload} />}
      {kudos.data && items.length === 0 && <Text className={styles.muted}>{describeEmpty(access.canGive, goal.ownerId === meId, ownerName, tr)}</Text>}
      {items.length > 0 && (
        <ul className={feed.list} aria-label={t("kudos.list")}>
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
