/** Goals at risk, most behind first, with why in plain words. */
import { Badge, Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { InfoRegular } from "@fluentui/react-icons";
import type { AtRiskGoal } from "../../../api/use-dashboard.js";
import { formatPercent } from "../../../logic/format.js";

const useStyles = makeStyles({
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  item: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  owner: { color: tokens.colorNeutralForeground3 },
});

export interface AtRiskListProps {
  goals: AtRiskGoal[];
  onOpenGoal: (goalId: string) => void;
}

export function AtRiskList({ goals, onOpenGoal }: AtRiskListProps) {
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
          <Button size="small" appearance="subtle" icon={<InfoRegular />} aria-label={`Details of ${goal.title}`} onClick={() => onOpenGoal(goal.id)}>
            Details
          </Button>
        </li>
      ))}
    </ul>
  );
}
