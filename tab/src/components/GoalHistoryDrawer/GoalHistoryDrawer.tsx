/** Every change and decision on a goal: who, when, and what changed. */
import { Button, DrawerBody, DrawerHeader, DrawerHeaderTitle, OverlayDrawer, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import type { GoalView, Me, PersonSummary } from "../../api/types.js";
import { useGoalHistory } from "../../api/use-goals.js";
import { describeActor } from "../../logic/history.js";
import { ErrorNotice } from "../ErrorNotice/ErrorNotice.js";
import { HistoryEntryItem } from "../HistoryEntryItem/HistoryEntryItem.js";

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  subtitle: { color: tokens.colorNeutralForeground2 },
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
        {goal && <Text className={styles.subtitle}>{goal.title}</Text>}
      </DrawerHeader>
      <DrawerBody>
        {history.isLoading && <Spinner label="Loading history…" />}
        {history.error && <ErrorNotice title="The history could not be loaded" detail={history.error.message} onRetry={history.reload} />}
        {history.data && entries.length === 0 && <Text>Nothing has happened to this goal yet.</Text>}
        <ol className={styles.list}>
          {entries.map((entry) => (
            <HistoryEntryItem key={entry.id} entry={entry} actorName={describeActor(entry.actorId, me, known)} />
          ))}
        </ol>
      </DrawerBody>
    </OverlayDrawer>
  );
}
