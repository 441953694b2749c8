/** Where the goal stood at each check-in, newest first, a page at a time. */
import { Badge, Button, Spinner, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import type { CheckIn, GoalView, PersonSummary } from "../../api/types.js";
import { useGoalCheckIns } from "../../api/use-goal-details.js";
import { describeCheckInValues, describeConfidence } from "../../logic/check-ins.js";
import { describeError } from "../../i18n/describe-error.js";
import { ErrorNotice } from "../ErrorNotice/ErrorNotice.js";
import { useFeedStyles } from "../FeedbackItem/FeedbackItem.styles.js";
import { PersonName } from "../PersonName/PersonName.js";
import { useTranslator } from "../../i18n/use-translator.js";

const useStyles = makeStyles({
  edge: { borderLeftColor: tokens.colorNeutralStroke2 },
  muted: { color: tokens.colorNeutralForeground3 },
  values: { margin: 0, paddingLeft: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground2 },
});

export interface CheckInSectionProps {
  goal: GoalView;
  meId: string;
  ownerName: string;
  known: readonly PersonSummary[];
}

interface CheckInItemProps extends Omit<CheckInSectionProps, "ownerName"> {
  checkIn: CheckIn;
}

function CheckInItem({ checkIn, goal, meId, known }: CheckInItemProps) {
  const styles = useStyles();
  const feed = useFeedStyles();
  const tr = useTranslator();
  const confidence = describeConfidence(checkIn.confidence, tr);
  const values = describeCheckInValues(checkIn, goal.keyResults, tr);
  return (
    <li className={mergeClasses(feed.item, styles.edge)}>
      <span className={feed.top}>
        <Text weight="semibold">
          <PersonName personId={checkIn.authorId} meId={meId} known={known} />
        </Text>
        <Badge appearance="tint" color={confidence.color}>
          {confidence.label}
        </Badge>
        <Text size={200} className={styles.muted}>
          <time dateTime={checkIn.at}>{tr.formatDateTime(checkIn.at)}</time>
        </Text>
      </span>
      {checkIn.note && <Text className={feed.text}>{checkIn.note}</Text>}
      {values.length > 0 && (
        <ul className={styles.values}>
          {values.map((line, index) => (
            <li key={index}>
              <Text size={200}>{line}</Text>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

interface CheckInPageProps extends CheckInSectionProps {
  cursor: string | null;
}

/** Each page shows the next, older one only when asked, so a long history costs nothing up front. */
function CheckInPage({ cursor, ...props }: CheckInPageProps) {
  const styles = useStyles();
  const feed = useFeedStyles();
  const page = useGoalCheckIns(props.goal.id, cursor);
  const tr = useTranslator();
  const { t } = tr;
  const [isOlderShown, setIsOlderShown] = useState(false);
  const isFirst = cursor === null;
  const isOwn = props.goal.ownerId === props.meId;
  const nextCursor = page.data?.nextCursor ?? null;
  const hasItems = (page.data?.items.length ?? 0) > 0;
  const listRef = useRef<HTMLOListElement>(null);

  useEffect(() => {
    // The "Show older" button is gone once pressed; keyboard focus continues on what it revealed.
    if (!isFirst && hasItems) listRef.current?.focus();
  }, [isFirst, hasItems]);

  return (
    <>
      {page.isLoading && <Spinner size="small" label={t("checkIns.loading")} />}
      {page.error && <ErrorNotice title={t("checkIns.loadFailed")} detail={describeError(page.error, tr)} onRetry={page.reload} />}
      {isFirst && page.data?.items.length === 0 && (
        <Text className={styles.muted}>
          {isOwn ? t("checkIns.emptyOwn") : t("checkIns.emptyOther", { name: props.ownerName })}
        </Text>
      )}
      {hasItems && (
        <ol ref={listRef} tabIndex={isFirst ? undefined : -1} className={feed.list} aria-label={isFirst ? t("checkIns.list") : t("checkIns.olderList")}>
          {page.data?.items.map((checkIn) => (
            <CheckInItem key={checkIn.id} checkIn={checkIn} goal={props.goal} meId={props.meId} known={props.known} />
          ))}
        </ol>
      )}
      {nextCursor && (isOlderShown ? <CheckInPage {...props} cursor={nextCursor} /> : <Button onClick={() => setIsOlderShown(true)}>{t("checkIns.showOlder")}</Button>)}
    </>
  );
}

export function CheckInSection(props: CheckInSectionProps) {
  const feed = useFeedStyles();
  return (
    <div className={feed.section}>
      <CheckInPage {...props} cursor={null} />
    </div>
  );
}
