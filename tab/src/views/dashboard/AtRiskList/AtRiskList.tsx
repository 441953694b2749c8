/** Goals at risk, most behind first, with why in plain words. */
import { Badge, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { AtRiskGoal } from "../../../api/use-dashboard.js";
import { formatPercent } from "../../../logic/format.js";
import { GoalDetailsButton } from "../../../components/GoalDetailsButton/GoalDetailsButton.js";

const useStyles = makeStyles({
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  item: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  owner: { color: tokens.colorNeutralForeground3 },
});

export interface AtRiskListProps {
  goals: AtRiskGoal[];
}

export function AtRiskList({ goals }: AtRiskListProps) {
  const styles = useStyles();
  if (goals.length === 0) return <Text>No goals at risk.</Text>;
  return (
    <ul className={styles.list} aria-label="Goals at risk">
      {goals.map((goal) => (
        <li key={goal.id} className={styles.item}>
          <Badge appearance="tint" color={goal.reason === "confidence" ? "danger" : "warning"}>
            {goal.reason === "confidence" ? "Owner says at risk" : "Behind schedule"}
          </Badge>
          <Text weight="semibold">{goal.title}</Text>
          <Text className={styles.owner}>
            {goal.ownerName} · {formatPercent(goal.progress)} done
          </Text>
          <GoalDetailsButton goalId={goal.id} title={goal.title} />
        </li>
      ))}
    </ul>
  );
}
