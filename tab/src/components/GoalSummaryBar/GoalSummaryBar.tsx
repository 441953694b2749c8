/** The cycle at a glance: how many goals, how far overall, what waits on whom. */
import { Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo } from "react";
import type { GoalView } from "../../api/types.js";
import { summariseGoals } from "../../logic/goal-summary.js";
import { GoalProgress } from "../GoalProgress/GoalProgress.js";
import { useTranslator } from "../../i18n/use-translator.js";

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
  const { t, formatNumber } = useTranslator();
  const stats = [
    { label: t("summary.goals"), value: summary.count },
    { label: t("summary.waiting"), value: summary.waitingCount },
    { label: t("summary.needsWork"), value: summary.needsWorkCount },
  ];
  return (
    <section className={styles.root} aria-label={t("summary.label")}>
      {stats.map((stat) => (
        <div key={stat.label} className={styles.stat}>
          <Text size={600} weight="semibold">
            {formatNumber(stat.value)}
          </Text>
          <Text size={200} className={styles.label}>
            {stat.label}
          </Text>
        </div>
      ))}
      <div className={styles.progress}>
        <Text size={200} className={styles.label}>
          {t("summary.progress")} {isRefreshing && <Spinner size="extra-tiny" aria-label={t("summary.refreshing")} as="span" />}
        </Text>
        <GoalProgress value={summary.progress} label={t("summary.progress")} />
      </div>
    </section>
  );
}
