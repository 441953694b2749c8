/** Where the goal stood at each check-in, newest first, a page at a time. */
import { Badge, Button, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import type { CheckIn, GoalView, PersonSummary } from "../../api/types.js";
import { useGoalCheckIns } from "../../api/use-goal-details.js";
import { describeCheckInValues, describeConfidence } from "../../logic/check-ins.js";
import { formatDateTime } from "../../logic/format.js";
import { ErrorNotice } from "../ErrorNotice/ErrorNotice.js";
import { PersonName } from "../PersonName/PersonName.js";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  item: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    paddingLeft: tokens.spacingHorizontalM,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke2}`,
  },
  top: { display: "flex", alignItems: "center", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3 },
  note: { whiteSpace: "pre-wrap", overflowWrap: "anywhere" },
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
  const confidence = describeConfidence(checkIn.confidence);
  const values = describeCheckInValues(checkIn, goal.keyResults);
  return (
    <li className={styles.item}>
      <span className={styles.top}>
        <Text weight="semibold">
          <PersonName personId={checkIn.authorId} meId={meId} known={known} />
        </Text>
        <Badge appearance="tint" color={confidence.color}>
          {confidence.label}
        </Badge>
        <Text size={200} className={styles.muted}>
          <time dateTime={checkIn.at}>{formatDateTime(checkIn.at)}</time>
        </Text>
      </span>
      {checkIn.note && <Text className={styles.note}>{checkIn.note}</Text>}
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
  const page = useGoalCheckIns(props.goal.id, cursor);
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
      {page.isLoading && <Spinner size="small" label="Loading check-ins…" />}
      {page.error && <ErrorNotice title="Check-ins could not be loaded" detail={page.error.message} onRetry={page.reload} />}
      {isFirst && page.data?.items.length === 0 && (
        <Text className={styles.muted}>
          {isOwn
            ? "No check-ins yet. Check in from your reminder card in Teams chat: where each result stands, how confident you are, and a note."
            : `No check-ins yet. When ${props.ownerName} checks in, progress and notes show here.`}
        </Text>
      )}
      {hasItems && (
        <ol ref={listRef} tabIndex={isFirst ? undefined : -1} className={styles.list} aria-label={isFirst ? "Check-ins" : "Older check-ins"}>
          {page.data?.items.map((checkIn) => (
            <CheckInItem key={checkIn.id} checkIn={checkIn} goal={props.goal} meId={props.meId} known={props.known} />
          ))}
        </ol>
      )}
      {nextCursor && (isOlderShown ? <CheckInPage {...props} cursor={nextCursor} /> : <Button onClick={() => setIsOlderShown(true)}>Show older check-ins</Button>)}
    </>
  );
}

export function CheckInSection(props: CheckInSectionProps) {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <CheckInPage {...props} cursor={null} />
    </div>
  );
}
