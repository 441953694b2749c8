/** The cycle at a glance: how many goals, how far overall, what waits on whom. */
import { Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo } from "react";
import type { GoalView } from "../../api/types.js";
import { summariseGoals } from "../../logic/goal-summary.js";
import { GoalProgress } from "../GoalProgress/GoalProgress.js";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalXXL,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow2,
  },
  stat: { display: "flex", flexDirection: "column" },
  label: { color: tokens.colorNeutralForeground3 },
  progress: { flexGrow: 1, minWidth: "200px", display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
});

export interface GoalSummaryBarProps {
  goals: readonly GoalView[];
  isRefreshing: boolean;
}

export function GoalSummaryBar({ goals, isRefreshing }: GoalSummaryBarProps) {
  const styles = useStyles();
  const summary = useMemo(() => summariseGoals(goals), [goals]);
  const stats = [
    { label: "Goals", value: summary.count },
    { label: "Waiting for approval", value: summary.waitingCount },
    { label: "To finish or change", value: summary.needsWorkCount },
  ];
  return (
    <section className={styles.root} aria-label="Summary">
      {stats.map((stat) => (
        <div key={stat.label} className={styles.stat}>
          <Text size={600} weight="semibold">
            {stat.value}
          </Text>
          <Text size={200} className={styles.label}>
            {stat.label}
          </Text>
        </div>
      ))}
      <div className={styles.progress}>
        <Text size={200} className={styles.label}>
          Overall progress {isRefreshing && <Spinner size="extra-tiny" aria-label="Refreshing" as="span" />}
        </Text>
        <GoalProgress value={summary.progress} label="Overall progress" />
      </div>
    </section>
  );
}
