/** The goal at the top of its details: whose it is, its state, how far along, and its results. */
import { Text, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo } from "react";
import type { GoalView } from "../../api/types.js";
import { describeDueDate, toIsoDay } from "../../logic/format.js";
import { GoalProgress } from "../GoalProgress/GoalProgress.js";
import { KeyResultList } from "../KeyResultList/KeyResultList.js";
import { StatusBadge } from "../StatusBadge/StatusBadge.js";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  meta: { display: "flex", alignItems: "center", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, color: tokens.colorNeutralForeground2 },
  description: { color: tokens.colorNeutralForeground2, whiteSpace: "pre-wrap", overflowWrap: "anywhere" },
});

export interface GoalDetailsSummaryProps {
  goal: GoalView;
  ownerName: string;
}

export function GoalDetailsSummary({ goal, ownerName }: GoalDetailsSummaryProps) {
  const styles = useStyles();
  const today = useMemo(() => toIsoDay(new Date()), []);
  return (
    <section className={styles.root} aria-label="About the goal">
      <div className={styles.meta}>
        <StatusBadge status={goal.status} />
        <Text>{`${ownerName} · ${describeDueDate(goal.dueDate, today)}${goal.visibility === "private" ? " · Private" : ""}`}</Text>
      </div>
      {goal.description && <Text className={styles.description}>{goal.description}</Text>}
      <GoalProgress value={goal.progress} label={`Progress of ${goal.title}`} />
      <KeyResultList keyResults={goal.keyResults} />
    </section>
  );
}
