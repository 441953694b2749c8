/** Every change and decision on a goal: who, when, and what changed. */
import {
  Button,
  DrawerBody,
  DrawerHeader,
  DrawerHeaderTitle,
  OverlayDrawer,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import type { GoalView, Me, PersonSummary } from "../../api/types.js";
import { useGoalHistory } from "../../api/use-goals.js";
import { formatDateTime } from "../../logic/format.js";
import { describeAction, describeActor, describeChanges } from "../../logic/history.js";
import { ErrorNotice } from "../ErrorNotice/ErrorNotice.js";

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  entry: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    paddingLeft: tokens.spacingHorizontalM,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke2}`,
  },
  when: { color: tokens.colorNeutralForeground3 },
  comment: { fontStyle: "italic", color: tokens.colorNeutralForeground2 },
  changes: { margin: 0, paddingLeft: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground2 },
});

export interface GoalHistoryDrawerProps {
  goal: GoalView | null;
  isOpen: boolean;
  me: Me;
  onClose: () => void;
}

export function GoalHistoryDrawer({ goal, isOpen, me, onClose }: GoalHistoryDrawerProps) {
  const styles = useStyles();
  const history = useGoalHistory(isOpen && goal ? goal.id : null);
  const known: PersonSummary[] = me.manager ? [me, me.manager] : [me];
  const entries = [...(history.data ?? [])].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <OverlayDrawer open={isOpen} position="end" size="small" onOpenChange={(_event, data) => !data.open && onClose()}>
      <DrawerHeader>
        <DrawerHeaderTitle action={<Button appearance="subtle" aria-label="Close" icon={<DismissRegular />} onClick={onClose} />}>
          History
        </DrawerHeaderTitle>
        {goal && <Text>{goal.title}</Text>}
      </DrawerHeader>
      <DrawerBody>
        {history.isLoading && <Spinner label="Loading history…" />}
        {history.error && <ErrorNotice title="The history could not be loaded" detail={history.error.message} onRetry={history.reload} />}
        {history.data && entries.length === 0 && <Text>Nothing has happened to this goal yet.</Text>}
        <ol className={styles.list}>
          {entries.map((entry) => {
            const changes = describeChanges(entry);
            return (
              <li key={entry.id} className={styles.entry}>
                <Text weight="semibold">
                  {describeActor(entry.actorId, me, known)} {describeAction(entry.action)}
                </Text>
                <Text size={200} className={styles.when}>
                  {formatDateTime(entry.at)}
                </Text>
                {entry.comment && <Text className={styles.comment}>“{entry.comment}”</Text>}
                {changes.length > 0 && (
                  <ul className={styles.changes}>
                    {changes.map((change) => (
                      <li key={change.field}>
                        <Text size={200}>
                          {change.field}: {change.from} → {change.to}
                        </Text>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ol>
      </DrawerBody>
    </OverlayDrawer>
  );
}
