/** Goals at risk, most behind first, with why in plain words. */
import { Badge, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { AtRiskGoal } from "../../../api/use-dashboard.js";
import { GoalDetailsButton } from "../../../components/GoalDetailsButton/GoalDetailsButton.js";
import { useTranslator } from "../../../i18n/use-translator.js";

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
  const { t, formatPercent } = useTranslator();
  if (goals.length === 0) return <Text>{t("dashboard.atRisk.none")}</Text>;
  return (
    <ul className={styles.list} aria-label={t("dashboard.atRisk")}>
      {goals.map((goal) => (
        <li key={goal.id} className={styles.item}>
          <Badge appearance="tint" color={goal.reason === "confidence" ? "danger" : "warning"}>
            {goal.reason === "confidence" ? t("dashboard.atRisk.owner") : t("dashboard.atRisk.behind")}
          </Badge>
          <Text weight="semibold">{goal.title}</Text>
          <Text className={styles.owner}>
            {t("dashboard.atRisk.owned", { owner: goal.ownerName, progress: formatPercent(goal.progress) })}
          </Text>
          <GoalDetailsButton goalId={goal.id} title={goal.title} />
        </li>
      ))}
    </ul>
  );
}
